// #/board/<track>?goal=ID — an organiser's view of a track's cadence goal: who posted in which
// cycle (members × cycles), passes left, who has not posted for the next deadline and how long is
// left, a summary to paste into the group's chat, and the same board as CSV and as a calendar.
// #/board without a track lists the tracks to choose from.

import { api, ApiError, links } from '../api.js';
import { boardGrid, statusLegend } from '../components/board-grid.js';
import { copyText } from '../components/copy-text.js';
import { h, options, uniqueId } from '../dom.js';
import { formatDate } from '../format.js';
import { language, t } from '../i18n.js';

const trackOf = (params) => (params.track ? decodeURIComponent(params.track) : null);
const boardAddress = (track, goal) => `#/board/${encodeURIComponent(track)}${goal ? `?goal=${encodeURIComponent(goal)}` : ''}`;

export function title(params) {
  const track = trackOf(params);
  return track ? t('board.title', { track }) : t('board.choose_title');
}

export function requests(params, query) {
  const track = trackOf(params);
  if (!track) return api.tracks();
  return Promise.all([api.board(track, { goal: query.get('goal'), lang: language() }), api.goals({ track })]);
}

function heading(text) {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, text));
}

async function chooser() {
  const tracks = await api.tracks();
  return h('div', { class: 'page board-choice' },
    heading(t('board.choose_title')),
    h('p', {}, t('board.choose_intro')),
    tracks.length
      ? h('ul', { class: 'lines' }, tracks.map((track) =>
        h('li', {}, h('a', { href: boardAddress(track.name) }, track.name),
          h('span', { class: 'muted small' }, ` · ${t('board.member_count', { count: track.members?.length ?? 0 })}`))))
      : h('p', { class: 'empty' }, h('a', { href: '#/tracks' }, t('board.no_tracks'))),
    h('p', {}, h('a', { href: '#/feeds' }, t('board.all_feeds'))));
}

// A track the board cannot be drawn for (no cadence goal, no such track): the server's reason
// and where to fix it, instead of a generic failure.
function unavailable(track, error) {
  return h('div', { class: 'page board' },
    heading(t('board.title', { track })),
    h('div', { class: 'notice', role: 'alert' },
      h('p', {}, error.message),
      error.status === 404 ? null : h('p', {}, t('board.needs_goal'))),
    h('p', {}, h('a', { href: '#/goals' }, t('board.to_goals')), ' · ', h('a', { href: '#/tracks' }, t('board.to_tracks'))));
}

function goalPicker(track, board, goals) {
  const cadenced = goals.filter((goal) => goal.cadence_unit && goal.cadence_unit !== 'none' && !goal.person);
  const seen = new Map(cadenced.map((goal) => [goal.id, goal.title]));
  if (seen.size < 2) return null;
  const id = uniqueId('board-goal');
  const select = h('select', { id }, options([...seen.entries()], board.goal.id));
  select.addEventListener('change', () => {
    location.hash = boardAddress(track, select.value);
  });
  return h('div', { class: 'inline-field' }, h('label', { for: id }, t('board.goal')), select);
}

function goalFacts(board) {
  const { goal, track } = board;
  const facts = [
    t('board.per_cycle', { count: goal.per_cycle ?? 1 }),
    t('board.passes', { count: goal.passes ?? 0 }),
    track.starts_on || track.ends_on ? `${formatDate(track.starts_on)} – ${formatDate(track.ends_on)}` : null,
    t('board.as_of', { date: formatDate(board.as_of) }),
  ].filter(Boolean);
  return h('p', { class: 'muted' }, h('strong', {}, goal.title), ' · ', facts.join(' · '));
}

function nextDeadline(next) {
  const headingId = uniqueId('board-next');
  const section = (...content) => h('section', { class: 'card board-next', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t('board.next')), content);
  if (!next) return section(h('p', {}, t('board.next_none')));
  const when = next.days_left === 0
    ? t('board.due_today', { date: formatDate(next.due) })
    : t('board.due_in', { date: formatDate(next.due), count: next.days_left });
  if (!next.missing.length) return section(h('p', {}, when), h('p', {}, t('board.everyone_posted')));
  return section(
    h('p', {}, when),
    h('p', {}, t('board.missing', { count: next.missing.length })),
    h('ul', { class: 'plain name-list' }, next.missing.map((name) => h('li', {}, name))));
}

function gridSection(board, memberCalendar) {
  const headingId = uniqueId('board-grid');
  const grid = boardGrid(board, memberCalendar);
  const filterId = uniqueId('board-filter');
  const total = board.members.length;
  const shown = h('p', { class: 'small muted', role: 'status' }, t('board.showing_all', { count: total }));
  const input = h('input', { type: 'search', id: filterId, autocomplete: 'off', class: 'board-filter' });
  input.addEventListener('input', () => {
    const count = grid.filter(input.value);
    shown.textContent = input.value.trim() ? t('board.showing', { count, total }) : t('board.showing_all', { count: total });
  });
  return h('section', { class: 'board-grid', 'aria-labelledby': headingId },
    h('div', { class: 'section-head' },
      h('h2', { id: headingId }, t('board.grid')),
      h('div', { class: 'board-filter-row' }, h('label', { for: filterId }, t('board.filter')), input)),
    shown,
    statusLegend(),
    h('p', { class: 'small muted' }, t('board.member_calendar_hint')),
    total ? grid.element : h('p', { class: 'empty' }, t('board.no_members')));
}

export async function render(params, query) {
  const track = trackOf(params);
  if (!track) return chooser();
  const goalId = query.get('goal');
  let board;
  let goals;
  try {
    [board, goals] = await Promise.all([api.board(track, { goal: goalId, lang: language() }), api.goals({ track })]);
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401) return unavailable(track, error);
    throw error;
  }
  const linkParameters = { goal: goalId, lang: language() };
  return h('div', { class: 'page board' },
    heading(t('board.title', { track })),
    goalFacts(board),
    h('div', { class: 'board-tools' },
      goalPicker(track, board, goals),
      h('a', { class: 'button-link secondary small', href: links.boardCsv(track, linkParameters), download: '' }, t('board.csv')),
      h('a', { class: 'button-link secondary small', href: links.boardIcs(track, linkParameters) }, t('board.ics')),
      h('a', { class: 'small', href: `#/feeds?track=${encodeURIComponent(track)}` }, t('board.feeds'))),
    h('div', { class: 'board-overview' },
      nextDeadline(board.next),
      h('div', { class: 'card board-summary' },
        copyText({ label: t('board.summary'), text: board.summary ?? '' }))),
    gridSection(board, (member) => links.boardIcs(track, { ...linkParameters, member })));
}
