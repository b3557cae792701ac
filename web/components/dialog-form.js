// A form in a dialog whose submit makes one change: on success the dialog closes and a notice
// with Undo says what changed; otherwise the server's errors show next to their fields and the
// dialog stays open.

import { h } from '../dom.js';
import { changed } from './changes.js';
import { openDialog } from './dialog.js';
import { errorSummary, showErrors, whileSaving } from './form.js';

// A small form for a dialog: its rows, an optional note below them, and one submit button.
export function dialogForm({ headingId, rows, submitLabel, note = null }) {
  return h('form', { novalidate: true, 'aria-labelledby': headingId },
    errorSummary(),
    h('div', { class: 'form-grid' }, rows),
    note,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, submitLabel)));
}

// `work()` makes the change and answers the notice's text, or null when nothing changed.
export function formDialog({ title, form, headingId, wide = false, work }) {
  const { close } = openDialog({ title, body: form, wide, headingId });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileSaving(form, async () => {
      try {
        const message = await work();
        // Closed first: the dialog gives focus back to its opener, the notice then takes it.
        close();
        if (message) changed(message);
      } catch (error) {
        showErrors(form, error);
      }
    });
  });
  return close;
}
