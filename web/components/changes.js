// Every change the page makes ends here: the page learns of it through the `hoego:changed` event
// and draws itself again, and a notice says what happened with an Undo button that reverts the
// newest step of the server's journal, whatever it was (an entry, a goal, a track, a person or
// a plugin).

import { api } from '../api.js';
import { loadCatalog } from '../catalog.js';
import { localized, t } from '../i18n.js';
import { showToast } from './toast.js';

export function announceChange() {
  window.dispatchEvent(new CustomEvent('hoego:changed'));
}

export async function undoLast() {
  try {
    const { subject, summary } = await api.undo();
    // Switching a plugin back changes which kinds the forms offer.
    if (subject === 'plugin') await loadCatalog();
    showToast(localized(summary) || t('toast.undone'));
  } catch (error) {
    showToast(error.code === 'conflict' ? t('toast.nothing_to_undo') : t('errors.generic', { message: error.message }));
  }
  announceChange();
}

// The notice after a change that the journal can revert.
export function changed(message) {
  announceChange();
  showToast(message, { label: t('common.undo'), run: undoLast });
}

export function failed(error) {
  showToast(t('errors.generic', { message: error.message }));
}
