// "12 entries belong to the disabled plugin hackathon": entries whose plugin is switched off or
// missing stay readable but count nowhere, and the user should know they are there.

import { pluginName } from '../catalog.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

// `unloaded` is the API's [{plugin, entries, reason: "disabled"|"missing"}]; null when empty.
export function unloadedNotice(unloaded, { link = true } = {}) {
  const items = (unloaded ?? []).filter((item) => item.entries > 0 || item.reason === 'disabled');
  if (!items.length) return null;
  return h('div', { class: 'notice unloaded', role: 'note' },
    h('ul', { class: 'plain' }, items.map((item) =>
      h('li', { dataset: { plugin: item.plugin } }, t(`unloaded.${item.reason === 'missing' ? 'missing' : 'disabled'}`, {
        count: item.entries,
        plugin: pluginName(item.plugin),
      })))),
    link ? h('p', { class: 'small' }, h('a', { href: '#/plugins' }, t('unloaded.manage'))) : null);
}
