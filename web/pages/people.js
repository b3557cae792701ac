// #/people?archived=true — everyone the log knows and how often they appear, the buttons to
// rename, merge or delete each, archived people on request, and a form to add someone.

import { api } from '../api.js';
import { changed } from '../components/changes.js';
import { errorSummary, fieldRow, showErrors, whileSaving } from '../components/form.js';
import { personActions } from '../components/person-actions.js';
import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

export function title() {
  return t('people.title');
}

function personItem(person, everyone) {
  return h('li', { class: person.archived ? 'card person archived' : 'card person', dataset: { person: person.name } },
    h('div', { class: 'person-head' },
      h('h2', { class: 'person-name' }, person.name),
      person.archived ? h('span', { class: 'badge muted' }, t('people.archived_badge')) : null),
    person.note ? h('p', { class: 'note' }, person.note) : null,
    h('p', { class: 'muted small' },
      h('a', { href: `#/timeline?person=${encodeURIComponent(person.name)}` },
        t('people.entries', { count: person.entry_count ?? 0 }),
        h('span', { class: 'visually-hidden' }, ` — ${person.name}`))),
    personActions(person, everyone));
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
        changed(t('toast.person_added', { name: person.name }));
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

function archivedToggle(showArchived) {
  const id = uniqueId('archived');
  const box = h('input', { type: 'checkbox', id, checked: showArchived });
  box.addEventListener('change', () => {
    location.hash = box.checked ? '#/people?archived=true' : '#/people';
  });
  return h('div', { class: 'checkbox-row' }, box, h('label', { for: id }, ' ', t('people.show_archived')));
}

export async function render(params, query) {
  const showArchived = query.get('archived') === 'true';
  const people = await api.people(showArchived);
  return h('div', { class: 'page people' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title()), archivedToggle(showArchived)),
    people.length
      ? h('ul', { class: 'plain tiles' }, people.map((person) => personItem(person, people)))
      : h('p', { class: 'empty' }, t('people.empty')),
    personForm());
}
