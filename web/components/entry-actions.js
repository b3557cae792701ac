// Deleting an entry, answered by a notice with Undo.

import { api } from '../api.js';
import { t } from '../i18n.js';
import { changed, failed } from './changes.js';
import { entryTitle } from './entry-item.js';

export async function deleteEntry(entry) {
  try {
    const deleted = await api.deleteEntry(entry.id);
    changed(t('toast.deleted', { title: entryTitle(deleted) }));
  } catch (error) {
    failed(error);
  }
}
