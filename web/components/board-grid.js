// The members × cycles grid of a board (GET /tracks/{name}/board): a real table, one row per
// member and one column per cycle, in a region that scrolls sideways under a sticky header row
// and name column. A cohort is about 450 members × 13 cycles, so the rows are built into one
// fragment and nothing listens on a cell; the name filter only hides rows.

import { h, uniqueId } from '../dom.js';
import { formatDate, formatMonthDay } from '../format.js';
import { t } from '../i18n.js';

// Each status is a symbol and a word: colour only repeats what they say. The symbols are drawn
// by the style sheet (td.status-…::before, with empty alternative text for screen readers), the
// words are in the cell for screen readers: an element fewer in each of thousands of cells.
const STATUSES = ['posted', 'passed', 'missed', 'paused', 'not_yet_due'];

export function statusLegend() {
  return h('ul', { class: 'plain board-legend', 'aria-label': t('board.legend') },
    STATUSES.map((status) =>
      h('li', {}, h('span', { class: `board-symbol status-${status}`, 'aria-hidden': 'true' }), t(`board.status.${status}`))));
}

const hidden = (text) => h('span', { class: 'visually-hidden' }, text);

function postMark(post) {
  const label = t('board.post_label', { title: post.title || t('board.untitled'), date: formatDate(post.date) });
  return post.url
    ? h('a', { class: 'post-mark', href: post.url, target: '_blank', rel: 'noopener noreferrer', title: label }, hidden(label))
    : h('span', { class: 'post-mark', title: label }, hidden(label));
}

function cell(status, posts, current) {
  const className = `cell status-${status}${current ? ' current' : ''}`;
  // A posted cell's marks are its posts (links where they have an address).
  if (status === 'posted' && posts?.length) return h('td', { class: `${className} with-posts` }, posts.map(postMark));
  return h('td', { class: className }, hidden(t(`board.status.${status}`)));
}

function headRow(cycles) {
  return h('tr', {},
    h('th', { scope: 'col', class: 'member-head' }, t('board.member')),
    h('th', { scope: 'col', class: 'passes-head' }, t('board.passes_left')),
    cycles.map((cycle, index) => {
      const range = t('board.cycle_range', { from: formatDate(cycle.starts_on), until: formatDate(cycle.ends_on) });
      return h('th', { scope: 'col', class: cycle.current ? 'cycle-head current' : 'cycle-head', title: range, 'aria-current': cycle.current ? 'date' : null },
        h('span', { class: 'visually-hidden' }, t('board.cycle_prefix')),
        h('span', { class: 'cycle-number' }, String(index + 1)),
        h('span', { class: 'cycle-due' }, formatMonthDay(cycle.ends_on)),
        cycle.current ? h('span', { class: 'current-mark' }, t('board.current')) : null);
    }),
    h('th', { scope: 'col', class: 'calendar-head' }, t('board.calendar')));
}

// A member's own deadlines as a calendar file, for the organiser to send them. In a column of
// its own at the end, so that a screen reader does not hear it with every cell of the row.
function calendarCell(member, memberCalendar) {
  const label = t('board.member_calendar', { name: member.name });
  return h('td', { class: 'calendar' },
    h('a', { href: memberCalendar(member.name), title: label }, h('span', { 'aria-hidden': 'true' }, '.ics'), hidden(label)));
}

function memberRow(member, cycles, memberCalendar) {
  return h('tr', { dataset: { member: member.name } },
    h('th', { scope: 'row', class: 'member-name' }, member.name),
    h('td', { class: member.passes_left === 0 ? 'passes none-left' : 'passes' }, String(member.passes_left ?? '')),
    member.cells.map((each, index) => cell(each.status, each.posts, cycles[index]?.current)),
    calendarCell(member, memberCalendar));
}

// boardGrid(board, memberCalendar(name) → address) → {element, filter(text) → number of rows shown}.
export function boardGrid(board, memberCalendar) {
  const captionId = uniqueId('board-caption');
  const body = h('tbody');
  const rows = document.createDocumentFragment();
  const searchable = [];
  for (const member of board.members) {
    const row = memberRow(member, board.cycles, memberCalendar);
    rows.append(row);
    searchable.push([member.name.normalize('NFC').toLocaleLowerCase(), row]);
  }
  body.append(rows);
  const table = h('table', { class: 'board-table' },
    h('caption', { id: captionId, class: 'visually-hidden' }, t('board.caption', { track: board.track.name, goal: board.goal.title })),
    h('colgroup', {},
      h('col', { class: 'member-column' }),
      h('col', { class: 'passes-column' }),
      board.cycles.map(() => h('col', { class: 'cycle-column' })),
      h('col', { class: 'calendar-column' })),
    h('thead', {}, headRow(board.cycles)),
    body);
  // Fixed column widths spare the browser from measuring every one of thousands of cells; the
  // sum is set here (through the CSSOM, which the page's style policy allows) as it depends on
  // the number of cycles.
  table.style.width = `calc(var(--member-column) + var(--passes-column) + ${board.cycles.length} * var(--cycle-column) + var(--calendar-column))`;
  // The region takes focus so that a keyboard can scroll it; its name says what it holds.
  const element = h('div', { class: 'board-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId }, table);

  const filter = (text) => {
    const wanted = text.trim().normalize('NFC').toLocaleLowerCase();
    let shown = 0;
    for (const [name, row] of searchable) {
      const match = !wanted || name.includes(wanted);
      row.hidden = !match;
      if (match) shown += 1;
    }
    return shown;
  };
  return { element, filter };
}
