// A part a plugin failed to give (its milestones, its section of the review), said in words
// where it would have been: the server answers the rest of the page without it, and lists what
// is missing in `failed` (docs/api.md).

import { h } from '../dom.js';
import { localized, t } from '../i18n.js';

const KNOWN_PARTS = new Set(['milestones', 'report_section']);

export function failedPart(failure) {
  const part = KNOWN_PARTS.has(failure.part) ? failure.part : 'other';
  return h('p', { class: 'failed-part', dataset: { plugin: failure.plugin, part: failure.part } },
    h('span', { class: 'failed-mark', 'aria-hidden': 'true' }, '⚠ '),
    h('strong', {}, t(`failed.${part}`, { plugin: localized(failure.name, failure.plugin) })),
    ' ',
    t('failed.reason', { message: localized(failure.message) }));
}

// The failures of `part`, of one plugin or of all.
export function failuresOf(failed, part, plugin) {
  return (failed ?? []).filter((failure) => failure.part === part && (plugin === undefined || failure.plugin === plugin));
}
