// #/goals?by_person=true — every goal with its progress, streak and next deadline, and a form
// to add one (the same options as `hoego goal add`).

import { api } from '../api.js';
import { currentYear, kindSpec, manifests } from '../catalog.js';
import { goalCard } from '../components/goal-card.js';
import { errorSummary, fieldRow, showErrors, whileSaving } from '../components/form.js';
import { kindSelect, trackPicker } from '../components/pickers.js';
import { showToast } from '../components/toast.js';
import { announceChange } from '../components/entry-actions.js';
import { h, options, uniqueId } from '../dom.js';
import { localized, t } from '../i18n.js';

export function title() {
  return t('goals.title');
}

function numberInput(props = {}) {
  return h('input', { type: 'number', inputmode: 'decimal', ...props });
}

function numericFieldOptions(type) {
  const [pluginId, kindId] = type.split('/');
  const numeric = (kindSpec(pluginId, kindId)?.fields ?? []).filter((field) => field.type === 'integer' || field.type === 'number');
  return options([['', t('goals.form.sum_count')], ...numeric.map((field) => [field.id, localized(field.label, field.id)])], '');
}

function goalForm(tracks) {
  const defaultYear = String(currentYear());
  const name = h('input', { type: 'text', autocomplete: 'off' });
  const type = kindSelect(manifests(), '');
  const track = trackPicker({ tracks, label: t('goals.form.track') });
  const year = numberInput({ inputmode: 'numeric', min: 1900, max: 9999, step: 1, value: defaultYear });
  const from = h('input', { type: 'date' });
  const until = h('input', { type: 'date' });
  const target = numberInput({ min: 0, step: 'any' });
  const sum = h('select', {}, numericFieldOptions(type.value));
  const every = h('select', {}, options([
    ['', t('goals.form.every_none')],
    ['week', t('goals.form.every_week')],
    ['month', t('goals.form.every_month')],
    ['days', t('goals.form.every_days')],
  ], ''));
  const days = numberInput({ inputmode: 'numeric', min: 1, step: 1, value: '14' });
  const perCycle = numberInput({ min: 0, step: 'any', value: '1' });
  const passes = numberInput({ inputmode: 'numeric', min: 0, step: 1, value: '0' });

  const daysRow = fieldRow({ name: 'every_days', label: t('goals.form.days'), control: days });
  const cadenceRows = [daysRow, fieldRow({ name: 'per_cycle', label: t('goals.form.per_cycle'), control: perCycle }), fieldRow({ name: 'passes', label: t('goals.form.passes'), control: passes })];
  const showCadence = () => {
    daysRow.hidden = every.value !== 'days';
    for (const row of cadenceRows.slice(1)) row.hidden = every.value === '';
  };
  every.addEventListener('change', showCadence);
  showCadence();
  type.addEventListener('change', () => sum.replaceChildren(...numericFieldOptions(type.value)));
  // A track brings its own dates; keep the year only if the user typed one on purpose.
  track.row.querySelector('select').addEventListener('change', (event) => {
    if (event.target.value && year.value === defaultYear) year.value = '';
  });

  const form = h('form', { class: 'card goal-form', novalidate: true, 'aria-labelledby': 'goal-form-heading' },
    h('h2', { id: 'goal-form-heading' }, t('goals.add')),
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'title', label: t('goals.form.title'), required: true, control: name, wide: true }),
      fieldRow({ name: 'kind', label: t('goals.form.what'), required: true, control: type }),
      track.row,
      fieldRow({ name: 'year', label: t('goals.form.year'), hint: t('goals.form.period_hint'), control: year }),
      fieldRow({ name: 'from', label: t('goals.form.from'), control: from }),
      fieldRow({ name: 'until', label: t('goals.form.until'), control: until }),
      fieldRow({ name: 'target', label: t('goals.form.target'), control: target }),
      fieldRow({ name: 'sum', label: t('goals.form.sum'), control: sum }),
      fieldRow({ name: 'every', label: t('goals.form.every'), control: every }),
      cadenceRows),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('goals.add'))));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const [plugin, kind] = type.value.split('/');
    const body = { title: name.value.trim(), plugin, kind };
    const optional = { track: track.read(), from: from.value, until: until.value, sum: sum.value };
    for (const [key, value] of Object.entries(optional)) if (value) body[key] = value;
    if (year.value) body.year = Number(year.value);
    if (target.value) body.target = Number(target.value);
    if (every.value) {
      body.every = every.value === 'days' ? `${days.value}d` : every.value;
      body.per_cycle = Number(perCycle.value || 1);
      body.passes = Number(passes.value || 0);
    }
    whileSaving(form, async () => {
      try {
        const goal = await api.addGoal(body);
        showToast(t('toast.goal_added', { title: goal.title }));
        announceChange();
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return form;
}

export async function render(params, query) {
  const byPerson = query.get('by_person') === 'true';
  const [goals, tracks] = await Promise.all([api.goals({ by_person: byPerson }), api.tracks()]);
  const toggleId = uniqueId('by-person');
  const toggle = h('input', { type: 'checkbox', id: toggleId, checked: byPerson });
  toggle.addEventListener('change', () => {
    location.hash = toggle.checked ? '#/goals?by_person=true' : '#/goals';
  });
  return h('div', { class: 'page goals' },
    h('div', { class: 'page-head' },
      h('h1', { tabindex: '-1' }, title()),
      h('div', { class: 'checkbox-row' }, toggle, h('label', { for: toggleId }, ' ', t('goals.by_person')))),
    goals.length
      ? h('div', { class: 'goal-list wide-list' }, goals.map((report) => goalCard(report, { headingLevel: 2, detailed: true })))
      : h('p', { class: 'empty' }, t('goals.empty')),
    goalForm(tracks));
}
