// A form row for one field a manifest declares (docs/plugin-reference.md, "Fields"), and reading
// its value back as the JSON the field type takes. read() answers null for "no value".

import { h, options, uniqueId } from '../dom.js';
import { localized, t, unitText } from '../i18n.js';
import { fieldGroup, fieldRow } from './form.js';

function textValue(input) {
  const value = input.value;
  return value.trim() === '' ? null : value;
}

function numberControl(spec, initial, step) {
  const input = h('input', {
    type: 'number',
    step,
    min: spec.min,
    max: spec.max,
    inputmode: step === '1' ? 'numeric' : 'decimal',
    value: initial ?? '',
  });
  const read = () => {
    if (input.value.trim() === '') return null;
    const number = Number(input.value);
    return Number.isFinite(number) ? number : input.value;
  };
  return { control: input, read };
}

function checklistGroup(spec, label, initial) {
  const list = h('ol', { class: 'checklist' });
  const renumber = () => {
    [...list.children].forEach((item, index) => {
      const number = index + 1;
      item.querySelector('input[type="checkbox"]').setAttribute('aria-label', t('field.checklist_done', { label, number }));
      item.querySelector('input[type="text"]').setAttribute('aria-label', t('field.checklist_item', { label, number }));
      item.querySelector('button').setAttribute('aria-label', t('field.checklist_remove', { label, number }));
    });
  };
  const addItem = (item = { text: '', done: false }) => {
    const row = h(
      'li',
      {},
      h('input', { type: 'checkbox', checked: item.done }),
      h('input', { type: 'text', value: item.text }),
      h('button', {
        type: 'button',
        class: 'quiet small',
        on: {
          click: () => {
            row.remove();
            renumber();
          },
        },
      }, t('common.remove')),
    );
    list.append(row);
    renumber();
    return row;
  };
  for (const item of Array.isArray(initial) ? initial : []) addItem(item);
  const addButton = h('button', {
    type: 'button',
    class: 'secondary small',
    on: { click: () => addItem().querySelector('input[type="text"]').focus() },
  }, t('field.checklist_add'));
  const read = () => {
    const items = [...list.children]
      .map((row) => ({
        text: row.querySelector('input[type="text"]').value.trim(),
        done: row.querySelector('input[type="checkbox"]').checked,
      }))
      .filter((item) => item.text !== '');
    return items.length ? items : null;
  };
  const row = fieldGroup({ name: spec.id, legend: label, required: spec.required, content: [list, addButton] });
  return { row, read };
}

// { row, read } for `spec`, showing `initial` (the entry's current value) if given.
export function fieldInput(spec, initial) {
  const label = localized(spec.label, spec.id);
  const required = Boolean(spec.required);
  const id = uniqueId(`field-${spec.id}`);
  let control;
  let read;
  let hint;
  let wide = false;

  switch (spec.type) {
    case 'markdown':
      control = h('textarea', { rows: 4, value: initial ?? '' });
      read = () => textValue(control);
      hint = t('entry.notes_hint');
      wide = true;
      break;
    case 'integer':
      ({ control, read } = numberControl(spec, initial, '1'));
      break;
    case 'number':
      ({ control, read } = numberControl(spec, initial, 'any'));
      break;
    case 'boolean': {
      control = h('input', { type: 'checkbox', checked: initial === true });
      const hadValue = typeof initial === 'boolean';
      read = () => (control.checked ? true : required || hadValue ? false : null);
      const row = h(
        'div',
        { class: 'form-row checkbox-row', dataset: { field: spec.id } },
        h('label', { for: id }, control, ' ', label),
        h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
      );
      control.id = id;
      control.setAttribute('aria-describedby', `${id}-error`);
      return { row, read };
    }
    case 'date':
      control = h('input', { type: 'date', value: initial ?? '' });
      read = () => textValue(control);
      break;
    case 'url':
      control = h('input', { type: 'url', inputmode: 'url', placeholder: 'https://', value: initial ?? '' });
      read = () => textValue(control);
      break;
    case 'choice': {
      const pairs = [['', t('field.choose')], ...(spec.options ?? []).map((option) => [option.id, localized(option.label, option.id)])];
      control = h('select', {}, options(pairs, initial ?? ''));
      read = () => (control.value === '' ? null : control.value);
      break;
    }
    case 'list':
      control = h('textarea', { rows: 3, value: Array.isArray(initial) ? initial.join('\n') : '' });
      read = () => {
        const items = control.value.split('\n').map((item) => item.trim()).filter(Boolean);
        return items.length ? items : null;
      };
      hint = t('field.list_hint');
      break;
    case 'checklist':
      return checklistGroup(spec, label, initial);
    default:
      control = h('input', { type: 'text', value: initial ?? '' });
      read = () => textValue(control);
  }
  control.id = id;
  const row = fieldRow({ name: spec.id, label, required, hint, control, unit: unitText(spec.unit), wide });
  return { row, read };
}
