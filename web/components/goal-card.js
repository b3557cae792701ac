// A goal report (docs/api.md, "Goal report") as a card: what it needs next, progress bar, streak,
// passes, the next deadline, and optionally its pauses, due dates and the outcome of each cycle.

import { h } from '../dom.js';
import { kindName, pluginName } from '../catalog.js';
import { formatDate, formatNumber } from '../format.js';
import { localized, t } from '../i18n.js';

function progressBar(report) {
  const { progress, target } = report.state;
  if (!target) return null;
  const ratio = Math.max(0, Math.min(1, progress / target));
  const fill = h('div', { class: 'progress-fill' });
  // CSSOM, not a style attribute: the page's Content-Security-Policy allows only this.
  fill.style.width = `${(ratio * 100).toFixed(1)}%`;
  return h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': String(target),
      'aria-valuenow': String(progress),
      'aria-valuetext': t('goals.progress', { progress: formatNumber(progress), target: formatNumber(target) }),
      'aria-label': t('goals.progress_label', { title: goalTitle(report) }),
    },
    fill,
  );
}

function goalTitle(report) {
  return report.person ? `${report.title} — ${report.person}` : report.title;
}

function period(report) {
  return report.ends_on
    ? t('goals.period', { from: formatDate(report.starts_on), until: formatDate(report.ends_on) })
    : t('goals.period_open', { from: formatDate(report.starts_on) });
}

function facts(report) {
  const { state } = report;
  const items = [];
  if (state.target != null || state.progress) {
    items.push(state.target != null
      ? t('goals.progress', { progress: formatNumber(state.progress), target: formatNumber(state.target) })
      : t('goals.progress_total', { progress: formatNumber(state.progress) }));
  }
  if (report.cadence && report.cadence !== 'none') {
    items.push(t('goals.streak', { current: state.current_streak, longest: state.longest_streak }));
    if (report.passes > 0) items.push(t('goals.passes_left', { count: state.passes_left }));
  }
  if (state.next_deadline) items.push(t('goals.next_deadline', { date: formatDate(state.next_deadline) }));
  if (report.finished_on) items.push(t('goals.finished_on', { date: formatDate(report.finished_on) }));
  return h('ul', { class: 'facts' }, items.map((text) => h('li', {}, text)));
}

// What the goal needs next, in the user's words ("1편 더 · 12월 5일(토)까지 D-2 · …"), as the
// server wrote it in the request's language (or in both, {ko, en}).
function needsLine(report) {
  const text = localized(report.state.needs?.text);
  return text ? h('p', { class: 'needs' }, text) : null;
}

function pauseList(report) {
  const pauses = report.pauses ?? [];
  if (!pauses.length) return null;
  return h('p', { class: 'small pauses' }, h('span', { class: 'muted' }, `${t('goals.pauses')}: `),
    pauses.map((pause) => t('goals.period', { from: formatDate(pause.from), until: formatDate(pause.until) })).join(', '));
}

function deadlineList(report) {
  const deadlines = report.deadlines ?? [];
  if (report.cadence_unit !== 'dates' || !deadlines.length) return null;
  return h('details', { class: 'small deadlines' },
    h('summary', {}, t('goals.deadlines', { count: deadlines.length })),
    h('ol', { class: 'plain inline-list' }, deadlines.map((day) => h('li', {}, formatDate(day)))));
}

// The latest cycles only: a daily goal has hundreds, and half a year of them tells the story.
const CYCLES_SHOWN = 26;

function cycleStrip(report) {
  const cycles = (report.state.cycles ?? []).slice(-CYCLES_SHOWN);
  if (!cycles.length) return null;
  return h(
    'div',
    { class: 'cycles' },
    h('p', { class: 'cycles-label', id: `cycles-${report.id}-${report.person ?? ''}` }, t('goals.cycles')),
    h('ol', { class: 'cycle-strip', 'aria-labelledby': `cycles-${report.id}-${report.person ?? ''}` },
      cycles.map((cycle) => {
        const text = t('goals.cycle', {
          from: formatDate(cycle.starts_on, 'short'),
          until: formatDate(cycle.ends_on, 'short'),
          outcome: t(`outcome.${cycle.outcome}`),
        });
        return h('li', { class: `cycle ${cycle.outcome}`, title: text }, h('span', { class: 'visually-hidden' }, text));
      })),
  );
}

// `headingLevel` keeps the page's outline right wherever the card sits; `actions` is a node of
// buttons to manage the goal, or null.
export function goalCard(report, { headingLevel = 3, detailed = false, actions = null } = {}) {
  const status = report.state.status;
  return h(
    'article',
    { class: `goal status-${status}`, dataset: { goalId: report.id } },
    h(
      'header',
      { class: 'goal-head' },
      h(`h${headingLevel}`, { class: 'goal-title' }, goalTitle(report)),
      h('span', { class: `status-badge ${status}` }, t(`status.${status}`)),
    ),
    h('p', { class: 'muted small' },
      `${pluginName(report.plugin)} · ${kindName(report.plugin, report.kind)}`,
      report.track ? ` · ${report.track}` : '',
      ` · ${period(report)}`),
    needsLine(report),
    progressBar(report),
    facts(report),
    detailed ? pauseList(report) : null,
    detailed ? deadlineList(report) : null,
    detailed ? cycleStrip(report) : null,
    actions,
  );
}
