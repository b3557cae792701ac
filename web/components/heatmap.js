// A year of activity, GitHub-contribution style: one column per week (Sunday on top), one square
// per day, darker for more entries. Drawn as SVG by hand: it is a few dozen lines, and a chart
// library would be a download and a build step for the same squares.

import { h } from '../dom.js';
import { formatDate, monthName } from '../format.js';
import { language, t } from '../i18n.js';

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

function weekdayName(dayIndex) {
  // 2023-01-01 was a Sunday.
  const day = new Date(Date.UTC(2023, 0, 1 + dayIndex));
  return new Intl.DateTimeFormat(language() === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'UTC', weekday: 'short' }).format(day);
}

// `today` (YYYY-MM-DD), when it falls in the year, is scrolled into view on a narrow screen.
export function heatmap({ year, days = [], max = 0 }, today = '') {
  const counts = new Map(days.map((day) => [day.date, day.count]));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  const leading = new Date(start).getUTCDay(); // empty cells before 1 January
  const weeks = Math.ceil((leading + (end - start) / DAY_MS + 1) / 7);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;

  const grid = svg('g', { class: 'days' });
  const months = svg('g', { class: 'month-names', 'aria-hidden': 'true' });
  for (let time = start; time <= end; time += DAY_MS) {
    const offset = leading + (time - start) / DAY_MS;
    const week = Math.floor(offset / 7);
    const weekday = offset % 7;
    const date = isoDay(time);
    const count = counts.get(date) ?? 0;
    const x = LEFT + week * STEP;
    grid.append(svg('rect', {
      x,
      y: TOP + weekday * STEP,
      width: CELL,
      height: CELL,
      rx: 2,
      class: `day level-${level(count, max)}`,
      'data-date': date,
      'data-count': count,
    }, svg('title', {}, t('heatmap.day', { date: formatDate(date), count }))));
    const dayOfMonth = new Date(time).getUTCDate();
    if (dayOfMonth === 1) months.append(svg('text', { x, y: TOP - 6, class: 'label' }, monthName(new Date(time).getUTCMonth())));
  }
  const weekdays = svg('g', { class: 'weekday-names', 'aria-hidden': 'true' });
  for (const dayIndex of [1, 3, 5])
    weekdays.append(svg('text', { x: 0, y: TOP + dayIndex * STEP + CELL - 2, class: 'label' }, weekdayName(dayIndex)));

  const total = days.reduce((sum, day) => sum + day.count, 0);
  const summary = t('heatmap.summary', { year, days: days.filter((day) => day.count > 0).length, count: total });
  const picture = svg('svg', {
    class: 'heatmap',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': summary,
  }, months, weekdays, grid);

  const legend = h('div', { class: 'heatmap-legend', 'aria-hidden': 'true' },
    h('span', {}, t('heatmap.less')),
    [0, 1, 2, 3, 4].map((step) => h('span', { class: `swatch level-${step}` })),
    h('span', {}, t('heatmap.more')));

  // Scrolls sideways on a narrow screen; focusable so the keyboard can scroll it too.
  const scroller = h('div', { class: 'heatmap-scroll', tabindex: '0', role: 'group', 'aria-label': t('heatmap.scroll_label', { year }) }, picture);
  if (today.startsWith(`${year}-`)) {
    const todayShare = (LEFT + (leading + (Date.parse(today) - start) / DAY_MS) / 7 * STEP) / width;
    // After the browser has laid the grid out.
    requestAnimationFrame(() => {
      scroller.scrollLeft = todayShare * scroller.scrollWidth - scroller.clientWidth + 2 * STEP;
    });
  }
  return h('div', { class: 'heatmap-block' },
    scroller,
    h('div', { class: 'heatmap-foot' }, h('p', { class: 'muted small' }, summary), legend));
}
