// #/add?type=plugin/kind and #/entries/ID/edit — the entry form, generated from the kind's
// fields in the plugin's manifest, with people and track pickers. It opens on the kind logged
// last, preselects the track an entry of that day and kind belongs to, offers the track's
// members first and says which goals the entry will count toward. The server validates; its
// errors appear next to the field they name.

import { api } from '../api.js';
import { kindSpec, manifests, settings } from '../catalog.js';
import { undoLast } from '../components/changes.js';
import { countingGoals, lastKind, rememberKind, suggestedTrack } from '../components/entry-help.js';
import { entryTitle } from '../components/entry-item.js';
import { fieldInput } from '../components/field-input.js';
import { errorSummary, fieldGroup, fieldRow, showErrors, whileSaving } from '../components/form.js';
import { kindSelect, peoplePicker, trackPicker } from '../components/pickers.js';
import { revisionList } from '../components/revision-list.js';
import { showToast } from '../components/toast.js';
import { h } from '../dom.js';
import { dateTimeInputValue } from '../format.js';
import { localized, t } from '../i18n.js';

export function title(params) {
  return params.id ? t('entry.edit_title') : t('entry.add_title');
}

const splitTags = (text) => text.split(',').map((tag) => tag.trim()).filter(Boolean);
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// Says which goals an entry will count toward, and plainly when it counts toward none.
function goalNoteText(counting) {
  if (!counting.length) return t('entry.counts_toward_none');
  return t('entry.counts_toward', { goals: counting.map((goal) => `‘${goal.title}’`).join(', ') });
}

// The form's controls for one kind; read() answers the entry as the API takes it.
function entryControls(pluginId, kindId, entry, people, tracks, goals) {
  const kind = kindSpec(pluginId, kindId);
  const when = h('input', { type: 'datetime-local', value: dateTimeInputValue(entry ? new Date(entry.when) : new Date()) });
  const titleInput = h('input', { type: 'text', value: entry?.title ?? '', autocomplete: 'off' });
  const tags = h('input', { type: 'text', value: (entry?.tags ?? []).join(', '), autocomplete: 'off' });
  const notes = h('textarea', { rows: 5, value: entry?.notes ?? '' });
  const peopleChoice = kind.people
    ? peoplePicker({ legend: localized(kind.people.label, t('entry.people')), required: Boolean(kind.people.required), people, selected: entry?.people ?? [] })
    : null;
  const day = () => when.value.slice(0, 10);
  const suggested = entry ? null : suggestedTrack(tracks, goals, { plugin: pluginId, kind: kindId, day: day() });
  const track = trackPicker({ tracks, selected: entry?.track ?? suggested ?? '', plugin: pluginId, hint: entry ? null : t('entry.track_hint') });
  const fields = (kind.fields ?? []).map((spec) => ({ spec, ...fieldInput(spec, entry?.fields?.[spec.id]) }));
  const goalNote = h('p', { class: 'goal-note', role: 'status' });

  // A new entry's track follows its date until the user picks one; an edit keeps its own.
  let trackChosen = Boolean(entry);
  const update = () => {
    const counting = countingGoals(goals, { plugin: pluginId, kind: kindId, track: track.read(), day: day() });
    goalNote.textContent = goalNoteText(counting);
    goalNote.classList.toggle('counts-nowhere', counting.length === 0);
    peopleChoice?.putFirst(tracks.find((item) => item.name === track.read())?.members ?? []);
  };
  track.control.addEventListener('change', () => {
    trackChosen = true;
    update();
  });
  when.addEventListener('change', () => {
    if (!trackChosen) track.control.value = suggestedTrack(tracks, goals, { plugin: pluginId, kind: kindId, day: day() });
    update();
  });
  update();

  const rows = [
    fieldRow({ name: 'when', label: t('entry.when'), required: true, hint: t('entry.when_hint', { zone: settings.time_zone }), control: when }),
    fieldRow({ name: 'title', label: t('entry.title'), hint: t('entry.title_hint'), control: titleInput, wide: true }),
    track.row,
    peopleChoice?.row,
    fields.length ? fieldGroup({ name: 'fields', legend: t('entry.details'), content: h('div', { class: 'form-grid' }, fields.map((field) => field.row)) }) : null,
    fieldRow({ name: 'tags', label: t('entry.tags'), hint: t('entry.tags_hint'), control: tags }),
    fieldRow({ name: 'notes', label: t('entry.notes'), hint: t('entry.notes_hint'), control: notes, wide: true }),
  ];
  const read = () => ({
    when: when.value,
    title: titleInput.value.trim(),
    notes: notes.value,
    people: peopleChoice ? peopleChoice.read() : [],
    tags: splitTags(tags.value),
    track: track.read(),
    fields: Object.fromEntries(fields.map((field) => [field.spec.id, field.read()])),
  });
  return { rows, read, goalNote, initialWhen: when.value };
}

function newEntryBody(pluginId, kindId, values) {
  const body = { plugin: pluginId, kind: kindId, when: values.when, title: values.title, notes: values.notes, people: values.people, tags: values.tags };
  if (values.track) body.track = values.track;
  body.fields = Object.fromEntries(Object.entries(values.fields).filter(([, value]) => value !== null));
  return body;
}

// Only what changed, so an edit never rewrites the time's offset or a field nobody touched.
function changesFrom(entry, values, initialWhen) {
  const changes = {};
  if (values.when !== initialWhen) changes.when = values.when;
  for (const name of ['title', 'notes', 'people', 'tags']) if (!same(values[name], entry[name])) changes[name] = values[name];
  if (values.track !== (entry.track ?? '')) changes.track = values.track;
  const fields = {};
  for (const [id, value] of Object.entries(values.fields))
    if (!same(value, entry.fields?.[id] ?? null)) fields[id] = value;
  if (Object.keys(fields).length) changes.fields = fields;
  return changes;
}

function entryForm({ entry, pluginId, kindId, people, tracks, goals }) {
  const controls = entryControls(pluginId, kindId, entry, people, tracks, goals);
  const form = h('form', { class: 'card entry-form', novalidate: true },
    errorSummary(),
    h('div', { class: 'form-grid' }, controls.rows),
    controls.goalNote,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit' }, t('common.save')),
      h('a', { href: entry ? '#/timeline' : '#/', class: 'button-link secondary' }, t('common.cancel'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      const values = controls.read();
      try {
        if (entry) {
          const saved = await api.editEntry(entry.id, changesFrom(entry, values, controls.initialWhen));
          showToast(t('toast.updated', { title: entryTitle(saved) }), { label: t('common.undo'), run: undoLast });
        } else {
          const saved = await api.addEntry(newEntryBody(pluginId, kindId, values));
          rememberKind(`${pluginId}/${kindId}`);
          showToast(t('toast.saved', { title: entryTitle(saved) }), { label: t('common.undo'), run: undoLast });
        }
        location.hash = '#/timeline';
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

async function renderEdit(id) {
  const [entry, revisions, people, tracks, goals] = await Promise.all([api.entry(id), api.history(id).catch(() => []), api.people(), api.tracks(), api.goals()]);
  return h('div', { class: 'page entry-page' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, t('entry.edit_title')),
      h('p', { class: 'muted' }, entryTitle(entry))),
    entryForm({ entry, pluginId: entry.plugin, kindId: entry.kind, people, tracks, goals }),
    revisionList(revisions));
}

async function renderAdd(query) {
  const [people, tracks, goals] = await Promise.all([api.people(), api.tracks(), api.goals()]);
  const all = manifests();
  const [firstPlugin] = all;
  let chosen = query.get('type') ?? lastKind();
  let [pluginId, kindId] = chosen.split('/');
  if (!kindSpec(pluginId, kindId)) {
    pluginId = firstPlugin?.id;
    kindId = firstPlugin?.kinds?.[0]?.id;
    chosen = `${pluginId}/${kindId}`;
  }
  const typeSelect = kindSelect(all, chosen);
  typeSelect.id = 'entry-type';
  const holder = h('div', {}, entryForm({ pluginId, kindId, people, tracks, goals }));
  typeSelect.addEventListener('change', () => {
    const [nextPlugin, nextKind] = typeSelect.value.split('/');
    history.replaceState(null, '', `#/add?type=${encodeURIComponent(typeSelect.value)}`);
    holder.replaceChildren(entryForm({ pluginId: nextPlugin, kindId: nextKind, people, tracks, goals }));
  });
  return h('div', { class: 'page entry-page' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, t('entry.add_title'))),
    h('div', { class: 'type-picker' }, h('label', { for: typeSelect.id }, t('entry.type')), typeSelect),
    holder);
}

export function render(params, query) {
  return params.id ? renderEdit(params.id) : renderAdd(query);
}
