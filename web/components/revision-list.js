// An entry's history: each revision, when it was saved, and what it changed from the one before
// (a follow-up ticked shows as "☑ 이력서 리뷰").

import { kindSpec } from '../catalog.js';
import { h } from '../dom.js';
import { formatDateTime } from '../format.js';
import { localized, t } from '../i18n.js';
import { entryTitle } from './entry-item.js';

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function valueText(value) {
  if (value == null || value === '') return '—';
  if (Array.isArray(value)) {
    return value.map((item) => (item && typeof item === 'object' && 'text' in item ? `${item.done ? '☑' : '☐'} ${item.text}` : String(item))).join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// "Label: new value" for each field and member that differs between two revisions.
function changeLines(previous, revision) {
  const lines = [];
  for (const name of ['title', 'people', 'track', 'tags']) {
    if (!same(previous[name], revision[name])) lines.push(`${t(`entry.${name}`)}: ${valueText(revision[name])}`);
  }
  if (previous.when !== revision.when) lines.push(`${t('entry.when')}: ${formatDateTime(revision.when)}`);
  if (!same(previous.notes, revision.notes)) lines.push(t('entry.notes_changed'));
  const specs = kindSpec(revision.plugin, revision.kind)?.fields ?? [];
  const ids = new Set([...Object.keys(previous.fields ?? {}), ...Object.keys(revision.fields ?? {})]);
  for (const id of ids) {
    if (same(previous.fields?.[id], revision.fields?.[id])) continue;
    const label = localized(specs.find((spec) => spec.id === id)?.label, id);
    lines.push(`${label}: ${valueText(revision.fields?.[id])}`);
  }
  return lines;
}

export function revisionList(revisions) {
  if (revisions.length < 2) return null;
  return h('details', { class: 'card history' },
    h('summary', {}, t('entry.history', { count: revisions.length })),
    h('ol', { class: 'plain lines' }, revisions.map((revision, index) => {
      const changes = index > 0 ? changeLines(revisions[index - 1], revision) : [];
      return h('li', { dataset: { revision: revision.revision } },
        h('span', { class: 'muted' }, t('entry.revision', { revision: revision.revision, when: formatDateTime(revision.updated_at) }), ' · '),
        entryTitle(revision),
        changes.length ? h('ul', { class: 'revision-changes small' }, changes.map((line) => h('li', {}, line))) : null);
    })));
}
