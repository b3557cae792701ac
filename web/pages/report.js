// #/report?year=YYYY — the year in review: the year's numbers by plugin, how each goal ended, a
// month-by-month timeline of highlights, the milestones reached and the people to thank.
// A printable page: the print stylesheet in style.css hides the navigation and the buttons.

import { api } from '../api.js';
import { currentYear, manifests, pluginName } from '../catalog.js';
import { goalChart, monthsChart } from '../components/charts.js';
import { entryLink, entryTitle } from '../components/entry-item.js';
import { failedPart, failuresOf } from '../components/failed-part.js';
import { metricFigure } from '../components/metric-figure.js';
import { h } from '../dom.js';
import { formatDate, formatDayOf, formatNumber, monthName } from '../format.js';
import { language, localized, t } from '../i18n.js';

function yearOf(query) {
  const year = Number.parseInt(query.get('year') ?? '', 10);
  return year >= 1900 && year <= 9999 ? year : currentYear();
}

export function title(params, query) {
  return t('report.title', { year: yearOf(query) });
}

// A section with an h2 that names it.
function section(key, className, ...children) {
  const headingId = `report-${key}-heading`;
  return h('section', { class: `report-section ${className}`, 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t(`report.${key}`)),
    children);
}

function metricItem(metric) {
  return h('div', { class: 'stat', dataset: { metric: `${metric.plugin}/${metric.id}` } },
    h('dt', {}, localized(metric.label, metric.id)),
    h('dd', {}, metricFigure(metric)));
}

// The metrics that counted something, grouped by plugin in the order of the loaded manifests
// (a plugin the page does not know still shows, after them). Zeros are left out, as the CLI's
// report does: a year of mentoring does not need "0 awards".
function numbersSection(metrics) {
  const shown = metrics.filter((metric) => typeof metric.value === 'number' ? metric.value !== 0 : metric.value);
  const order = manifests().map((manifest) => manifest.id);
  const plugins = [...new Set(shown.map((metric) => metric.plugin))]
    .sort((a, b) => (order.indexOf(a) + 1 || Infinity) - (order.indexOf(b) + 1 || Infinity));
  return section('numbers', 'report-numbers',
    plugins.length
      ? h('div', { class: 'cards report-cards' }, plugins.map((plugin) =>
          h('section', { class: `card plugin-${plugin}`, 'aria-label': pluginName(plugin), dataset: { plugin } },
            h('h3', {}, pluginName(plugin)),
            h('dl', { class: 'stats' }, shown.filter((metric) => metric.plugin === plugin).map(metricItem)))))
      : h('p', { class: 'muted' }, t('report.numbers_none')));
}

function goalItem(report) {
  const { state } = report;
  const status = state.status;
  const name = report.person ? `${report.title} — ${report.person}` : report.title;
  const progress = state.target != null
    ? t('goals.progress', { progress: formatNumber(state.progress), target: formatNumber(state.target) })
    : t('goals.progress_total', { progress: formatNumber(state.progress) });
  const cadenced = report.cadence && report.cadence !== 'none';
  return h('li', { class: `report-goal status-${status}`, dataset: { goalId: report.id, status } },
    h('div', { class: 'goal-head' },
      h('h3', { class: 'goal-title' }, name),
      h('span', { class: `status-badge ${status}` }, t(`status.${status}`))),
    h('p', { class: 'muted small' },
      pluginName(report.plugin),
      report.starts_on ? ` · ${report.ends_on
        ? t('goals.period', { from: formatDate(report.starts_on), until: formatDate(report.ends_on) })
        : t('goals.period_open', { from: formatDate(report.starts_on) })}` : ''),
    h('p', { class: 'report-goal-progress' }, progress),
    cadenced
      ? h('p', { class: 'small' }, t('report.goal_cycles', {
          met: state.cycles_met ?? 0,
          missed: state.cycles_missed ?? 0,
          passed: state.cycles_passed ?? 0,
          longest: state.longest_streak ?? 0,
        }))
      : null,
    goalChart(report));
}

function goalsSection(goals) {
  return section('goals', 'report-goals',
    goals.length
      ? h('ul', { class: 'plain report-goal-list' }, goals.map(goalItem))
      : h('p', { class: 'muted' }, t('report.goals_none')));
}

function highlight(entry) {
  return h('li', {},
    h('a', { href: entryLink(entry) }, entryTitle(entry)),
    h('span', { class: 'muted' },
      ' · ', formatDayOf(entry.local_date ?? entry.when),
      ' · ', pluginName(entry.plugin),
      entry.people?.length ? ` · ${entry.people.join(', ')}` : ''));
}

// The year's entries per month by plugin as a chart with its table, then only the months with
// entries, in calendar order.
function monthsSection(year, months, monthsByPlugin) {
  const active = months.filter((month) => month.entries > 0).sort((a, b) => a.month - b.month);
  return section('months', 'report-months',
    monthsChart(year, monthsByPlugin),
    h('ol', { class: 'plain report-month-list' }, active.map((month) =>
      h('li', { class: 'report-month', dataset: { month: month.month } },
        h('h3', {}, t('report.month_heading', { month: monthName(month.month - 1, 'long'), count: formatNumber(month.entries) })),
        (month.highlights ?? []).length
          ? h('ul', { class: 'plain lines' }, month.highlights.map(highlight))
          : null))));
}

// A plugin that failed to derive its milestones is named here, with why; the others' are listed.
function milestonesSection(milestones, failed) {
  const failures = failuresOf(failed, 'milestones');
  const list = milestones.length
    ? h('ul', { class: 'plain lines milestones' }, milestones.map((milestone) =>
        h('li', {},
          h('span', { class: 'milestone-mark', 'aria-hidden': 'true' }, '★ '),
          h('strong', {}, localized(milestone.label, milestone.id)),
          milestone.person ? ` · ${milestone.person}` : '',
          h('span', { class: 'muted' }, ' · ', milestone.entry_title ?? '', ' · ', formatDayOf(milestone.local_date ?? milestone.when)))))
    : null;
  const none = milestones.length || failures.length ? null : h('p', { class: 'muted' }, t('report.milestones_none'));
  return section('milestones', 'report-milestones', failures.map(failedPart), list, none);
}

function peopleSection(people) {
  return section('people', 'report-people',
    people.length
      ? [h('p', {}, t('report.people_intro')),
          h('ul', { class: 'report-people-list' }, people.map((person) =>
            h('li', {}, t('report.person_entries', { name: person.name, count: formatNumber(person.entries) }))))]
      : h('p', { class: 'muted' }, t('report.people_none')));
}

// Each plugin's own section, written by the plugin in the page's language; then the sections
// plugins failed to write, each named with why.
function pluginSections(sections, failed) {
  const failures = failuresOf(failed, 'report_section');
  return [...sections.map((part) => {
    const headingId = `report-plugin-${part.plugin}-heading`;
    return h('section', { class: 'report-section report-plugin-section', 'aria-labelledby': headingId, dataset: { plugin: part.plugin } },
      h('h2', { id: headingId }, part.title),
      (part.paragraphs ?? []).map((paragraph) => h('p', {}, paragraph)));
  }), failures.length ? section('left_out', 'report-left-out', failures.map(failedPart)) : null];
}

function yearNavigation(year) {
  const link = (to, key) => h('a', { href: `#/report?year=${to}`, class: 'button-link secondary small' }, t(key, { year: to }));
  return h('nav', { class: 'year-nav', 'aria-label': t('report.years') },
    link(year - 1, 'report.previous_year'), link(year + 1, 'report.next_year'));
}

function printButton() {
  return h('button', { type: 'button', class: 'secondary small print-button', on: { click: () => window.print() } }, t('report.print'));
}

export async function render(params, query) {
  const year = yearOf(query);
  const report = await api.report(year, language());
  const entries = report.entries ?? 0;
  const goals = report.goals ?? [];
  const head = h('div', { class: 'page-head' },
    h('h1', { tabindex: '-1' }, t('report.title', { year })),
    h('div', { class: 'report-actions' }, yearNavigation(year), printButton()));
  if (entries === 0 && goals.length === 0) {
    return h('div', { class: 'page report' }, head,
      h('p', { class: 'report-empty card' }, t('report.empty', { year })));
  }
  return h('div', { class: 'page report' },
    head,
    h('p', { class: 'report-summary' },
      entries ? t('report.summary', { year, count: formatNumber(entries) }) : t('report.empty', { year }),
      report.as_of ? h('span', { class: 'muted' }, ' ', t('report.as_of', { date: formatDate(report.as_of) })) : null),
    numbersSection(report.metrics ?? []),
    goalsSection(goals),
    entries ? monthsSection(year, report.months ?? [], report.months_by_plugin ?? []) : null,
    milestonesSection(report.milestones ?? [], report.failed),
    peopleSection(report.people ?? []),
    pluginSections(report.sections ?? [], report.failed));
}
