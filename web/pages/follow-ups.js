// #/follow-ups?all=true — the follow-ups promised across every entry, open ones first, oldest
// first; ticking one marks it done on its entry.

import { api } from '../api.js';
import { followUpList } from '../components/follow-up-list.js';
import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

export function title() {
  return t('followups.title');
}

export async function render(params, query) {
  const all = query.get('all') === 'true';
  const items = await api.followUps(all);
  const id = uniqueId('all');
  const box = h('input', { type: 'checkbox', id, checked: all });
  box.addEventListener('change', () => {
    location.hash = box.checked ? '#/follow-ups?all=true' : '#/follow-ups';
  });
  const open = items.filter((item) => !item.done).length;
  return h('div', { class: 'page follow-ups-page' },
    h('div', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, title()),
      h('div', { class: 'checkbox-row' }, box, h('label', { for: id }, ' ', t('followups.show_done')))),
    h('p', { class: 'muted', role: 'status' }, t('followups.open_count', { count: open })),
    h('div', { class: 'card' }, followUpList(items)));
}
