// What a page shows while it loads, and when loading fails.

import { h } from '../dom.js';
import { t } from '../i18n.js';

export function loadingView() {
  return h('p', { class: 'loading muted', role: 'status' }, t('common.loading'));
}

export function errorView(error, retry) {
  return h('div', { class: 'load-error', role: 'alert' },
    h('p', {}, t('common.load_failed', { message: error.message })),
    retry ? h('button', { type: 'button', class: 'secondary', on: { click: retry } }, t('common.retry')) : null);
}
