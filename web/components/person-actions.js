// The buttons under a person: rename (and change the note), merge into someone else, delete.
// Merging and deleting ask first; every change is one step of the server's journal, answered by
// a notice with Undo.

import { api } from '../api.js';
import { h, options, uniqueId } from '../dom.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { confirmDialog } from './dialog.js';
import { dialogForm, formDialog } from './dialog-form.js';
import { fieldRow } from './form.js';

function renamePerson(person) {
  const headingId = uniqueId('rename');
  const name = h('input', { type: 'text', autocomplete: 'off', value: person.name });
  const note = h('textarea', { rows: 2, value: person.note ?? '' });
  const form = dialogForm({
    headingId,
    rows: [
      fieldRow({ name: 'name', label: t('people.name'), required: true, control: name }),
      fieldRow({ name: 'note', label: t('people.note'), control: note, wide: true }),
    ],
    submitLabel: t('common.save'),
    note: h('p', { class: 'hint' }, t('people.rename_hint')),
  });
  formDialog({ title: t('people.rename_title', { name: person.name }), form, headingId, work: async () => {
    const changes = {};
    if (name.value.trim() !== person.name) changes.name = name.value.trim();
    if (note.value.trim() !== (person.note ?? '')) changes.note = note.value.trim();
    if (!Object.keys(changes).length) return null;
    const saved = await api.editPerson(person.name, changes);
    return saved.name !== person.name ? t('toast.person_renamed', { from: person.name, to: saved.name }) : t('toast.person_edited', { name: saved.name });
  } });
}

// One dialog both chooses whom to merge into and says what merging does before it is confirmed.
function mergePerson(person, everyone) {
  const others = everyone.filter((other) => other.name !== person.name && !other.archived);
  const headingId = uniqueId('merge');
  const into = h('select', {}, options([['', t('field.choose')], ...others.map((other) => [other.name, other.name])], ''));
  const consequence = h('p', { class: 'merge-consequence', 'aria-live': 'polite' });
  const explain = () => {
    consequence.textContent = into.value
      ? t('people.merge_consequence', { from: person.name, into: into.value, count: person.entry_count ?? 0 })
      : '';
  };
  into.addEventListener('change', explain);
  const form = dialogForm({
    headingId,
    rows: [fieldRow({ name: 'into', label: t('people.merge_into'), required: true, control: into, wide: true })],
    submitLabel: t('people.merge'),
    note: consequence,
  });
  formDialog({ title: t('people.merge_title', { name: person.name }), form, headingId, work: async () => {
    const kept = await api.mergePerson(person.name, into.value);
    return t('toast.person_merged', { from: person.name, into: kept.name });
  } });
}

async function deletePerson(person) {
  const count = person.entry_count ?? 0;
  const confirmed = await confirmDialog({
    title: t('people.delete_title', { name: person.name }),
    message: count ? t('people.delete_archives', { name: person.name, count }) : t('people.delete_removes', { name: person.name }),
    confirmLabel: t('common.delete'),
  });
  if (!confirmed) return;
  try {
    const { outcome } = await api.deletePerson(person.name);
    changed(t(outcome === 'archived' ? 'toast.person_archived' : 'toast.person_deleted', { name: person.name }));
  } catch (error) {
    failed(error);
  }
}

export function personActions(person, everyone) {
  const button = (text, labelKey, run, kind = 'secondary') =>
    h('button', { type: 'button', class: `${kind} small`, 'aria-label': t(labelKey, { name: person.name }), on: { click: run } }, text);
  return h('div', { class: 'row-actions' },
    button(t('people.rename'), 'people.rename_label', () => renamePerson(person)),
    person.archived ? null : button(t('people.merge'), 'people.merge_label', () => mergePerson(person, everyone)),
    person.archived ? null : button(t('common.delete'), 'people.delete_label', () => deletePerson(person), 'danger'));
}
