// Dates and numbers as the user reads them: in their time zone (from /settings) and language.

import { settings } from './catalog.js';
import { language } from './i18n.js';

const locale = () => (language() === 'ko' ? 'ko-KR' : 'en-GB');

function zone() {
  return settings.time_zone || 'UTC';
}

// Building an Intl formatter costs far more than using one, and the dashboard's heatmap formats
// every day of the year: each formatter is built once per language and options.
const formatters = new Map();
function cachedFormatter(Kind, options) {
  const key = `${Kind.name} ${locale()} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Kind(locale(), options));
  return formatters.get(key);
}

// An instant with its own offset ("2024-10-05T20:00:00+09:00") as a date and time in the
// user's time zone.
export function formatDateTime(iso) {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso ?? '';
  return cachedFormatter(Intl.DateTimeFormat, {
    timeZone: zone(),
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(instant);
}

// A calendar date ("2024-10-05") as written in the user's language; it names a day, not an
// instant, so no time zone moves it.
export function formatDate(day, style = 'medium') {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return day ?? '';
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return cachedFormatter(Intl.DateTimeFormat, { timeZone: 'UTC', dateStyle: style }).format(utc);
}

// The user's local calendar date of an instant ("2026-11-23T11:54:52Z"); a bare date passes as is.
export function formatDayOf(text) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text ?? '')) return formatDate(text);
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return text ?? '';
  return cachedFormatter(Intl.DateTimeFormat, { timeZone: zone(), dateStyle: 'medium' }).format(instant);
}

export function monthName(monthIndex, style = 'short') {
  const utc = new Date(Date.UTC(2000, monthIndex, 1));
  return cachedFormatter(Intl.DateTimeFormat, { timeZone: 'UTC', month: style }).format(utc);
}

// "YYYY-MM-DDTHH:MM" of an instant in the user's time zone, as a datetime-local input wants it.
// The server reads a time without an offset in that same zone.
export function dateTimeInputValue(instant) {
  const parts = {};
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// A figure by the rule the server writes the report and `hoego stats` by (format_figure in
// sdk/include/hoego/sdk_figures.hpp): one decimal, half away from zero as a person rounds the
// decimal they read (14.75 → 14.8, 1.15 → 1.2), a whole number without ".0", never "-0".
export function roundedFigure(value) {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e12) return Math.round(value) + 0;
  const tenths = Math.floor((Math.round(magnitude * 1e6) + 50000) / 100000);
  if (tenths === 0) return 0;
  return (value < 0 ? -tenths : tenths) / 10;
}

export function formatNumber(value) {
  if (typeof value !== 'number') return String(value ?? '');
  return cachedFormatter(Intl.NumberFormat, { maximumFractionDigits: 1 }).format(roundedFigure(value));
}

// A calendar date as a short month and day ("12월 5일", "5 Dec"): a board's column heads.
export function formatMonthDay(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return day ?? '';
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return cachedFormatter(Intl.DateTimeFormat, { timeZone: 'UTC', month: language() === 'ko' ? 'long' : 'short', day: 'numeric' }).format(utc);
}

// How far an instant is from now in words ("3분 전", "in 2 hours"), in the largest unit that
// fits; `now` is for tests and for one list drawn against the same moment.
export function formatRelative(iso, now = Date.now()) {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return iso ?? '';
  const seconds = (instant - now) / 1000;
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  const formatter = cachedFormatter(Intl.RelativeTimeFormat, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
  }
  return formatter.format(0, 'second');
}
