// The goal form, empty to add a goal (the options of `hoego goal add`) or filled in to edit one.
// An edit sends only what the user changed, so a goal that follows its track's dates keeps
// following them.

import { currentYear, kindSpec, manifest, manifests, settings } from '../catalog.js';
import { h, options } from '../dom.js';
import { localized, t } from '../i18n.js';
import { dateList } from './date-list.js';
import { errorSummary, fieldRow } from './form.js';
import { kindSelect, trackPicker } from './pickers.js';

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function numberInput(props = {}) {
  return h('input', { type: 'number', inputmode: 'decimal', ...props });
}

function numericFieldOptions(type, selected) {
  const [pluginId, kindId] = type.split('/');
  const numeric = (kindSpec(pluginId, kindId)?.fields ?? []).filter((field) => field.type === 'integer' || field.type === 'number');
  return options([['', t('goals.form.sum_count')], ...numeric.map((field) => [field.id, localized(field.label, field.id)])], selected ?? '');
}

// The cadence select's value and the day count for a goal's `every` ("14d", "2w", "day", "week").
function cadenceOf(goal) {
  if (!goal) return { mode: '', days: '14' };
  if (goal.cadence_unit === 'dates') return { mode: 'dates', days: '14' };
  const every = goal.every ?? '';
  if (every === 'week' || every === 'month') return { mode: every, days: '14' };
  const match = /^(\d*)\s*(d|w|day|days|week|weeks)$/.exec(every);
  if (match) {
    const count = Number(match[1] || 1) * (match[2].startsWith('w') ? 7 : 1);
    return { mode: 'days', days: String(count) };
  }
  return { mode: '', days: '14' };
}

// The kinds to choose from: the enabled plugins', and the goal's own even if its plugin is off.
function kindChoices(goal) {
  const enabled = manifests();
  const own = goal ? manifest(goal.plugin) : null;
  return own && !enabled.includes(own) ? [...enabled, own] : enabled;
}

// goalForm({goal, tracks, heading, submitLabel}) → {form, body(), changes()}: body() is a new
// goal as POST /goals takes it, changes() what PATCH /goals/{id} needs to make `goal` the form's.
export function goalForm({ goal = null, tracks, heading = null, headingId, submitLabel }) {
  const initialCadence = cadenceOf(goal);
  const defaultYear = goal ? '' : String(currentYear());
  const name = h('input', { type: 'text', autocomplete: 'off', value: goal?.title ?? '' });
  const type = kindSelect(kindChoices(goal), goal ? `${goal.plugin}/${goal.kind}` : '');
  const track = trackPicker({ tracks, label: t('goals.form.track'), selected: goal?.track ?? '' });
  const year = numberInput({ inputmode: 'numeric', min: 1900, max: 9999, step: 1, value: defaultYear });
  const from = h('input', { type: 'date', value: goal?.starts_on ?? '' });
  const until = h('input', { type: 'date', value: goal?.ends_on ?? '' });
  const target = numberInput({ min: 0, step: 'any', value: goal?.target ?? '' });
  const sum = h('select', {}, numericFieldOptions(type.value, goal?.sum_field));
  const every = h('select', {}, options([
    ['', t('goals.form.every_none')],
    ['week', t('goals.form.every_week')],
    ['month', t('goals.form.every_month')],
    ['days', t('goals.form.every_days')],
    ['dates', t('goals.form.every_dates')],
  ], initialCadence.mode));
  const days = numberInput({ inputmode: 'numeric', min: 1, step: 1, value: initialCadence.days });
  const perCycle = numberInput({ min: 0, step: 'any', value: String(goal?.per_cycle ?? 1) });
  const passes = numberInput({ inputmode: 'numeric', min: 0, step: 1, value: String(goal?.passes ?? 0) });
  const deadlines = dateList({ name: 'deadlines', label: t('goals.form.deadlines'), hint: t('goals.form.deadlines_hint'), initial: goal?.deadlines ?? [] });
  const finished = goal ? h('input', { type: 'checkbox', id: `goal-${goal.id}-finished`, checked: Boolean(goal.finished_on) }) : null;

  const daysRow = fieldRow({ name: 'every_days', label: t('goals.form.days'), control: days });
  const perCycleRow = fieldRow({ name: 'per_cycle', label: t('goals.form.per_cycle'), control: perCycle });
  const passesRow = fieldRow({ name: 'passes', label: t('goals.form.passes'), control: passes });
  const showCadence = () => {
    daysRow.hidden = every.value !== 'days';
    deadlines.row.hidden = every.value !== 'dates';
    perCycleRow.hidden = every.value === '';
    passesRow.hidden = every.value === '';
  };
  every.addEventListener('change', showCadence);
  showCadence();
  type.addEventListener('change', () => sum.replaceChildren(...numericFieldOptions(type.value, '')));
  // A track brings its own dates; keep the year only if the user typed one on purpose.
  track.row.querySelector('select').addEventListener('change', (event) => {
    if (event.target.value && year.value === defaultYear) year.value = '';
  });

  const form = h('form', { class: 'goal-form', novalidate: true, 'aria-labelledby': headingId },
    heading,
    errorSummary(),
    h('div', { class: 'form-grid' },
      fieldRow({ name: 'title', label: t('goals.form.title'), required: true, control: name, wide: true }),
      fieldRow({ name: 'kind', label: t('goals.form.what'), required: true, control: type }),
      track.row,
      fieldRow({ name: 'year', label: t('goals.form.year'), hint: goal ? t('goals.form.year_edit_hint') : t('goals.form.period_hint'), control: year }),
      fieldRow({ name: 'from', label: t('goals.form.from'), control: from }),
      fieldRow({ name: 'until', label: t('goals.form.until'), control: until }),
      fieldRow({ name: 'target', label: t('goals.form.target'), control: target }),
      fieldRow({ name: 'sum', label: t('goals.form.sum'), control: sum }),
      fieldRow({ name: 'every', label: t('goals.form.every'), control: every }),
      daysRow, perCycleRow, passesRow, deadlines.row,
      finished ? h('div', { class: 'form-row checkbox-row wide', dataset: { field: 'finished_on' } },
        h('label', { for: finished.id }, finished, ' ', t('goals.form.finished')),
        h('p', { class: 'hint' }, t('goals.form.finished_hint')),
        h('p', { class: 'field-error', hidden: true })) : null),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, submitLabel)));

  const cadence = () => {
    if (every.value === '') return { every: null, deadlines: null };
    if (every.value === 'dates') return { every: null, deadlines: deadlines.read() };
    return { every: every.value === 'days' ? `${days.value}d` : every.value, deadlines: null };
  };
  const initial = {
    cadence: cadence(),
    perCycle: perCycle.value,
    passes: passes.value,
  };

  const body = () => {
    const [plugin, kind] = type.value.split('/');
    const result = { title: name.value.trim(), plugin, kind };
    const optional = { track: track.read(), from: from.value, until: until.value, sum: sum.value };
    for (const [key, value] of Object.entries(optional)) if (value) result[key] = value;
    if (year.value) result.year = Number(year.value);
    if (target.value) result.target = Number(target.value);
    const chosen = cadence();
    if (chosen.every) result.every = chosen.every;
    if (chosen.deadlines) result.deadlines = chosen.deadlines;
    if (every.value) {
      result.per_cycle = Number(perCycle.value || 1);
      result.passes = Number(passes.value || 0);
    }
    return result;
  };

  const changes = () => {
    const result = {};
    const [plugin, kind] = type.value.split('/');
    if (name.value.trim() !== goal.title) result.title = name.value.trim();
    if (plugin !== goal.plugin) result.plugin = plugin;
    if (kind !== goal.kind) result.kind = kind;
    if (track.read() !== (goal.track ?? '')) result.track = track.read();
    if (year.value) result.year = Number(year.value);
    if (from.value !== (goal.starts_on ?? '')) result.from = from.value || null;
    if (until.value !== (goal.ends_on ?? '')) result.until = until.value || null;
    const targetValue = target.value === '' ? null : Number(target.value);
    if (!same(targetValue, goal.target)) result.target = targetValue;
    if ((sum.value || null) !== (goal.sum_field ?? null)) result.sum = sum.value || null;
    const chosen = cadence();
    if (!same(chosen, initial.cadence)) Object.assign(result, chosen);
    if (perCycle.value !== initial.perCycle) result.per_cycle = Number(perCycle.value || 1);
    if (passes.value !== initial.passes) result.passes = Number(passes.value || 0);
    if (finished.checked !== Boolean(goal.finished_on)) result.finished_on = finished.checked ? settings.today : null;
    return result;
  };

  return { form, body, changes };
}
