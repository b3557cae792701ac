// The page's frame (header, navigation, language switch, notices) and the hash router that draws
// one page into <main>, or the sign-in page while a server with an access token waits for it.

import { api, askEarly } from './api.js';
import { catalogRequests, loadCatalog, settings } from './catalog.js';
import { errorView, loadingView } from './components/status.js';
import { showToast, toastRegion } from './components/toast.js';
import { h } from './dom.js';
import { initLanguage, otherLanguage, setLanguage, t } from './i18n.js';
import * as board from './pages/board.js';
import * as dashboard from './pages/dashboard.js';
import * as entryForm from './pages/entry-form.js';
import * as feeds from './pages/feeds.js';
import * as followUps from './pages/follow-ups.js';
import * as goals from './pages/goals.js';
import * as people from './pages/people.js';
import * as plugins from './pages/plugins.js';
import * as report from './pages/report.js';
import * as signIn from './pages/sign-in.js';
import * as timeline from './pages/timeline.js';
import * as tracks from './pages/tracks.js';

const ROUTES = [
  { pattern: /^\/$/, page: dashboard, nav: 'dashboard' },
  { pattern: /^\/timeline$/, page: timeline, nav: 'timeline' },
  { pattern: /^\/add$/, page: entryForm, nav: 'add' },
  { pattern: /^\/entries\/(?<id>\d+)\/edit$/, page: entryForm, nav: 'timeline' },
  { pattern: /^\/goals$/, page: goals, nav: 'goals' },
  { pattern: /^\/follow-ups$/, page: followUps, nav: 'followups' },
  { pattern: /^\/people$/, page: people, nav: 'people' },
  { pattern: /^\/tracks$/, page: tracks, nav: 'tracks' },
  { pattern: /^\/board$/, page: board, nav: 'board' },
  { pattern: /^\/board\/(?<track>[^/]+)$/, page: board, nav: 'board' },
  // The feeds page is the board's back room (whose posts the board shows), reached from it and
  // from each track; the navigation has no room for another entry in English at 1280px.
  { pattern: /^\/feeds$/, page: feeds, nav: 'board' },
  { pattern: /^\/report$/, page: report, nav: 'report' },
  { pattern: /^\/plugins$/, page: plugins, nav: 'plugins' },
];
const NAV = [
  ['dashboard', '#/'],
  ['timeline', '#/timeline'],
  ['add', '#/add'],
  ['goals', '#/goals'],
  ['followups', '#/follow-ups'],
  ['people', '#/people'],
  ['tracks', '#/tracks'],
  ['board', '#/board'],
  ['report', '#/report'],
  ['plugins', '#/plugins'],
];

const header = h('header', { class: 'site-header' });
const main = h('main', { id: 'main', tabindex: '-1' });
let renderCount = 0;
let listening = false;
// The server's GET /session answer. A server without a token needs no sign-in.
const session = { tokenRequired: false, signedIn: false };
const signedOut = () => session.tokenRequired && !session.signedIn;

function currentRoute() {
  const hash = location.hash.startsWith('#/') ? location.hash.slice(1) : '/';
  const [path, search = ''] = hash.split('?');
  const query = new URLSearchParams(search);
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { ...route, params: match.groups ?? {}, query };
  }
  return { page: null, nav: null, params: {}, query };
}

function drawHeader(active) {
  const skip = h('a', { class: 'skip-link', href: '#main' }, t('nav.skip'));
  // The router owns the hash, so the skip link moves focus itself.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  const toggle = h('button', {
    type: 'button',
    class: 'language-toggle',
    lang: otherLanguage(),
    title: t('language.switch_label'),
  }, t('language.switch'));
  toggle.addEventListener('click', () => {
    setLanguage(otherLanguage());
    route();
    header.querySelector('.language-toggle')?.focus();
  });
  header.replaceChildren(
    skip,
    h('div', { class: 'header-inner' },
      h('a', { href: '#/', class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '回'), h('span', {}, t('app.name'))),
      signedOut() ? null : h('nav', { 'aria-label': t('nav.label') },
        h('ul', { class: 'nav-list' }, NAV.map(([key, href]) =>
          h('li', {}, h('a', { href, class: key === 'add' ? 'nav-link nav-add' : 'nav-link', 'aria-current': key === active ? 'page' : null }, t(`nav.${key}`)))))),
      // Kept together, so that on a full line both move to the right of the next one.
      session.tokenRequired && session.signedIn
        ? h('div', { class: 'header-actions' }, toggle,
          h('button', { type: 'button', class: 'secondary small sign-out', on: { click: signOut } }, t('signin.sign_out')))
        : toggle));
}

async function signOut() {
  try {
    await api.signOut();
  } catch (error) {
    showToast(t('signin.sign_out_failed', { message: error.message }));
    return;
  }
  session.signedIn = false;
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  route();
}

// A 401 means the session ended (its cookie expired, or the server's token changed): sign in again.
function endedSession(error) {
  if (error?.code !== 'unauthorized') return false;
  session.tokenRequired = true;
  session.signedIn = false;
  route();
  return true;
}

// The sign-in page, with the keyboard in its one field.
function drawSignIn() {
  drawHeader(null);
  document.title = `${signIn.title()} · ${t('app.name')}`;
  main.replaceChildren(signIn.render(() => {
    session.signedIn = true;
    open({ moveFocus: true });
  }));
  main.dataset.route = 'sign-in';
  main.removeAttribute('aria-busy');
  main.querySelector('input').focus();
}

function notFound() {
  return h('div', { class: 'page' },
    h('h1', { tabindex: '-1' }, t('common.not_found')),
    h('p', {}, h('a', { href: '#/' }, t('common.back_home'))));
}

// Draws the page for the current hash. `moveFocus` puts focus on the new page's heading, as a
// link to a new page would; redraws after a change keep focus where it is.
async function route({ moveFocus = false } = {}) {
  const ticket = ++renderCount;
  if (signedOut()) return drawSignIn();
  const hash = location.hash || '#/';
  const { page, nav, params, query } = currentRoute();
  drawHeader(nav);
  if (!page) {
    document.title = `${t('common.not_found')} · ${t('app.name')}`;
    main.replaceChildren(notFound());
    main.dataset.route = hash;
    return;
  }
  document.title = `${page.title(params, query)} · ${t('app.name')}`;
  if (!main.firstChild || moveFocus) main.replaceChildren(loadingView());
  main.setAttribute('aria-busy', 'true');
  let content;
  try {
    content = await page.render(params, query);
  } catch (error) {
    if (ticket === renderCount && endedSession(error)) return;
    content = errorView(error, () => route());
  }
  if (ticket !== renderCount) return; // a newer navigation won
  main.replaceChildren(content);
  // Which address the page now shows: lets tests (and scripts) wait for a finished drawing.
  main.dataset.route = hash;
  main.removeAttribute('aria-busy');
  if (moveFocus) (main.querySelector('h1') ?? main).focus();
}

// Loads what every page needs and draws the current one; at start, and again after signing in.
async function open({ moveFocus = false } = {}) {
  // The catalog and the first page's data are sent now, together, not each after the last.
  const first = currentRoute();
  askEarly(() => {
    catalogRequests();
    first.page?.requests?.(first.params, first.query);
  });
  try {
    await loadCatalog();
  } catch (error) {
    initLanguage(navigator.language?.startsWith('ko') ? 'ko' : 'en');
    if (endedSession(error)) return;
    drawHeader(null);
    main.replaceChildren(errorView(error, () => location.reload()));
    return;
  }
  initLanguage(settings.language);
  if (!listening) {
    listening = true;
    window.addEventListener('hashchange', () => {
      // A dialog belongs to the page that opened it.
      for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
      route({ moveFocus: true });
    });
    window.addEventListener('hoego:changed', () => route());
  }
  await route({ moveFocus });
}

async function start() {
  const root = document.getElementById('app');
  root.replaceChildren(header, main, toastRegion());
  try {
    const answer = await api.session();
    session.tokenRequired = answer.token_required === true;
    session.signedIn = answer.signed_in === true;
  } catch {
    // A server that cannot say is asked again by the first request, whose failure tells why.
  }
  if (!signedOut()) return open();
  // Before signing in the server's language setting cannot be read: the browser's stands in.
  initLanguage(navigator.language?.startsWith('ko') ? 'ko' : 'en');
  route();
}

start();
