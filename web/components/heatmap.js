// A year of activity, GitHub-contribution style: one column per week (Sunday on top), one square
// per day, darker for more entries. Drawn as SVG by hand: it is a few dozen lines, and a chart
// library would be a download and a build step for the same squares.
//
// The days are a grid (ARIA grid: a row per weekday, a cell per day) with one tab stop: the
// arrow keys move by day (up, down) and by week (left, right), Home and End to the week's first
// and last day, Page Up and Page Down by a month, Ctrl+Home and Ctrl+End to the year's ends.
// Enter, Space, a click or a tap opens the day: its entries are listed under the calendar.
// Today's square is outlined and says so in its name.

import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDate, monthName } from '../format.js';
import { language, t } from '../i18n.js';
import { entryLine } from './entry-item.js';

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 12;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 30; // room for weekday names
const TOP = 18; // room for month names
const DAY_MS = 86_400_000;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  for (const child of children) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

// 0 for no entries, else 1–4 by the day's share of the busiest day.
function level(count, max) {
  if (!count) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / Math.max(max, 1)) * 4)));
}

function weekdayName(dayIndex, style = 'short') {
  // 2023-01-01 was a Sunday.
  const day = new Date(Date.UTC(2023, 0, 1 + dayIndex));
  return new Intl.DateTimeFormat(language() === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'UTC', weekday: style }).format(day);
}

// The day `time` moved by a key, or undefined for a key the grid does not use.
function moved(key, time, ctrl) {
  const date = new Date(time);
  const weekday = date.getUTCDay();
  switch (key) {
    case 'ArrowUp': return time - DAY_MS;
    case 'ArrowDown': return time + DAY_MS;
    case 'ArrowLeft': return time - 7 * DAY_MS;
    case 'ArrowRight': return time + 7 * DAY_MS;
    case 'Home': return ctrl ? Date.UTC(date.getUTCFullYear(), 0, 1) : time - weekday * DAY_MS;
    case 'End': return ctrl ? Date.UTC(date.getUTCFullYear(), 11, 31) : time + (6 - weekday) * DAY_MS;
    case 'PageUp': return sameDayOfMonth(date, -1);
    case 'PageDown': return sameDayOfMonth(date, 1);
    default: return undefined;
  }
}

// The same day `months` months away, or that month's last day (31 March → 28 February).
function sameDayOfMonth(date, months) {
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0)).getUTCDate();
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, Math.min(date.getUTCDate(), lastDay));
}

// The opened day's entries, under the calendar, with a way to the timeline filtered to the day.
async function showDay(panel, date, plugin) {
  const filters = { since: date, until: date, limit: 0 };
  if (plugin) filters.plugin = plugin;
  const timeline = new URLSearchParams(filters);
  timeline.delete('limit');
  const heading = h('h3', { class: 'heatmap-day-title' }, t('heatmap.day_title', { date: formatDate(date, 'full') }));
  panel.replaceChildren(heading, h('p', { class: 'muted small' }, t('common.loading')));
  panel.hidden = false;
  panel.dataset.date = date;
  try {
    const entries = await api.entries(filters);
    if (panel.dataset.date !== date) return; // another day was opened meanwhile
    panel.replaceChildren(heading,
      entries.length
        ? h('ul', { class: 'plain lines heatmap-day-entries' }, entries.map(entryLine))
        : h('p', { class: 'muted small' }, t('heatmap.day_none')),
      h('p', { class: 'small' }, h('a', { href: `#/timeline?${timeline}` }, t('heatmap.in_timeline'))));
  } catch (error) {
    panel.replaceChildren(heading, h('p', { role: 'alert' }, t('common.load_failed', { message: error.message })));
  }
}

// `today` (YYYY-MM-DD), when it falls in the year, is marked, takes the grid's tab stop and is
// scrolled into view on a narrow screen. `plugin` narrows the entries a day opens to its own.
export function heatmap({ year, days = [], max = 0 }, today = '', { plugin = '' } = {}) {
  const counts = new Map(days.map((day) => [day.date, day.count]));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const leading = new Date(start).getUTCDay(); // empty cells before 1 January
  const weeks = Math.ceil((leading + (end - start) / DAY_MS + 1) / 7);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;

  const rows = Array.from({ length: 7 }, (unused, weekday) =>
    svg('g', { role: 'row', 'aria-label': weekdayName(weekday, 'long') }));
  const months = svg('g', { class: 'month-names', 'aria-hidden': 'true' });
  const cells = new Map();
  const lastActive = days.filter((day) => day.count > 0).at(-1)?.date;
  const focusDate = today.startsWith(`${year}-`) ? today : lastActive ?? isoDay(start);
  for (let time = start; time <= end; time += DAY_MS) {
    const offset = leading + (time - start) / DAY_MS;
    const week = Math.floor(offset / 7);
    const weekday = offset % 7;
    const date = isoDay(time);
    const count = counts.get(date) ?? 0;
    const x = LEFT + week * STEP;
    const name = t('heatmap.day', { date: formatDate(date, 'full'), count }) + (date === today ? t('heatmap.today_suffix') : '');
    const cell = svg('rect', {
      x,
      y: TOP + weekday * STEP,
      width: CELL,
      height: CELL,
      rx: 2,
      class: `day level-${level(count, max)}${date === today ? ' today' : ''}`,
      role: 'gridcell',
      tabindex: date === focusDate ? '0' : '-1',
      'aria-label': name,
      'data-date': date,
      'data-count': count,
    });
    if (date === today) cell.setAttribute('aria-current', 'date');
    rows[weekday].append(cell);
    cells.set(date, cell);
    const dayOfMonth = new Date(time).getUTCDate();
    if (dayOfMonth === 1) months.append(svg('text', { x, y: TOP - 6, class: 'label' }, monthName(new Date(time).getUTCMonth())));
  }
  const weekdays = svg('g', { class: 'weekday-names', 'aria-hidden': 'true' });
  for (const dayIndex of [1, 3, 5])
    weekdays.append(svg('text', { x: 0, y: TOP + dayIndex * STEP + CELL - 2, class: 'label' }, weekdayName(dayIndex)));

  const total = days.reduce((sum, day) => sum + day.count, 0);
  const summary = t('heatmap.summary', { year, days: days.filter((day) => day.count > 0).length, count: total });
  const grid = svg('g', { class: 'days', role: 'grid', 'aria-label': t('heatmap.grid_label', { year }) }, ...rows);
  const picture = svg('svg', {
    class: 'heatmap',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'none',
  }, months, weekdays, grid);

  const panel = h('section', { class: 'heatmap-day', hidden: true, 'aria-live': 'polite' });
  const hint = h('p', { class: 'muted small heatmap-hint', id: `heatmap-hint-${year}` }, t('heatmap.keys_hint'));
  grid.setAttribute('aria-describedby', hint.id);

  const moveTo = (date) => {
    const cell = cells.get(date);
    if (!cell) return;
    for (const other of grid.querySelectorAll('[tabindex="0"]')) other.setAttribute('tabindex', '-1');
    cell.setAttribute('tabindex', '0');
    cell.focus();
  };
  const open = (date) => {
    for (const other of grid.querySelectorAll('.opened')) other.classList.remove('opened');
    cells.get(date)?.classList.add('opened');
    showDay(panel, date, plugin);
  };
  grid.addEventListener('keydown', (event) => {
    const date = event.target.dataset?.date;
    if (!date) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(date);
      return;
    }
    const next = moved(event.key, Date.parse(`${date}T00:00:00Z`), event.ctrlKey || event.metaKey);
    if (next === undefined) return;
    event.preventDefault();
    moveTo(isoDay(Math.min(end, Math.max(start, next))));
  });
  // A click, or a tap anywhere in a day's square or the gap beside it, opens the nearest day: on
  // a touch screen the squares are small, so the whole step counts.
  picture.addEventListener('click', (event) => {
    let date = event.target.dataset?.date;
    if (!date) {
      const matrix = picture.getScreenCTM();
      if (!matrix) return;
      const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      const week = Math.floor((point.x - LEFT + GAP / 2) / STEP);
      const weekday = Math.floor((point.y - TOP + GAP / 2) / STEP);
      if (weekday < 0 || weekday > 6 || week < 0) return;
      const time = start + (week * 7 + weekday - leading) * DAY_MS;
      if (time < start || time > end) return;
      date = isoDay(time);
    }
    moveTo(date);
    open(date);
  });

  const legend = h('div', { class: 'heatmap-legend', 'aria-hidden': 'true' },
    h('span', {}, t('heatmap.less')),
    [0, 1, 2, 3, 4].map((step) => h('span', { class: `swatch level-${step}` })),
    h('span', {}, t('heatmap.more')));

  // Scrolls sideways on a narrow screen; a focused day scrolls itself into view.
  const scroller = h('div', { class: 'heatmap-scroll' }, picture);
  if (today.startsWith(`${year}-`)) {
    const todayShare = (LEFT + (leading + (Date.parse(today) - start) / DAY_MS) / 7 * STEP) / width;
    // After the browser has laid the grid out.
    requestAnimationFrame(() => {
      scroller.scrollLeft = todayShare * scroller.scrollWidth - scroller.clientWidth + 2 * STEP;
    });
  }
  return h('div', { class: 'heatmap-block' },
    scroller,
    h('div', { class: 'heatmap-foot' }, h('p', { class: 'muted small' }, summary), legend),
    hint,
    panel);
}
