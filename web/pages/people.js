// #/people — everyone the log knows, how often they appear, and a form to add someone.

import { api } from '../api.js';
import { announceChange } from '../components/entry-actions.js';
import { errorSummary, fieldRow, showErrors, whileSaving } from '../components/form.js';
import { showToast } from '../components/toast.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function title() {
  return t('people.title');
}

function personItem(person) {
  return h('li', { class: 'card person' },
    h('h2', { class: 'person-name' }, person.name),
    person.note ? h('p', { class: 'note' }, person.note) : null,
    h('p', { class: 'muted small' },
      h('a', { href: `#/timeline?person=${encodeURIComponent(person.name)}` },
        t('people.entries', { count: person.entry_count ?? 0 }),
        h('span', { class: 'visually-hidden' }, ` — ${person.name}`))));
}

function personForm() {
  const name = h('input', { type: 'text', autocomplete: 'off' });
  const note = h('textarea', { rows: 2 });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'person-form-heading' },
    h('h2', { id: 'person-form-heading' }, t('people.add')),
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'name', label: t('people.name'), required: true, control: name }),
      fieldRow({ name: 'note', label: t('people.note'), control: note, wide: true })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('people.add'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      try {
        const person = await api.addPerson({ name: name.value.trim(), note: note.value.trim() });
        showToast(t('toast.person_added', { name: person.name }));
        announceChange();
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

export async function render() {
  const people = await api.people();
  return h('div', { class: 'page people' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title())),
    people.length
      ? h('ul', { class: 'plain tiles' }, people.map(personItem))
      : h('p', { class: 'empty' }, t('people.empty')),
    personForm());
}
