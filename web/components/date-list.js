// A list of dates the user can grow and shrink (a writing group's published due dates), read
// back sorted as "YYYY-MM-DD" strings.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { fieldGroup } from './form.js';

// { row, read } — `label` names the group; each date is labelled "label N" for screen readers.
export function dateList({ name, label, hint, initial = [] }) {
  const list = h('ol', { class: 'date-list' });
  const renumber = () => {
    [...list.children].forEach((item, index) => {
      const number = index + 1;
      item.querySelector('input').setAttribute('aria-label', t('date_list.item', { label, number }));
      item.querySelector('button').setAttribute('aria-label', t('date_list.remove', { label, number }));
    });
  };
  const addDate = (value = '') => {
    const item = h('li', {},
      h('input', { type: 'date', value }),
      h('button', {
        type: 'button',
        class: 'quiet small',
        on: {
          click: () => {
            item.remove();
            renumber();
          },
        },
      }, t('common.remove')));
    list.append(item);
    renumber();
    return item;
  };
  for (const day of initial ?? []) addDate(day);
  const addButton = h('button', {
    type: 'button',
    class: 'secondary small',
    on: { click: () => addDate().querySelector('input').focus() },
  }, t('date_list.add'));
  const row = fieldGroup({ name, legend: label, hint, content: [list, addButton] });
  const read = () => [...list.querySelectorAll('input')].map((input) => input.value).filter(Boolean).sort();
  return { row, read };
}
