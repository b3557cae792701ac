// Modal dialogs on the native <dialog> element: it keeps the keyboard inside while open, closes
// on Escape, and gives focus back to what opened it.

import { h, uniqueId } from '../dom.js';
import { t } from '../i18n.js';

// openDialog({title, body: node or nodes, wide, headingId}) → {dialog, close}. `headingId` lets
// a form inside name itself by the dialog's heading. The dialog is removed from the page when it
// closes, however that happens.
export function openDialog({ title, body, wide = false, headingId = uniqueId('dialog-title') }) {
  const closeButton = h('button', { type: 'button', class: 'quiet small dialog-close' }, t('common.close'));
  const dialog = h('dialog', { class: wide ? 'dialog wide' : 'dialog', 'aria-labelledby': headingId },
    h('div', { class: 'dialog-head' }, h('h2', { id: headingId }, title), closeButton),
    body);
  const close = () => {
    if (dialog.open) dialog.close();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}

// Asks before a change that is hard to take back. Resolves true when the user confirms; focus
// starts on Cancel, so an Enter pressed by habit changes nothing.
export function confirmDialog({ title, message, confirmLabel, danger = true }) {
  return new Promise((resolve) => {
    let answer = false;
    const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
    const confirm = h('button', { type: 'button', class: danger ? 'danger-solid' : '' }, confirmLabel);
    const paragraphs = (Array.isArray(message) ? message : [message]).filter(Boolean).map((text) => h('p', {}, text));
    const bodyId = uniqueId('dialog-body');
    const { dialog, close } = openDialog({
      title,
      body: [h('div', { class: 'dialog-body', id: bodyId }, paragraphs), h('div', { class: 'form-actions' }, confirm, cancel)],
    });
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-describedby', bodyId);
    cancel.addEventListener('click', close);
    confirm.addEventListener('click', () => {
      answer = true;
      close();
    });
    dialog.addEventListener('close', () => resolve(answer));
    cancel.focus();
  });
}
