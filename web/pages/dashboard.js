// #/?year=YYYY — this week first (goals and due dates, most urgent first), the open follow-ups,
// the year's activity heatmap, and a card per plugin built from the widgets its manifest
// declares.

import { api } from '../api.js';
import { currentYear, manifests, pluginName, settings } from '../catalog.js';
import { goalChart, monthsChart, pluginSeriesClass } from '../components/charts.js';
import { entryLine } from '../components/entry-item.js';
import { failedPart } from '../components/failed-part.js';
import { followUpList } from '../components/follow-up-list.js';
import { goalCard } from '../components/goal-card.js';
import { heatmap } from '../components/heatmap.js';
import { metricFigure } from '../components/metric-figure.js';
import { thisWeekSection } from '../components/this-week.js';
import { unloadedNotice } from '../components/unloaded-notice.js';
import { h, options, uniqueId } from '../dom.js';
import { formatDayOf } from '../format.js';
import { localized, t } from '../i18n.js';

// The year the address asks for, if it names one.
function askedYear(query) {
  const year = Number.parseInt(query.get('year') ?? '', 10);
  return year >= 1900 && year <= 9999 ? year : undefined;
}

function yearOf(query) {
  return askedYear(query) ?? currentYear();
}

export function title(params, query) {
  return t('dashboard.title', { year: yearOf(query) });
}

function statsWidget(widget) {
  return h('dl', { class: 'stats' }, (widget.metrics ?? []).map((metric) =>
    h('div', { class: 'stat', dataset: { metric: `${metric.plugin}/${metric.id}` } },
      h('dt', {}, localized(metric.label, metric.id)),
      h('dd', {}, metricFigure(metric)))));
}

// A goal listed under "this week" is not drawn again here (each goal appears once); the card
// says how many of its plugin's goals are up there.
function goalsWidget(widget, thisWeekGoals, plugin) {
  const listed = new Set(thisWeekGoals.map((goal) => goal.id));
  const rest = (widget.goals ?? []).filter((report) => !listed.has(report.id));
  const listedAbove = thisWeekGoals.filter((goal) => goal.plugin === plugin).length;
  if (!rest.length && !listedAbove) return h('p', { class: 'muted small' }, t('widget.goals_none'));
  return [
    rest.length ? h('div', { class: 'goal-list' }, rest.map((report) => goalCard(report, { headingLevel: 4 }))) : null,
    listedAbove ? h('p', { class: 'muted small' }, t('widget.goals_this_week', { count: listedAbove })) : null,
  ];
}

function recentWidget(widget) {
  const entries = widget.entries ?? [];
  if (!entries.length) return h('p', { class: 'muted small' }, t('widget.recent_none'));
  return h('ul', { class: 'plain lines' }, entries.map(entryLine));
}

function milestonesWidget(widget) {
  const milestones = widget.milestones ?? [];
  if (!milestones.length) return h('p', { class: 'muted small' }, t('widget.milestones_none'));
  return h('ul', { class: 'plain lines milestones' }, milestones.map((milestone) =>
    h('li', {},
      h('span', { class: 'milestone-mark', 'aria-hidden': 'true' }, '★ '),
      h('strong', {}, localized(milestone.label, milestone.id)),
      milestone.person ? ` · ${milestone.person}` : '',
      h('span', { class: 'muted' }, ' · ', milestone.entry_title, ' · ', formatDayOf(milestone.local_date ?? milestone.when)))));
}

const WIDGETS = {
  stats: [statsWidget, 'widget.stats'],
  goals: [goalsWidget, 'widget.goals'],
  recent: [recentWidget, 'widget.recent'],
  milestones: [milestonesWidget, 'widget.milestones'],
};

// A part the card's plugin failed to give is named, with why, in its place: the server leaves out
// that widget ("no milestones yet" would be untrue) and keeps the rest of the card.
function pluginCard(card, thisWeekGoals, failed) {
  const headingId = uniqueId('card');
  const widgets = (card.widgets ?? [])
    .filter((widget) => WIDGETS[widget.type])
    .map((widget) => {
      const [draw, heading] = WIDGETS[widget.type];
      return h('div', { class: `widget widget-${widget.type}` }, h('h3', { class: 'widget-title' }, t(heading)), draw(widget, thisWeekGoals, card.plugin));
    });
  return h('section', { class: `card plugin-card plugin-${card.plugin} ${pluginSeriesClass(card.plugin)}`, 'aria-labelledby': headingId, dataset: { plugin: card.plugin } },
    h('h2', { id: headingId }, localized(card.name, card.plugin)),
    widgets,
    failed.filter((failure) => failure.plugin === card.plugin).map(failedPart));
}

// The oldest open follow-ups; the rest are a link away.
const FOLLOW_UPS_SHOWN = 5;

function followUpsSection(items) {
  return h('section', { class: 'card follow-ups-section', 'aria-labelledby': 'follow-ups-heading' },
    h('div', { class: 'section-head' },
      h('h2', { id: 'follow-ups-heading' }, t('followups.open_title')),
      h('a', { href: '#/follow-ups' }, t('followups.see_all', { count: items.length }))),
    followUpList(items.slice(0, FOLLOW_UPS_SHOWN)));
}

function activitySection(year, initialHeatmap, plugin) {
  const holder = h('div', { class: 'heatmap-holder' }, heatmap(initialHeatmap, settings.today, { plugin }));
  const filterId = uniqueId('heatmap-plugin');
  const filter = h('select', { id: filterId }, options(
    [['', t('common.all')], ...manifests().map((manifest) => [manifest.id, localized(manifest.name, manifest.id)])], plugin));
  filter.addEventListener('change', async () => {
    const chosen = filter.value;
    const search = new URLSearchParams({ year: String(year) });
    if (chosen) search.set('plugin', chosen);
    history.replaceState(null, '', `#/?${search}`);
    try {
      holder.replaceChildren(heatmap(await api.heatmap(year, chosen), settings.today, { plugin: chosen }));
    } catch (error) {
      holder.replaceChildren(h('p', { role: 'alert' }, t('common.load_failed', { message: error.message })));
    }
  });
  return h('section', { class: 'card activity', 'aria-labelledby': 'activity-heading' },
    h('div', { class: 'section-head' },
      h('h2', { id: 'activity-heading' }, t('dashboard.activity')),
      h('div', { class: 'inline-field' }, h('label', { for: filterId }, t('heatmap.filter')), filter)),
    holder);
}

// Every goal the dashboard evaluated, once: those under "this week" and those on the cards.
function dashboardGoals(dashboard) {
  const goals = new Map();
  const add = (report) => { if (report && !goals.has(report.id)) goals.set(report.id, report); };
  for (const item of dashboard.this_week ?? []) if (item.type === 'goal') add(item.goal);
  for (const report of dashboard.at_risk ?? []) add(report);
  for (const card of dashboard.cards ?? [])
    for (const widget of card.widgets ?? []) for (const report of widget.goals ?? []) add(report);
  return [...goals.values()];
}

// The year's entries per month by plugin, and each goal running in the year against its road:
// charts with their tables (web/components/charts.js).
function glanceSection(year, dashboard) {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const goals = dashboardGoals(dashboard)
    .filter((report) => report.starts_on <= last && (report.ends_on ?? last) >= first && report.progress_line?.length);
  const months = monthsChart(year, dashboard.months_by_plugin ?? []);
  if (!months && !goals.length) return null;
  return h('section', { class: 'card glance', 'aria-labelledby': 'glance-heading' },
    h('h2', { id: 'glance-heading' }, t('dashboard.glance')),
    months,
    goals.length
      ? [h('h3', {}, t('dashboard.glance_goals')),
          h('div', { class: 'glance-goals' }, goals.map((report) =>
            h('article', { class: 'glance-goal', dataset: { goalId: report.id } },
              h('h4', {}, report.title),
              h('p', { class: 'muted small' }, pluginName(report.plugin)),
              goalChart(report))))]
      : null);
}

function yearNavigation(year) {
  const link = (to, key) => h('a', { href: `#/?year=${to}`, class: 'button-link secondary small' }, t(key, { year: to }));
  return h('nav', { class: 'year-nav', 'aria-label': t('dashboard.years') }, link(year - 1, 'dashboard.previous_year'), link(year + 1, 'dashboard.next_year'));
}

// What the page draws from. app.js also sends it early, before the settings have come: without a
// year in the address the server answers for its current year, which is what currentYear() says.
export function requests(params, query) {
  const year = askedYear(query);
  return Promise.all([api.dashboard(year), api.heatmap(year, query.get('plugin') ?? ''), api.followUps(false)]);
}

export async function render(params, query) {
  const year = yearOf(query);
  const plugin = query.get('plugin') ?? '';
  const [dashboard, activity, followUps] = await requests(params, query);
  const cards = dashboard.cards ?? [];
  const thisWeek = dashboard.this_week ?? [];
  const thisWeekGoals = thisWeek.filter((item) => item.type === 'goal').map((item) => item.goal);
  return h('div', { class: 'page dashboard' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title(params, query)), yearNavigation(year)),
    unloadedNotice(dashboard.unloaded),
    thisWeekSection(thisWeek),
    followUps.length ? followUpsSection(followUps) : null,
    activitySection(year, activity, plugin),
    glanceSection(year, dashboard),
    cards.length
      ? h('div', { class: 'cards' }, cards.map((card) => pluginCard(card, thisWeekGoals, dashboard.failed ?? [])))
      : h('p', { class: 'muted' }, t('dashboard.no_plugins')));
}
