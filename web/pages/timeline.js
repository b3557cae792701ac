// #/timeline?plugin=&kind=&track=&person=&tag=&since=&until=&q=&limit= — every entry, newest
// first, with filters and search; each entry can be edited or deleted (and the delete undone).

import { api } from '../api.js';
import { manifest, manifests } from '../catalog.js';
import { deleteEntry } from '../components/entry-actions.js';
import { entryCard, entryLink, entryTitle } from '../components/entry-item.js';
import { h, options, uniqueId } from '../dom.js';
import { localized, t } from '../i18n.js';

const FILTERS = ['q', 'plugin', 'kind', 'track', 'person', 'tag', 'since', 'until'];
const PAGE_SIZE = 100;

export function title() {
  return t('timeline.title');
}

function labelled(labelText, control, extraClass = '') {
  control.id = uniqueId('filter');
  return h('div', { class: `filter ${extraClass}`.trim() }, h('label', { for: control.id }, labelText), control);
}

function kindOptions(pluginId, selected) {
  const kinds = manifest(pluginId)?.kinds ?? [];
  return options([['', t('common.all')], ...kinds.map((kind) => [kind.id, localized(kind.label, kind.id)])], selected);
}

function filterForm(query, people, tracks) {
  const value = (name) => query.get(name) ?? '';
  const search = h('input', { type: 'search', name: 'q', value: value('q'), placeholder: t('timeline.search_placeholder') });
  const plugin = h('select', { name: 'plugin' }, options(
    [['', t('common.all')], ...manifests().map((item) => [item.id, localized(item.name, item.id)])], value('plugin')));
  const kind = h('select', { name: 'kind', disabled: !value('plugin') }, kindOptions(value('plugin'), value('kind')));
  plugin.addEventListener('change', () => {
    kind.replaceChildren(...kindOptions(plugin.value, ''));
    kind.disabled = !plugin.value;
  });
  const track = h('select', { name: 'track' }, options([['', t('common.all')], ...tracks.map((item) => [item.name, item.name])], value('track')));
  const person = h('select', { name: 'person' }, options([['', t('common.all')], ...people.map((item) => [item.name, item.name])], value('person')));
  const tag = h('input', { type: 'text', name: 'tag', value: value('tag') });
  const since = h('input', { type: 'date', name: 'since', value: value('since') });
  const until = h('input', { type: 'date', name: 'until', value: value('until') });

  const active = FILTERS.filter((name) => name !== 'q' && value(name)).length;
  // Folded on a phone unless a filter is in use; open where there is room.
  const more = h('details', { class: 'more-filters', open: active > 0 || matchMedia('(min-width: 760px)').matches },
    h('summary', {}, active ? t('timeline.filters_active', { count: active }) : t('timeline.filters')),
    h('div', { class: 'filter-grid' },
      labelled(t('filter.plugin'), plugin),
      labelled(t('filter.kind'), kind),
      labelled(t('filter.track'), track),
      labelled(t('filter.person'), person),
      labelled(t('filter.tag'), tag),
      labelled(t('filter.since'), since),
      labelled(t('filter.until'), until)));
  const form = h('form', { class: 'card filters', role: 'search', 'aria-label': t('timeline.filters') },
    labelled(t('timeline.search'), search, 'search-field'),
    more,
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit' }, t('timeline.apply')),
      h('a', { href: '#/timeline', class: 'button-link secondary' }, t('timeline.reset'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const field = form.elements.namedItem(name);
      if (field && !field.disabled && field.value.trim() !== '') next.set(name, field.value.trim());
    }
    const text = next.toString();
    location.hash = text ? `#/timeline?${text}` : '#/timeline';
  });
  return form;
}

function actions(entry) {
  const label = entryTitle(entry);
  return h('div', { class: 'entry-actions' },
    h('a', { href: entryLink(entry), class: 'button-link secondary small', 'aria-label': t('timeline.edit_label', { title: label }) }, t('common.edit')),
    h('button', { type: 'button', class: 'danger small', 'aria-label': t('timeline.delete_label', { title: label }), on: { click: () => deleteEntry(entry) } }, t('common.delete')));
}

export async function render(params, query) {
  const limit = Math.max(PAGE_SIZE, Number.parseInt(query.get('limit') ?? '', 10) || PAGE_SIZE);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const [entries, people, tracks] = await Promise.all([api.entries({ ...filters, limit }), api.people(), api.tracks()]);

  const more = new URLSearchParams(query);
  more.set('limit', String(limit + PAGE_SIZE));
  return h('div', { class: 'page timeline' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title())),
    filterForm(query, people, tracks),
    h('p', { class: 'muted small', role: 'status' }, t('timeline.showing', { count: entries.length })),
    entries.length
      ? h('ol', { class: 'plain entries' }, entries.map((entry) => h('li', {}, entryCard(entry, actions(entry)))))
      : h('p', { class: 'empty' }, t('timeline.empty')),
    entries.length >= limit ? h('a', { href: `#/timeline?${more}`, class: 'button-link secondary' }, t('common.show_more')) : null);
}
