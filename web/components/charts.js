// The year's charts, drawn as SVG by hand as the heatmap is, each with its text equivalent: a
// legend in words and a real <table> holding the same numbers. The standalone HTML report draws
// the same charts in C++ (core/src/service/report_charts.cpp): keep the two alike.
//   monthsChart: entries per month stacked by plugin (GET /dashboard or /report, months_by_plugin)
//   goalChart:   a goal's cumulative progress against its road, cycles marked by outcome

import { manifests, pluginName } from '../catalog.js';
import { h } from '../dom.js';
import { formatDate, formatNumber, monthName } from '../format.js';
import { t } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const LEFT = 40;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 24;
const BARS_HEIGHT = 220;
const LINE_HEIGHT = 200;
const PALETTE_SIZE = 8; // --series-0 … --series-7 in style.css
// More cycles than this and the marks would crowd each other: the table still lists them.
const MOST_MARKED_CYCLES = 60;
const OUTCOMES = ['met', 'passed', 'paused', 'missed', 'open'];
const DAY_MS = 86_400_000;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) if (value != null) element.setAttribute(key, String(value));
  for (const child of children.flat(Infinity)) if (child != null) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

const round = (value) => Math.round(value * 10) / 10;

// A round top for an axis: 1, 2 or 5 times a power of ten per step, four steps at most.
function axisTop(largest) {
  if (largest <= 0) return 1;
  const rough = largest / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => power * factor).find((candidate) => candidate >= rough);
  return Math.ceil(largest / step - 1e-9) * step;
}

// Grid lines at 0, half and the top, with their numbers.
function yAxis(top, plotBottom) {
  return svg('g', { class: 'axis', 'aria-hidden': 'true' }, [0, 0.5, 1].map((share) => {
    const y = round(plotBottom - share * (plotBottom - TOP));
    return [
      svg('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, class: 'grid' }),
      svg('text', { x: LEFT - 6, y: y + 4, 'text-anchor': 'end' }, formatNumber(top * share)),
    ];
  }));
}

// A plugin's colour: its place among the loaded plugins (as the dashboard's cards take theirs),
// the others after them.
export function seriesClasses(pluginIds) {
  const loaded = manifests().map((manifest) => manifest.id);
  let others = 0;
  return pluginIds.map((id) => {
    const place = loaded.indexOf(id);
    return `series-${(place >= 0 ? place : loaded.length + others++) % PALETTE_SIZE}`;
  });
}

export function pluginSeriesClass(pluginId) {
  return seriesClasses([pluginId])[0];
}

function swatch(className) {
  return svg('svg', { class: 'swatch-mark', width: 12, height: 12, 'aria-hidden': 'true' },
    svg('rect', { width: 12, height: 12, rx: 2, class: className }));
}

// Entries per month of `year`, a bar per month stacked by plugin, from months_by_plugin
// ([{plugin, months: [12 counts], entries}]).
export function monthsChart(year, series = []) {
  if (!series.length) return null;
  const classes = seriesClasses(series.map((item) => item.plugin));
  const totals = Array.from({ length: 12 }, (unused, month) => series.reduce((sum, item) => sum + (item.months[month] ?? 0), 0));
  const total = totals.reduce((sum, count) => sum + count, 0);
  const top = axisTop(Math.max(...totals));
  const plotBottom = BARS_HEIGHT - BOTTOM;
  const slot = (WIDTH - LEFT - RIGHT) / 12;
  const bars = [];
  const labels = [];
  for (let month = 0; month < 12; month += 1) {
    const x = round(LEFT + slot * month + slot * 0.15);
    let stacked = 0;
    series.forEach((item, index) => {
      const count = item.months[month] ?? 0;
      if (!count) return;
      const height = (count / top) * (plotBottom - TOP);
      stacked += height;
      bars.push(svg('rect', {
        x, y: round(plotBottom - stacked), width: round(slot * 0.7), height: round(height),
        class: `bar ${classes[index]}`, 'data-plugin': item.plugin, 'data-month': month + 1, 'data-count': count,
      }));
    });
    labels.push(svg('text', { x: round(x + slot * 0.35), y: BARS_HEIGHT - 8, 'text-anchor': 'middle' }, monthName(month)));
  }
  const picture = svg('svg', {
    class: 'plot months-plot',
    viewBox: `0 0 ${WIDTH} ${BARS_HEIGHT}`,
    role: 'img',
    'aria-label': t('chart.months_label', { year, count: formatNumber(total) }),
  }, yAxis(top, plotBottom), svg('g', { class: 'bars' }, bars), svg('g', { class: 'axis', 'aria-hidden': 'true' }, labels));

  const legend = h('ul', { class: 'chart-legend' }, series.map((item, index) =>
    h('li', {}, swatch(classes[index]), pluginName(item.plugin))));
  const table = h('table', { class: 'chart-table months-table' },
    h('caption', {}, t('chart.months_caption', { year })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('chart.month')),
      series.map((item) => h('th', { scope: 'col', dataset: { plugin: item.plugin } }, pluginName(item.plugin))),
      h('th', { scope: 'col' }, t('chart.total')))),
    h('tbody', {}, totals.map((monthTotal, month) =>
      h('tr', { dataset: { month: month + 1 } },
        h('th', { scope: 'row' }, monthName(month, 'long')),
        series.map((item) => h('td', { dataset: { plugin: item.plugin } }, formatNumber(item.months[month] ?? 0))),
        h('td', { class: 'total' }, formatNumber(monthTotal))))));
  return h('figure', { class: 'chart months-chart' }, picture, legend,
    h('details', { class: 'chart-data' }, h('summary', {}, t('chart.as_table')), table));
}

const dayNumber = (day) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

// The mark of a cycle's outcome: its shape says the outcome as well as its colour does.
function outcomeMark(outcome, x, y) {
  const at = (value) => round(value);
  switch (outcome) {
    case 'met': return svg('circle', { cx: at(x), cy: at(y), r: 4, class: 'mark met' });
    case 'passed': return svg('circle', { cx: at(x), cy: at(y), r: 3.5, class: 'mark passed' });
    case 'paused': return svg('rect', { x: at(x - 3.5), y: at(y - 3.5), width: 7, height: 7, class: 'mark paused' });
    case 'missed': return svg('path', { d: `M${at(x - 4)} ${at(y - 4)}l8 8m0 -8l-8 8`, class: 'mark missed' });
    default: return svg('path', { d: `M${at(x)} ${at(y - 5)}l5 5l-5 5l-5 -5z`, class: 'mark open' });
  }
}

function lineKey(className) {
  return svg('svg', { width: 22, height: 12, 'aria-hidden': 'true' }, svg('path', { d: 'M1 6h20', class: className }));
}

// A goal report's progress_line ([{date, progress, road, outcome}]) against its road, from the
// goal's start to its end (or to the last point when it has none).
export function goalChart(report) {
  const line = report.progress_line ?? [];
  if (!line.length) return null;
  const start = report.starts_on;
  const last = line[line.length - 1];
  const lastDay = report.ends_on && report.ends_on > last.date ? report.ends_on : last.date;
  const span = Math.max(1, dayNumber(lastDay) - dayNumber(start) + 1);
  const target = report.state?.target;
  const largest = Math.max(target ?? 0, ...line.map((point) => Math.max(point.progress, point.road ?? 0)));
  const top = axisTop(largest);
  const plotBottom = LINE_HEIGHT - BOTTOM;
  const xOf = (day) => round(LEFT + ((dayNumber(day) - dayNumber(start) + 1) / span) * (WIDTH - LEFT - RIGHT));
  const yOf = (value) => round(plotBottom - (value / top) * (plotBottom - TOP));

  const origin = `M${LEFT} ${yOf(0)}`;
  const progressPath = origin + line.map((point) => `L${xOf(point.date)} ${yOf(point.progress)}`).join('');
  const roadPoints = line.filter((point) => point.road != null);
  let roadPath = roadPoints.length ? origin + roadPoints.map((point) => `L${xOf(point.date)} ${yOf(point.road)}`).join('') : null;
  // A target's road goes on to the end, where it meets the target.
  if (roadPath && target != null && report.ends_on && report.ends_on > last.date) roadPath += `L${xOf(report.ends_on)} ${yOf(target)}`;
  const marked = line.length <= MOST_MARKED_CYCLES && line.some((point) => point.outcome);

  const name = report.person ? `${report.title} — ${report.person}` : report.title;
  const label = [t('chart.goal_label', { title: name, date: formatDate(last.date), progress: formatNumber(last.progress) }),
    last.road != null ? t('chart.goal_label_road', { road: formatNumber(last.road) }) : '',
    t('chart.see_table')].join(' ');
  const picture = svg('svg', {
    class: 'plot goal-plot',
    viewBox: `0 0 ${WIDTH} ${LINE_HEIGHT}`,
    role: 'img',
    'aria-label': label,
  },
  yAxis(top, plotBottom),
  svg('g', { class: 'axis', 'aria-hidden': 'true' },
    svg('text', { x: LEFT, y: LINE_HEIGHT - 6, 'text-anchor': 'start' }, formatDate(start)),
    svg('text', { x: WIDTH - RIGHT, y: LINE_HEIGHT - 6, 'text-anchor': 'end' }, formatDate(lastDay))),
  roadPath ? svg('path', { d: roadPath, class: 'road' }) : null,
  svg('path', { d: progressPath, class: 'progress-line', 'data-last-progress': last.progress, 'data-last-date': last.date }),
  marked ? svg('g', { class: 'marks' }, line.filter((point) => point.outcome).map((point) =>
    outcomeMark(point.outcome, xOf(point.date), yOf(point.progress)))) : null);

  const legend = h('ul', { class: 'chart-legend' },
    h('li', {}, lineKey('progress-line'), t('chart.progress')),
    roadPath ? h('li', {}, lineKey('road'), t('chart.road')) : null,
    marked ? OUTCOMES.filter((outcome) => line.some((point) => point.outcome === outcome)).map((outcome) => h('li', {},
      svg('svg', { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' }, outcomeMark(outcome, 6, 6)),
      t(`outcome.${outcome}`))) : null);
  const table = h('table', { class: 'chart-table goal-table' },
    h('caption', {}, t('chart.goal_caption', { title: name })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('chart.date')),
      h('th', { scope: 'col' }, t('chart.progress')),
      h('th', { scope: 'col' }, t('chart.road')),
      h('th', { scope: 'col' }, t('chart.cycle')))),
    h('tbody', {}, line.map((point) =>
      h('tr', { dataset: { date: point.date } },
        h('th', { scope: 'row' }, formatDate(point.date)),
        h('td', { class: 'progress' }, formatNumber(point.progress)),
        h('td', { class: 'road' }, point.road != null ? formatNumber(point.road) : '—'),
        h('td', { class: 'outcome' }, point.outcome ? t(`outcome.${point.outcome}`) : '—')))));
  return h('figure', { class: 'chart goal-chart', dataset: { goalId: report.id } },
    picture, legend,
    h('details', { class: 'chart-data' }, h('summary', {}, t('chart.as_table')), table));
}
