// Follow-ups promised in entries (mentoring's checklist), across all entries: each with a
// checkbox that ticks it on its entry (an edit with history, undoable), whom it is for and how
// long it has been open.

import { api } from '../api.js';
import { h, uniqueId } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { entryLink, entryTitle } from './entry-item.js';

async function tick(item, done) {
  try {
    await api.tickChecklist(item.entry.id, item.field, item.index, done);
    changed(t(done ? 'toast.followup_done' : 'toast.followup_reopened', { text: item.text }));
  } catch (error) {
    failed(error);
  }
}

function followUpItem(item) {
  const id = uniqueId('follow-up');
  const box = h('input', { type: 'checkbox', id, checked: item.done });
  box.addEventListener('change', () => tick(item, box.checked));
  const people = item.entry.people ?? [];
  return h('li', { class: item.done ? 'follow-up done' : 'follow-up', dataset: { entryId: item.entry.id, index: item.index } },
    box,
    h('div', { class: 'follow-up-body' },
      h('label', { for: id, class: 'follow-up-text' }, item.text),
      h('p', { class: 'muted small' },
        people.length ? h('span', { class: 'for' }, t('followups.for', { people: people.join(', ') }), ' · ') : null,
        h('span', { class: 'age' }, t('followups.age', { days: item.age_days ?? 0 })), ' · ',
        h('a', { href: entryLink(item.entry) }, entryTitle(item.entry)),
        ` (${formatDate(item.entry.local_date)})`)));
}

// The list, or a line saying there is nothing open.
export function followUpList(items) {
  if (!items.length) return h('p', { class: 'muted' }, t('followups.none'));
  return h('ul', { class: 'plain follow-ups' }, items.map(followUpItem));
}
