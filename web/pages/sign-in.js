// The page a server started with an access token shows until this browser has signed in: the
// token is asked for once, and the server keeps the session in an HttpOnly cookie that page
// scripts never see (docs/api.md, /session).

import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function title() {
  return t('signin.title');
}

// `onSignedIn` runs once the server has taken the token and set its cookie.
export function render(onSignedIn) {
  const input = h('input', {
    type: 'password',
    id: 'sign-in-token',
    name: 'token',
    autocomplete: 'current-password',
    autocapitalize: 'off',
    spellcheck: 'false',
    'aria-required': 'true',
    'aria-describedby': 'sign-in-token-hint sign-in-token-error',
  });
  // Always in the page and empty until needed, so that screen readers announce what is put in.
  const error = h('p', { class: 'field-error', id: 'sign-in-token-error', role: 'alert' });
  const submit = h('button', { type: 'submit' }, t('signin.submit'));

  const refuse = (message) => {
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    input.select();
  };

  const form = h('form', { class: 'card sign-in-form', novalidate: true },
    h('div', { class: 'form-row' },
      h('label', { for: input.id }, t('signin.token')),
      input,
      h('p', { class: 'hint', id: 'sign-in-token-hint' }, t('signin.token_hint')),
      error),
    h('div', { class: 'form-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!input.value) return refuse(t('signin.empty'));
    submit.disabled = true;
    try {
      await api.signIn(input.value);
    } catch (failure) {
      submit.disabled = false;
      // The server's own words (a wrong token, too many tries) come in the page's language.
      return refuse(failure.status === 0 ? t('errors.generic', { message: failure.message }) : failure.message);
    }
    onSignedIn();
  });

  return h('div', { class: 'page sign-in-page' },
    h('h1', { tabindex: '-1' }, title()),
    h('p', {}, t('signin.intro')),
    form);
}
