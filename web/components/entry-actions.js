// Deleting an entry and undoing the latest change, each answered by a notice. Pages learn that
// the data changed from the `hoego:changed` event and draw themselves again.

import { api } from '../api.js';
import { t } from '../i18n.js';
import { entryTitle } from './entry-item.js';
import { showToast } from './toast.js';

export function announceChange() {
  window.dispatchEvent(new CustomEvent('hoego:changed'));
}

export async function undoLast() {
  try {
    const { action, entry } = await api.undo();
    showToast(t(`toast.undone.${action}`, { title: entryTitle(entry) }));
  } catch (error) {
    showToast(error.code === 'conflict' ? t('toast.nothing_to_undo') : t('errors.generic', { message: error.message }));
  }
  announceChange();
}

export async function deleteEntry(entry) {
  try {
    const deleted = await api.deleteEntry(entry.id);
    announceChange();
    showToast(t('toast.deleted', { title: entryTitle(deleted) }), { label: t('common.undo'), run: undoLast });
  } catch (error) {
    showToast(t('errors.generic', { message: error.message }));
  }
}
