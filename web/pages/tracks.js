// #/tracks — the named, dated containers (a cohort, a study, a contest), the buttons to edit,
// close, reopen or delete each, their members with their blog feeds (added one by one or from a
// CSV file), links to each track's board, and a form to add one.

import { api } from '../api.js';
import { pluginName } from '../catalog.js';
import { changed } from '../components/changes.js';
import { showErrors, whileSaving } from '../components/form.js';
import { trackActions } from '../components/track-actions.js';
import { trackForm } from '../components/track-form.js';
import { trackMembers } from '../components/track-members.js';
import { h } from '../dom.js';
import { formatDate, formatDayOf } from '../format.js';
import { t } from '../i18n.js';

export function title() {
  return t('tracks.title');
}

function period(track) {
  if (!track.starts_on && !track.ends_on) return null;
  return `${track.starts_on ? formatDate(track.starts_on) : ''} – ${track.ends_on ? formatDate(track.ends_on) : ''}`;
}

function trackItem(track, people) {
  const details = [track.plugin ? pluginName(track.plugin) : null, period(track), track.closed_at ? t('tracks.closed', { date: formatDayOf(track.closed_at) }) : null].filter(Boolean);
  return h('li', { class: track.closed_at ? 'card track closed' : 'card track', dataset: { track: track.name } },
    h('h2', { class: 'track-name' }, track.name),
    details.length ? h('p', { class: 'muted small' }, details.join(' · ')) : null,
    track.note ? h('p', { class: 'note' }, track.note) : null,
    h('p', { class: 'small track-links' },
      h('a', { href: `#/timeline?track=${encodeURIComponent(track.name)}` },
        t('common.count_entries', { count: track.entry_count ?? 0 }),
        h('span', { class: 'visually-hidden' }, ` — ${track.name}`)),
      h('a', { href: `#/board/${encodeURIComponent(track.name)}` },
        t('tracks.board'),
        h('span', { class: 'visually-hidden' }, ` — ${track.name}`)),
      Object.keys(track.feeds ?? {}).length
        ? h('a', { href: `#/feeds?track=${encodeURIComponent(track.name)}` },
          t('tracks.feeds'),
          h('span', { class: 'visually-hidden' }, ` — ${track.name}`))
        : null),
    trackMembers(track),
    trackActions(track, people));
}

function addForm(people) {
  const headingId = 'track-form-heading';
  const { form, body } = trackForm({ people, headingId, heading: h('h2', { id: headingId }, t('tracks.add')), submitLabel: t('tracks.add') });
  form.classList.add('card');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      try {
        const track = await api.addTrack(body());
        changed(t('toast.track_added', { name: track.name }));
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
      ? h('ul', { class: 'plain tiles' }, tracks.map((track) => trackItem(track, people)))
      : h('p', { class: 'empty' }, t('tracks.empty')),
    addForm(people));
}
