// The buttons under a track: edit, close or reopen, delete. Closing and deleting ask first; every
// change is one step of the server's journal, answered by a notice with Undo.

import { api } from '../api.js';
import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { confirmDialog } from './dialog.js';
import { formDialog } from './dialog-form.js';
import { trackForm } from './track-form.js';

function editTrack(track, people) {
  const headingId = uniqueId('track-edit');
  const { form, changes } = trackForm({ track, people, headingId, submitLabel: t('common.save') });
  formDialog({ title: t('tracks.edit_title', { name: track.name }), form, headingId, wide: true, work: async () => {
    const body = changes();
    if (!Object.keys(body).length) return null;
    const saved = await api.editTrack(track.name, body);
    return t('toast.track_edited', { name: saved.name });
  } });
}

async function closeTrack(track) {
  const confirmed = await confirmDialog({
    title: t('tracks.close_title', { name: track.name }),
    message: t('tracks.close_message'),
    confirmLabel: t('tracks.close'),
    danger: false,
  });
  if (!confirmed) return;
  try {
    await api.closeTrack(track.name);
    changed(t('toast.track_closed', { name: track.name }));
  } catch (error) {
    failed(error);
  }
}

async function reopenTrack(track) {
  try {
    await api.reopenTrack(track.name);
    changed(t('toast.track_reopened', { name: track.name }));
  } catch (error) {
    failed(error);
  }
}

// Says before deleting what goes with the track: its entries stay, its goals do not.
async function deleteTrack(track) {
  let goalCount;
  try {
    const goals = await api.goals({ track: track.name, finished: 1 });
    goalCount = new Set(goals.filter((goal) => goal.track === track.name).map((goal) => goal.id)).size;
  } catch (error) {
    failed(error);
    return;
  }
  const confirmed = await confirmDialog({
    title: t('tracks.delete_title', { name: track.name }),
    message: [
      t('tracks.delete_entries', { count: track.entry_count ?? 0 }),
      goalCount ? t('tracks.delete_goals', { count: goalCount }) : t('tracks.delete_no_goals'),
    ],
    confirmLabel: t('tracks.delete'),
  });
  if (!confirmed) return;
  try {
    const answer = await api.deleteTrack(track.name);
    changed(t('toast.track_deleted', { name: track.name, entries: answer.entries_unlinked ?? 0, goals: answer.goals_deleted ?? 0 }));
  } catch (error) {
    failed(error);
  }
}

export function trackActions(track, people) {
  const button = (text, labelKey, run, kind = 'secondary') =>
    h('button', { type: 'button', class: `${kind} small`, 'aria-label': t(labelKey, { name: track.name }), on: { click: run } }, text);
  return h('div', { class: 'row-actions' },
    button(t('common.edit'), 'tracks.edit_label', () => editTrack(track, people)),
    track.closed_at
      ? button(t('tracks.reopen'), 'tracks.reopen_label', () => reopenTrack(track))
      : button(t('tracks.close'), 'tracks.close_label', () => closeTrack(track)),
    button(t('common.delete'), 'tracks.delete_label', () => deleteTrack(track), 'danger'));
}
