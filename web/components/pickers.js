// Pickers for the people and the track of an entry (or the members of a track), from the names
// the API knows. The people picker can add a new person on the spot.

import { api } from '../api.js';
import { h, options, uniqueId } from '../dom.js';
import { localized, t } from '../i18n.js';
import { fieldGroup, fieldRow } from './form.js';
import { showToast } from './toast.js';

// { row, read, putFirst } — read() answers the checked names in the order they are listed;
// putFirst(names) moves those people (a track's members) to the front of the list.
export function peoplePicker({ name = 'people', legend, required = false, people, selected = [] }) {
  const chosen = new Set(selected);
  // Names on the entry that the list lacks (never expected) are kept rather than dropped.
  const names = [...new Set([...people.map((person) => person.name), ...selected])];
  const list = h('ul', { class: 'choices' });
  // Every choice in the order it was first listed, so that a reordering can be undone.
  const listed = [];
  const addChoice = (personName, checked) => {
    const id = uniqueId('person');
    const item = h('li', {}, h('input', { type: 'checkbox', id, value: personName, checked }), h('label', { for: id }, personName));
    listed.push(item);
    list.append(item);
  };
  for (const personName of names) addChoice(personName, chosen.has(personName));
  const empty = h('p', { class: 'muted small', hidden: names.length > 0 }, t('entry.people_none'));

  const newName = h('input', { type: 'text', id: uniqueId('new-person'), autocomplete: 'off' });
  const addPerson = async () => {
    const personName = newName.value.trim();
    if (!personName) return;
    try {
      const person = await api.addPerson({ name: personName });
      addChoice(person.name, true);
      empty.hidden = true;
      newName.value = '';
      showToast(t('toast.person_added', { name: person.name }));
    } catch (error) {
      showToast(t('errors.generic', { message: error.message }));
    }
  };
  newName.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addPerson();
    }
  });
  const quickAdd = h('div', { class: 'quick-add' },
    h('label', { for: newName.id, class: 'small' }, t('entry.new_person')),
    h('div', { class: 'inline' }, newName, h('button', { type: 'button', class: 'secondary small', on: { click: addPerson } }, t('entry.add_person'))));

  const row = fieldGroup({ name, legend, required, content: [list, empty, quickAdd] });
  const read = () => [...list.querySelectorAll('input:checked')].map((input) => input.value);
  const putFirst = (first) => {
    const front = first.map((personName) => listed.find((item) => item.querySelector('input').value === personName)).filter(Boolean);
    for (const item of listed) item.classList.toggle('member', front.includes(item));
    list.replaceChildren(...front, ...listed.filter((item) => !front.includes(item)));
  };
  return { row, read, putFirst };
}

// { row, control, read } — read() answers the track's name, or '' for none.
export function trackPicker({ name = 'track', label = t('entry.track'), tracks, selected = '', plugin, hint }) {
  const fitting = tracks.filter((track) => !plugin || !track.plugin || track.plugin === plugin || track.name === selected);
  const pairs = [['', t('common.none')], ...fitting.map((track) => [track.name, track.name])];
  const control = h('select', {}, options(pairs, selected ?? ''));
  return { row: fieldRow({ name, label, control, hint }), control, read: () => control.value };
}

// A <select> of every plugin and kind ("Mentoring — Mentoring session"), values "plugin/kind".
export function kindSelect(manifests, selected) {
  return h('select', {}, manifests.map((manifest) =>
    h('optgroup', { label: localized(manifest.name, manifest.id) },
      options(manifest.kinds.map((kind) => [`${manifest.id}/${kind.id}`, localized(kind.label, kind.id)]), selected))));
}
