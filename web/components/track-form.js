// The track form, empty to add a track or filled in to edit one (name, activity, dates, note,
// members). An edit sends only what changed.

import { manifests } from '../catalog.js';
import { h, options } from '../dom.js';
import { localized, t } from '../i18n.js';
import { errorSummary, fieldRow } from './form.js';
import { peoplePicker } from './pickers.js';

const sameNames = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

// trackForm({track, people, heading, headingId, submitLabel}) → {form, body(), changes()}.
export function trackForm({ track = null, people, heading = null, headingId, submitLabel }) {
  const plugins = manifests().map((item) => [item.id, localized(item.name, item.id)]);
  if (track?.plugin && !plugins.some(([id]) => id === track.plugin)) plugins.push([track.plugin, track.plugin]);
  const name = h('input', { type: 'text', autocomplete: 'off', value: track?.name ?? '' });
  const plugin = h('select', {}, options([['', t('tracks.any_plugin')], ...plugins], track?.plugin ?? ''));
  const from = h('input', { type: 'date', value: track?.starts_on ?? '' });
  const until = h('input', { type: 'date', value: track?.ends_on ?? '' });
  const note = h('textarea', { rows: 2, value: track?.note ?? '' });
  const members = peoplePicker({ name: 'members', legend: t('tracks.members'), people, selected: track?.members ?? [] });
  const form = h('form', { novalidate: true, 'aria-labelledby': headingId },
    heading,
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'name', label: t('tracks.name'), required: true, control: name }),
      fieldRow({ name: 'plugin', label: t('tracks.plugin'), control: plugin }),
      fieldRow({ name: 'from', label: t('tracks.from'), control: from }),
      fieldRow({ name: 'until', label: t('tracks.until'), control: until }),
      fieldRow({ name: 'note', label: t('tracks.note'), control: note, wide: true }),
      members.row),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, submitLabel)));

  const body = () => {
    const result = { name: name.value.trim(), note: note.value.trim(), members: members.read() };
    for (const [key, control] of Object.entries({ plugin, from, until })) if (control.value) result[key] = control.value;
    return result;
  };
  const changes = () => {
    const result = {};
    if (name.value.trim() !== track.name) result.name = name.value.trim();
    if (plugin.value !== (track.plugin ?? '')) result.plugin = plugin.value || null;
    if (from.value !== (track.starts_on ?? '')) result.from = from.value || null;
    if (until.value !== (track.ends_on ?? '')) result.until = until.value || null;
    if (note.value.trim() !== (track.note ?? '')) result.note = note.value.trim();
    if (!sameNames(members.read(), track.members ?? [])) result.members = members.read();
    return result;
  };
  return { form, body, changes };
}
