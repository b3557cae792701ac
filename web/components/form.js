// Form rows (label, hint, control, error slot) and showing the server's validation errors next to
// the row they name. Forms use `novalidate`: the server is the one judge of what is valid, and
// its 422 answer names each field.

import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

function requiredMark(required) {
  return required
    ? h('span', { class: 'required-mark', title: t('common.required') }, ' *', h('span', { class: 'visually-hidden' }, ` (${t('common.required')})`))
    : null;
}

// One labelled control. `name` is what the server calls the field in its errors.
export function fieldRow({ name, label, required = false, hint, control, unit, wide = false }) {
  const id = control.id || uniqueId('input');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  if (required) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: wide ? 'form-row wide' : 'form-row', dataset: { field: name } },
    h('label', { for: id }, label, requiredMark(required)),
    unit ? h('div', { class: 'with-unit' }, control, h('span', { class: 'unit' }, unit)) : control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

// A group of controls (checkboxes, a checklist) under one legend.
export function fieldGroup({ name, legend, required = false, hint, content, wide = true }) {
  const hintId = hint ? uniqueId('hint') : null;
  const errorId = uniqueId('error');
  return h(
    'fieldset',
    {
      class: wide ? 'form-row group wide' : 'form-row group',
      dataset: { field: name },
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    },
    h('legend', {}, legend, requiredMark(required)),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    content,
    h('p', { class: 'field-error', id: errorId, hidden: true }),
  );
}

// The box at the top of a form that lists problems no row claims.
export function errorSummary() {
  return h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
}

export function clearErrors(form) {
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.textContent = '';
    slot.hidden = true;
  }
  for (const invalid of form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  for (const row of form.querySelectorAll('.form-row.has-error')) row.classList.remove('has-error');
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
}

// Puts each of the server's field errors next to its row, the rest in the summary, and moves
// focus to the summary so a screen reader hears what went wrong.
export function showErrors(form, error) {
  clearErrors(form);
  const summary = form.querySelector('.error-summary');
  const unclaimed = [];
  const fields = error.fields?.length ? error.fields : [{ field: '', message: error.message }];
  for (const { field, message } of fields) {
    const row = field ? form.querySelector(`[data-field="${CSS.escape(field)}"]`) : null;
    if (!row) {
      unclaimed.push(field ? `${field}: ${message}` : message);
      continue;
    }
    row.classList.add('has-error');
    const slot = row.querySelector('.field-error');
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    slot.hidden = false;
    for (const control of row.querySelectorAll('input, select, textarea'))
      control.setAttribute('aria-invalid', 'true');
  }
  if (summary) {
    summary.append(h('p', {}, t('errors.summary')));
    if (unclaimed.length) summary.append(h('ul', {}, unclaimed.map((text) => h('li', {}, text))));
    summary.hidden = false;
    summary.focus();
  }
}

// Disables the submit button while `work` runs so a double click saves once.
export async function whileSaving(form, work) {
  const button = form.querySelector('button[type="submit"]');
  const label = button?.textContent;
  if (button) {
    button.disabled = true;
    button.textContent = t('common.saving');
  }
  try {
    return await work();
  } finally {
    if (button) {
      button.disabled = false;
      button.textContent = label;
    }
  }
}
