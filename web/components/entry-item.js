// One entry as the timeline and the dashboard show it. Every value is set as text.

import { h } from '../dom.js';
import { kindName, kindSpec, pluginName } from '../catalog.js';
import { formatDate, formatDateTime, formatNumber } from '../format.js';
import { localized, t, unitGap, unitText } from '../i18n.js';

export function entryTitle(entry) {
  return entry.title || kindName(entry.plugin, entry.kind);
}

export function entryLink(entry) {
  return `#/entries/${encodeURIComponent(entry.id)}/edit`;
}

function safeLink(text) {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:')
      return h('a', { href: url.href, rel: 'noopener noreferrer', target: '_blank' }, text);
  } catch {
    // Not a URL after all: show it as text.
  }
  return text;
}

function fieldValue(spec, value) {
  switch (spec?.type) {
    case 'boolean':
      return value ? t('field.yes') : t('field.no');
    case 'choice':
      return localized(spec.options?.find((option) => option.id === value)?.label, String(value));
    case 'list':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'checklist':
      return Array.isArray(value)
        ? h('ul', { class: 'plain checklist-view' }, value.map((item) =>
            h('li', { class: item.done ? 'done' : 'open' }, h('span', { 'aria-hidden': 'true' }, item.done ? '☑ ' : '☐ '), item.text)))
        : String(value);
    case 'url':
      return safeLink(String(value));
    case 'date':
      return formatDate(value);
    case 'integer':
    case 'number':
      return spec.unit ? `${formatNumber(value)}${unitGap()}${unitText(spec.unit)}` : formatNumber(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function fieldList(entry) {
  const spec = kindSpec(entry.plugin, entry.kind);
  const values = entry.fields ?? {};
  // In the order the manifest lists the fields; anything it does not know comes last.
  const declared = (spec?.fields ?? []).map((field) => field.id);
  const ids = [...declared.filter((id) => id in values), ...Object.keys(values).filter((id) => !declared.includes(id))];
  const rows = [];
  for (const id of ids) {
    const value = values[id];
    if (value === null || value === '') continue;
    const field = spec?.fields?.find((candidate) => candidate.id === id);
    rows.push(h('div', {}, h('dt', {}, localized(field?.label, id)), h('dd', {}, fieldValue(field, value))));
  }
  return rows.length ? h('dl', { class: 'fields' }, rows) : null;
}

function metaLine(entry) {
  const parts = [];
  if (entry.people?.length) parts.push(h('span', { class: 'people' }, entry.people.join(', ')));
  if (entry.track) parts.push(h('span', { class: 'track' }, entry.track));
  for (const tag of entry.tags ?? []) parts.push(h('span', { class: 'tag' }, '#' + tag));
  return parts.length ? h('p', { class: 'meta' }, parts) : null;
}

// The full card for the timeline. `actions` is a node with the edit/delete buttons, or null.
export function entryCard(entry, actions) {
  return h(
    'article',
    { class: entry.deleted_at ? 'entry deleted' : 'entry', dataset: { entryId: entry.id } },
    h(
      'header',
      { class: 'entry-head' },
      h('time', { datetime: entry.when }, formatDateTime(entry.when)),
      h('span', { class: `badge plugin-${entry.plugin}` }, `${pluginName(entry.plugin)} · ${kindName(entry.plugin, entry.kind)}`),
      entry.deleted_at ? h('span', { class: 'badge muted' }, t('timeline.deleted_badge')) : null,
    ),
    h('h3', { class: 'entry-title' }, entryTitle(entry)),
    metaLine(entry),
    fieldList(entry),
    entry.notes ? h('p', { class: 'notes' }, entry.notes) : null,
    actions,
  );
}

// A one-line version for lists on the dashboard.
export function entryLine(entry) {
  return h(
    'li',
    { class: 'entry-line' },
    h('a', { href: entryLink(entry) }, entryTitle(entry)),
    h('span', { class: 'muted' }, ' · ', formatDate(entry.local_date, 'medium')),
    entry.people?.length ? h('span', { class: 'muted' }, ' · ', entry.people.join(', ')) : null,
  );
}
