// Short notices at the bottom of the page ("Deleted: …  [Undo]"). A notice with an action stays
// until it is used, closed or replaced, so nobody has to race a timer to undo.

import { h } from '../dom.js';
import { t } from '../i18n.js';

const PLAIN_NOTICE_MS = 6000;
let region = null;
let timer = null;

export function toastRegion() {
  region = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  return region;
}

export function dismissToast() {
  clearTimeout(timer);
  region?.replaceChildren();
}

// showToast('Saved', {label: 'Undo', run: async () => …})
export function showToast(message, action) {
  dismissToast();
  const close = h('button', { type: 'button', class: 'quiet small', on: { click: dismissToast } }, t('common.close'));
  const actionButton = action
    ? h('button', {
        type: 'button',
        class: 'secondary small',
        on: {
          click: async () => {
            dismissToast();
            await action.run();
          },
        },
      }, action.label)
    : null;
  region.append(h('div', { class: 'toast' }, h('p', {}, message), actionButton, close));
  // The action answers what the user just did (a delete): put the keyboard right on it.
  if (actionButton) actionButton.focus();
  else timer = setTimeout(dismissToast, PLAIN_NOTICE_MS);
}
