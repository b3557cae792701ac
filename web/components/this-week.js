// "This week": what to do now, most urgent first — each goal once, saying what it needs by when
// and what a miss costs, and the dated items (a hackathon phase's deadline) due in the next 14
// days.

import { kindName, pluginName } from '../catalog.js';
import { h } from '../dom.js';
import { formatDate } from '../format.js';
import { localized, t } from '../i18n.js';
import { entryLink, entryTitle } from './entry-item.js';
import { goalCard } from './goal-card.js';

export function daysLeftText(days) {
  if (days === 0) return t('this_week.d_day');
  return days > 0 ? `D-${days}` : `D+${-days}`;
}

function deadlineItem(item) {
  const { entry } = item;
  return h('article', { class: 'deadline-item', dataset: { entryId: entry.id } },
    h('header', { class: 'goal-head' },
      h('h3', { class: 'goal-title' }, h('a', { href: entryLink(entry) }, entryTitle(entry))),
      h('span', { class: 'status-badge due' }, daysLeftText(item.days_left))),
    h('p', { class: 'needs' }, t('this_week.due', { label: localized(item.label), date: formatDate(item.due_on) })),
    h('p', { class: 'muted small' }, `${pluginName(entry.plugin)} · ${kindName(entry.plugin, entry.kind)}`, entry.track ? ` · ${entry.track}` : ''));
}

export function thisWeekSection(items) {
  return h('section', { class: 'this-week', 'aria-labelledby': 'this-week-heading' },
    h('h2', { id: 'this-week-heading' }, t('this_week.title')),
    items.length
      ? h('ol', { class: 'plain this-week-list' }, items.map((item) =>
          h('li', { class: 'this-week-item', dataset: { type: item.type } },
            item.type === 'goal' ? goalCard(item.goal, { headingLevel: 3 }) : deadlineItem(item))))
      : h('p', { class: 'muted' }, t('this_week.none')));
}
