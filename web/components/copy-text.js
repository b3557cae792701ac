// A read-only text to paste somewhere else (a board's summary for the group's chat) with a Copy
// button. Where the browser refuses the clipboard (no permission, an insecure address), the text
// is selected instead and the page says how to copy it by hand.

import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

export function copyText({ label, text, rows = 3 }) {
  const id = uniqueId('copy-text');
  const area = h('textarea', { id, readonly: true, rows, class: 'copy-text', value: text });
  const said = h('p', { class: 'copy-status small', role: 'status' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      said.textContent = t('copy.done');
    } catch {
      area.focus();
      area.select();
      said.textContent = t('copy.selected');
    }
  };
  return h('div', { class: 'copy-block' },
    h('label', { for: id }, label),
    area,
    h('div', { class: 'copy-actions' },
      h('button', { type: 'button', class: 'secondary small', on: { click: copy } }, t('copy.button')),
      said));
}
