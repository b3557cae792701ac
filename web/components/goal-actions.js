// The buttons under a goal on the goals page: edit, pause, move a due date, finish or reopen,
// delete. Each change is one step of the server's journal, answered by a notice with Undo.

import { api } from '../api.js';
import { settings } from '../catalog.js';
import { h, options, uniqueId } from '../dom.js';
import { formatDate } from '../format.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { confirmDialog } from './dialog.js';
import { dialogForm, formDialog } from './dialog-form.js';
import { fieldRow } from './form.js';
import { goalForm } from './goal-form.js';

const periodText = (from, until) => t('goals.period', { from: formatDate(from), until: formatDate(until) });

function editGoal(goal, tracks) {
  const headingId = uniqueId('goal-edit');
  const { form, changes } = goalForm({ goal, tracks, headingId, submitLabel: t('common.save') });
  formDialog({ title: t('goals.edit_title', { title: goal.title }), form, headingId, wide: true, work: async () => {
    const body = changes();
    if (!Object.keys(body).length) return null;
    const saved = await api.editGoal(goal.id, body);
    return t('toast.goal_edited', { title: saved.title });
  } });
}

// The goal's pauses, each with a Remove button, and a form to add one.
function managePauses(goal) {
  const headingId = uniqueId('pause');
  const from = h('input', { type: 'date', value: settings.today });
  const until = h('input', { type: 'date' });
  const form = dialogForm({
    headingId,
    rows: [
      fieldRow({ name: 'from', label: t('goals.pause_from'), required: true, control: from }),
      fieldRow({ name: 'until', label: t('goals.pause_until'), required: true, control: until }),
    ],
    submitLabel: t('goals.pause_add'),
    note: h('p', { class: 'hint' }, t('goals.pause_hint')),
  });
  const pauses = goal.pauses ?? [];
  if (!pauses.length) form.prepend(h('p', { class: 'muted small' }, t('goals.pauses_none')));
  if (pauses.length) {
    const listHeading = uniqueId('pauses');
    const removeButton = (pause) => {
      const period = periodText(pause.from, pause.until);
      const remove = async () => {
        try {
          await api.removePause(goal.id, pause.from);
          close();
          changed(t('toast.pause_removed', { title: goal.title, period }));
        } catch (error) {
          failed(error);
        }
      };
      return h('li', {}, h('span', {}, period), ' ',
        h('button', { type: 'button', class: 'secondary small', 'aria-label': t('goals.pause_remove_label', { period }), on: { click: remove } }, t('common.remove')));
    };
    form.prepend(h('h3', { id: listHeading, class: 'small-heading' }, t('goals.pauses')),
      h('ul', { class: 'plain lines pause-list', 'aria-labelledby': listHeading }, pauses.map(removeButton)));
  }
  const close = formDialog({ title: t('goals.pause_title', { title: goal.title }), form, headingId, work: async () => {
    await api.addPause(goal.id, { from: from.value, until: until.value });
    return t('toast.paused', { title: goal.title, period: periodText(from.value, until.value) });
  } });
}

// Moves one due date of a deadline-list goal (a holiday, a cohort's schedule change).
function moveDeadline(goal) {
  const headingId = uniqueId('move');
  const deadlines = goal.deadlines ?? [];
  const upcoming = deadlines.find((day) => day >= settings.today) ?? deadlines[0];
  const which = h('select', {}, options(deadlines.map((day) => [day, formatDate(day)]), upcoming));
  const to = h('input', { type: 'date', value: upcoming });
  const form = dialogForm({
    headingId,
    rows: [
      fieldRow({ name: 'from', label: t('goals.move_which'), control: which }),
      fieldRow({ name: 'to', label: t('goals.move_to'), required: true, control: to }),
    ],
    submitLabel: t('goals.move'),
  });
  formDialog({ title: t('goals.move_title', { title: goal.title }), form, headingId, work: async () => {
    await api.moveDeadline(goal.id, which.value, to.value);
    return t('toast.deadline_moved', { title: goal.title, from: formatDate(which.value), to: formatDate(to.value) });
  } });
}

async function setFinished(goal, finished) {
  try {
    await api.editGoal(goal.id, { finished_on: finished ? settings.today : null });
    changed(t(finished ? 'toast.goal_finished' : 'toast.goal_reopened', { title: goal.title }));
  } catch (error) {
    failed(error);
  }
}

async function deleteGoal(goal) {
  const confirmed = await confirmDialog({
    title: t('goals.delete_title', { title: goal.title }),
    message: [t('goals.delete_message'), t('goals.delete_undo_hint')],
    confirmLabel: t('common.delete'),
  });
  if (!confirmed) return;
  try {
    await api.deleteGoal(goal.id);
    changed(t('toast.goal_deleted', { title: goal.title }));
  } catch (error) {
    failed(error);
  }
}

export function goalActions(goal, tracks) {
  const button = (text, labelKey, run, kind = 'secondary') =>
    h('button', { type: 'button', class: `${kind} small`, 'aria-label': t(labelKey, { title: goal.title }), on: { click: run } }, text);
  return h('div', { class: 'row-actions' },
    button(t('common.edit'), 'goals.edit_label', () => editGoal(goal, tracks)),
    goal.finished_on ? null : button(t('goals.pause'), 'goals.pause_label', () => managePauses(goal)),
    goal.cadence_unit === 'dates' && goal.deadlines?.length ? button(t('goals.move'), 'goals.move_label', () => moveDeadline(goal)) : null,
    goal.finished_on
      ? button(t('goals.reopen'), 'goals.reopen_label', () => setFinished(goal, false))
      : button(t('goals.finish'), 'goals.finish_label', () => setFinished(goal, true)),
    button(t('common.delete'), 'goals.delete_label', () => deleteGoal(goal), 'danger'));
}
