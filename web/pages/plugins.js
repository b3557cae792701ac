// #/plugins — every plugin, how many entries it holds, and a switch to disable or enable it
// without touching its file. A disabled plugin's entries stay readable; they count nowhere until
// it is enabled again.

import { api } from '../api.js';
import { everyPlugin, loadCatalog } from '../catalog.js';
import { changed, failed } from '../components/changes.js';
import { confirmDialog } from '../components/dialog.js';
import { unloadedNotice } from '../components/unloaded-notice.js';
import { h } from '../dom.js';
import { localized, t } from '../i18n.js';

export function title() {
  return t('plugins.title');
}

async function toggle(plugin, name) {
  const enabling = plugin.enabled === false;
  const confirmed = await confirmDialog({
    title: t(enabling ? 'plugins.enable_title' : 'plugins.disable_title', { name }),
    message: t(`plugins.${enabling ? 'enable' : 'disable'}_message${plugin.entries == null ? '_uncounted' : ''}`, { name, count: plugin.entries }),
    confirmLabel: t(enabling ? 'plugins.enable' : 'plugins.disable'),
    danger: !enabling,
  });
  if (!confirmed) return;
  try {
    await (enabling ? api.enablePlugin(plugin.id) : api.disablePlugin(plugin.id));
    // The forms offer only enabled plugins' kinds.
    await loadCatalog();
    changed(t(enabling ? 'toast.plugin_enabled' : 'toast.plugin_disabled', { name }));
  } catch (error) {
    failed(error);
  }
}

function pluginItem(plugin) {
  const name = localized(plugin.manifest?.name, plugin.name ?? plugin.id);
  const enabled = plugin.enabled !== false;
  return h('li', { class: enabled ? 'card plugin' : 'card plugin disabled', dataset: { plugin: plugin.id } },
    h('div', { class: 'person-head' },
      h('h2', { class: 'plugin-name' }, name),
      h('span', { class: enabled ? 'badge' : 'badge muted' }, t(enabled ? 'plugins.enabled' : 'plugins.disabled'))),
    plugin.manifest?.description ? h('p', { class: 'small' }, localized(plugin.manifest.description)) : null,
    h('p', { class: 'muted small plugin-facts' }, plugin.entries == null
      ? t('plugins.version', { version: plugin.version ?? '' })
      : t('plugins.facts', { version: plugin.version ?? '', count: plugin.entries })),
    h('div', { class: 'row-actions' },
      h('button', {
        type: 'button',
        class: enabled ? 'danger small' : 'secondary small',
        'aria-label': t(enabled ? 'plugins.disable_label' : 'plugins.enable_label', { name }),
        on: { click: () => toggle(plugin, name) },
      }, t(enabled ? 'plugins.disable' : 'plugins.enable'))));
}

function refusedList(refused) {
  if (!refused?.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'refused-heading' },
    h('h2', { id: 'refused-heading' }, t('plugins.refused')),
    h('ul', { class: 'plain lines' }, refused.map((item) =>
      h('li', {}, h('code', {}, item.path), h('span', { class: 'muted' }, ' — ', item.reason)))));
}

export async function render() {
  const answer = await api.plugins(true);
  // A disabled plugin's entries are counted among the unloaded ones.
  const plugins = everyPlugin(answer)
    .map((plugin) => ({ ...plugin, entries: plugin.entries ?? answer.unloaded?.find((item) => item.plugin === plugin.id)?.entries }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return h('div', { class: 'page plugins' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title())),
    h('p', { class: 'muted' }, t('plugins.intro')),
    unloadedNotice(answer.unloaded, { link: false }),
    plugins.length
      ? h('ul', { class: 'plain tiles' }, plugins.map(pluginItem))
      : h('p', { class: 'empty' }, t('dashboard.no_plugins')),
    refusedList(answer.refused));
}
