// Dates and numbers as the user reads them: in their time zone (from /settings) and language.

import { settings } from './catalog.js';
import { language } from './i18n.js';

const locale = () => (language() === 'ko' ? 'ko-KR' : 'en-GB');

function zone() {
  return settings.time_zone || 'UTC';
}

// An instant with its own offset ("2024-10-05T20:00:00+09:00") as a date and time in the
// user's time zone.
export function formatDateTime(iso) {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso ?? '';
  return new Intl.DateTimeFormat(locale(), {
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
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', dateStyle: style }).format(utc);
}

// The user's local calendar date of an instant ("2026-11-23T11:54:52Z"); a bare date passes as is.
export function formatDayOf(text) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text ?? '')) return formatDate(text);
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return text ?? '';
  return new Intl.DateTimeFormat(locale(), { timeZone: zone(), dateStyle: 'medium' }).format(instant);
}

export function monthName(monthIndex, style = 'short') {
  const utc = new Date(Date.UTC(2000, monthIndex, 1));
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: style }).format(utc);
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

export function formatNumber(value) {
  if (typeof value !== 'number') return String(value ?? '');
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
}
