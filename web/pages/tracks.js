// #/tracks — the named, dated containers (a cohort, a study, a contest), and a form to add one.

import { api } from '../api.js';
import { manifests, pluginName } from '../catalog.js';
import { announceChange } from '../components/entry-actions.js';
import { errorSummary, fieldRow, showErrors, whileSaving } from '../components/form.js';
import { peoplePicker } from '../components/pickers.js';
import { showToast } from '../components/toast.js';
import { h, options } from '../dom.js';
import { formatDate, formatDayOf } from '../format.js';
import { localized, t } from '../i18n.js';

export function title() {
  return t('tracks.title');
}

async function closeTrack(track) {
  try {
    await api.closeTrack(track.name);
    showToast(t('toast.track_closed', { name: track.name }));
    announceChange();
  } catch (error) {
    showToast(t('errors.generic', { message: error.message }));
  }
}

function period(track) {
  if (!track.starts_on && !track.ends_on) return null;
  return `${track.starts_on ? formatDate(track.starts_on) : ''} – ${track.ends_on ? formatDate(track.ends_on) : ''}`;
}

function trackItem(track) {
  const details = [track.plugin ? pluginName(track.plugin) : null, period(track), track.closed_at ? t('tracks.closed', { date: formatDayOf(track.closed_at) }) : null].filter(Boolean);
  return h('li', { class: track.closed_at ? 'card track closed' : 'card track' },
    h('h2', { class: 'track-name' }, track.name),
    details.length ? h('p', { class: 'muted small' }, details.join(' · ')) : null,
    track.note ? h('p', { class: 'note' }, track.note) : null,
    track.members?.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, `${t('tracks.members')}: `), track.members.join(', ')) : null,
    h('div', { class: 'track-actions' },
      h('a', { href: `#/timeline?track=${encodeURIComponent(track.name)}` },
        t('common.count_entries', { count: track.entry_count ?? 0 }),
        h('span', { class: 'visually-hidden' }, ` — ${track.name}`)),
      track.closed_at ? null : h('button', { type: 'button', class: 'secondary small', 'aria-label': t('tracks.close_label', { name: track.name }), on: { click: () => closeTrack(track) } }, t('tracks.close'))));
}

function trackForm(people) {
  const name = h('input', { type: 'text', autocomplete: 'off' });
  const plugin = h('select', {}, options([['', t('tracks.any_plugin')], ...manifests().map((item) => [item.id, localized(item.name, item.id)])], ''));
  const from = h('input', { type: 'date' });
  const until = h('input', { type: 'date' });
  const note = h('textarea', { rows: 2 });
  const members = peoplePicker({ name: 'members', legend: t('tracks.members'), people });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'track-form-heading' },
    h('h2', { id: 'track-form-heading' }, t('tracks.add')),
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'name', label: t('tracks.name'), required: true, control: name }),
      fieldRow({ name: 'plugin', label: t('tracks.plugin'), control: plugin }),
      fieldRow({ name: 'from', label: t('tracks.from'), control: from }),
      fieldRow({ name: 'until', label: t('tracks.until'), control: until }),
      fieldRow({ name: 'note', label: t('tracks.note'), control: note, wide: true }),
      members.row),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('tracks.add'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { name: name.value.trim(), note: note.value.trim(), members: members.read() };
    for (const [key, control] of Object.entries({ plugin, from, until })) if (control.value) body[key] = control.value;
    whileSaving(form, async () => {
      try {
        const track = await api.addTrack(body);
        showToast(t('toast.track_added', { name: track.name }));
        announceChange();
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

export async function render() {
  const [tracks, people] = await Promise.all([api.tracks(), api.people()]);
  return h('div', { class: 'page tracks' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title())),
    tracks.length
      ? h('ul', { class: 'plain tiles' }, tracks.map(trackItem))
      : h('p', { class: 'empty' }, t('tracks.empty')),
    trackForm(people));
}
