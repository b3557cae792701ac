// #/feeds?track=NAME — every member's blog feed that the server fetches on its schedule: when each
// was last fetched, how that went, the posts it brought, the last error and the next try, with a
// button that starts a round now and follows it until it ends.

import { api } from '../api.js';
import { h, options, uniqueId } from '../dom.js';
import { formatDateTime, formatNumber, formatRelative } from '../format.js';
import { language, t } from '../i18n.js';

// How often the page asks whether a round it started has ended.
const FOLLOW_MS = 1000;

export function title() {
  return t('feeds.title');
}

export function requests(params, query) {
  return Promise.all([api.feeds(query.get('track') || null), api.tracks()]);
}

// An instant as "3분 전" with the date and time beside it, in a <time> element.
function moment(iso, now) {
  if (!iso) return h('span', { class: 'muted' }, t('feeds.never'));
  return h('time', { datetime: iso }, formatRelative(iso, now), h('span', { class: 'muted small moment-exact' }, formatDateTime(iso)));
}

function resultBadge(feed) {
  const result = feed.result ?? 'none';
  return h('span', { class: `status-badge feed-${result}` }, t(`feeds.result.${result}`));
}

function feedRow(feed, now) {
  const error = feed.error ? feed.error[language()] || feed.error.en : null;
  return h('tr', { dataset: { url: feed.url, person: feed.person } },
    h('th', { scope: 'row' }, feed.person),
    h('td', { class: 'feed-track' }, h('a', { href: `#/board/${encodeURIComponent(feed.track)}` }, feed.track)),
    h('td', { class: 'feed-url' }, h('a', { href: feed.url, rel: 'noopener noreferrer', target: '_blank' }, feed.url)),
    h('td', {}, moment(feed.last_fetch_at, now)),
    h('td', {}, resultBadge(feed),
      feed.failures > 1 ? h('span', { class: 'small muted' }, ` ${t('feeds.failures', { count: feed.failures })}`) : null),
    h('td', { class: 'number' }, formatNumber(feed.new_posts ?? 0)),
    h('td', { class: 'feed-error' }, error ?? h('span', { class: 'muted' }, t('common.none'))),
    h('td', {}, feed.next_fetch_after ? moment(feed.next_fetch_after, now) : h('span', { class: 'muted' }, t('feeds.next_round'))));
}

function feedTable(feeds) {
  if (!feeds.length) return h('p', { class: 'empty' }, t('feeds.empty'));
  const now = Date.now();
  const captionId = uniqueId('feeds-caption');
  const columns = ['person', 'track', 'url', 'last_fetch', 'result', 'new_posts', 'error', 'next_try'];
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId },
    h('table', { class: 'feed-table' },
      h('caption', { id: captionId, class: 'visually-hidden' }, t('feeds.caption', { count: feeds.length })),
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: column === 'new_posts' ? 'number' : null }, t(`feeds.column.${column}`))))),
      h('tbody', {}, feeds.map((feed) => feedRow(feed, now)))));
}

function pollingText(polling) {
  if (!polling) return '';
  const now = Date.now();
  const parts = [polling.every_minutes > 0 ? t('feeds.every', { count: polling.every_minutes }) : t('feeds.schedule_off')];
  if (polling.last_round_at) parts.push(t('feeds.last_round', { when: formatRelative(polling.last_round_at, now) }));
  if (polling.next_round_at && !polling.running) parts.push(t('feeds.next_round_at', { when: formatRelative(polling.next_round_at, now) }));
  if (polling.running) parts.push(t('feeds.running'));
  return parts.join(' · ');
}

function trackFilter(tracks, chosen) {
  const id = uniqueId('feeds-track');
  const select = h('select', { id }, options([['', t('feeds.all_tracks')], ...tracks.map((track) => [track.name, track.name])], chosen ?? ''));
  select.addEventListener('change', () => {
    location.hash = select.value ? `#/feeds?track=${encodeURIComponent(select.value)}` : '#/feeds';
  });
  return h('div', { class: 'inline-field' }, h('label', { for: id }, t('feeds.track')), select);
}

export async function render(params, query) {
  const chosen = query.get('track') || null;
  const [answer, tracks] = await Promise.all([api.feeds(chosen), api.tracks()]);
  const tableSlot = h('div', { class: 'feeds-list' }, feedTable(answer.feeds));
  const schedule = h('p', { class: 'muted small feeds-schedule' }, pollingText(answer.polling));
  // Says when a round starts and ends, for those who cannot see the table change.
  const said = h('p', { class: 'feeds-said', role: 'status' });
  const button = h('button', { type: 'button', class: 'fetch-now' }, t('feeds.fetch_now'));

  let latestRoundAt = answer.polling?.last_round_at ?? null;
  const show = (latest) => {
    tableSlot.replaceChildren(feedTable(latest.feeds));
    schedule.textContent = pollingText(latest.polling);
    latestRoundAt = latest.polling?.last_round_at ?? null;
  };
  // Asks again until the round is over (one that ended after `previous`, the last round's end
  // when it was asked for); stops when the page is left. `refusal` is the server's 409: a round
  // was running, or none can run (a read-only database), which the first answer tells apart.
  const follow = async ({ previous, refusal = null }) => {
    button.disabled = true;
    let sawRunning = false;
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
        if (!button.isConnected) return;
        const latest = await api.feeds(chosen);
        if (!button.isConnected) return;
        show(latest);
        const { running, last_round_at: endedAt, last_round: round } = latest.polling ?? {};
        if (running) {
          sawRunning = true;
        } else if (sawRunning || (endedAt && endedAt !== previous)) {
          said.textContent = t('feeds.round_done', { posts: round?.new_posts ?? 0, failed: round?.failed ?? 0 });
          return;
        } else if (refusal) {
          said.textContent = refusal;
          return;
        }
      }
    } catch (error) {
      if (button.isConnected) said.textContent = t('errors.generic', { message: error.message });
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    const previous = latestRoundAt;
    try {
      await api.pollFeeds();
      said.textContent = t('feeds.round_started');
      follow({ previous });
    } catch (error) {
      if (error.status === 409) {
        said.textContent = t('feeds.round_already');
        follow({ previous, refusal: error.message });
        return;
      }
      said.textContent = t('errors.generic', { message: error.message });
      button.disabled = false;
    }
  });
  if (answer.polling?.running) follow({ previous: answer.polling.last_round_at });

  return h('div', { class: 'page feeds' },
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, title()), trackFilter(tracks, chosen)),
    h('p', {}, t('feeds.intro')),
    h('div', { class: 'feeds-actions' }, button, schedule),
    said,
    tableSlot);
}
