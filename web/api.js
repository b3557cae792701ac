// The JSON API under /api/v1 (docs/api.md), and nothing else. Every failure becomes an ApiError
// carrying the server's stable code and the fields it names, its messages in the page's language
// (asked for with Accept-Language).
import { language } from './i18n.js';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, code, message, fields = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

async function send(method, path, body) {
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': language() } };
  if (method !== 'GET') {
    // The server takes writes only as JSON from its own origin; an empty write still sends {}.
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  let response;
  try {
    response = await fetch(BASE + path, init);
  } catch (error) {
    throw new ApiError(0, 'network', error.message);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'http_' + response.status,
      error.message ?? response.statusText,
      Array.isArray(error.fields) ? error.fields : [],
    );
  }
  return data;
}

// GET answers sent for early (askEarly), by path; each is taken by the first request for it.
const early = new Map();
let askingEarly = false;
// An early answer is used only this soon after it was sent: later, the data may have changed.
const EARLY_LIMIT_MS = 5000;

// Sends the GET requests that `asks` makes (calls of `api`) at once, before the page is ready to
// make them itself, so that they travel together: at start, the catalog and the first page's
// data go in one round trip instead of one after the other. The first request for the same
// path within a few seconds takes the answer; one that failed is sent again, in the page's
// language, which an early request may not know yet.
export function askEarly(asks) {
  askingEarly = true;
  try {
    asks();
  } finally {
    askingEarly = false;
  }
}

function request(method, path, body) {
  if (method !== 'GET') return send(method, path, body);
  if (askingEarly) {
    const answer = send(method, path, body);
    early.set(path, { answer, sentAt: performance.now() });
    // The caller only sends; it must not see a failure that the later request will report.
    return answer.then(() => ({}), () => ({}));
  }
  const kept = early.get(path);
  early.delete(path);
  if (!kept || performance.now() - kept.sentAt > EARLY_LIMIT_MS) return send(method, path, body);
  return kept.answer.catch(() => send(method, path, body));
}

// "?a=1&b=2" from an object, leaving out empty values.
function query(parameters = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

const segment = (name) => encodeURIComponent(name);

// Addresses the page links to rather than fetches (a download, a calendar to subscribe to).
export const links = {
  boardCsv: (track, parameters) => `${BASE}/tracks/${segment(track)}/board.csv${query(parameters)}`,
  boardIcs: (track, parameters) => `${BASE}/tracks/${segment(track)}/board.ics${query(parameters)}`,
  deadlinesIcs: () => `${BASE}/calendar/deadlines.ics`,
};

export const api = {
  // {token_required, signed_in}: whether this page must sign in first (answered without a token).
  session: () => request('GET', '/session'),
  signIn: (token) => request('POST', '/session', { token }),
  signOut: () => request('DELETE', '/session'),

  settings: () => request('GET', '/settings'),
  plugins: (withEntries = false) => request('GET', withEntries ? '/plugins?entries=1' : '/plugins'),
  disablePlugin: (id) => request('POST', `/plugins/${segment(id)}/disable`),
  enablePlugin: (id) => request('POST', `/plugins/${segment(id)}/enable`),

  entries: (filters) => request('GET', '/entries' + query(filters)).then((data) => data.entries),
  entry: (id) => request('GET', `/entries/${segment(id)}`),
  history: (id) => request('GET', `/entries/${segment(id)}/history`).then((data) => data.revisions),
  addEntry: (entry) => request('POST', '/entries', entry),
  editEntry: (id, changes) => request('PATCH', `/entries/${segment(id)}`, changes),
  deleteEntry: (id) => request('DELETE', `/entries/${segment(id)}`),
  tickChecklist: (id, field, index, done) => request('POST', `/entries/${segment(id)}/checklist`, { field, index, done }),
  followUps: (all) => request('GET', '/follow-ups' + query({ all: all ? 1 : null })).then((data) => data.follow_ups),
  // Reverts the newest change of any kind: {action, subject, subject_id, summary, entry}.
  undo: () => request('POST', '/undo'),

  people: (archived) => request('GET', '/people' + query({ archived: archived ? 1 : null })).then((data) => data.people),
  addPerson: (person) => request('POST', '/people', person),
  editPerson: (name, changes) => request('PATCH', `/people/${segment(name)}`, changes),
  mergePerson: (name, into) => request('POST', `/people/${segment(name)}/merge`, { into }),
  deletePerson: (name) => request('DELETE', `/people/${segment(name)}`),

  tracks: () => request('GET', '/tracks').then((data) => data.tracks),
  addTrack: (track) => request('POST', '/tracks', track),
  editTrack: (name, changes) => request('PATCH', `/tracks/${segment(name)}`, changes),
  closeTrack: (name, on) => request('POST', `/tracks/${segment(name)}/close`, on ? { on } : {}),
  reopenTrack: (name) => request('POST', `/tracks/${segment(name)}/reopen`),
  deleteTrack: (name) => request('DELETE', `/tracks/${segment(name)}`),
  // Adds a member (creating the person when missing) or changes their feed: {track, person_created}.
  addMember: (track, name, feed) => request('POST', `/tracks/${segment(track)}/members`, { name, feed: feed || null }),
  removeMember: (track, name) => request('DELETE', `/tracks/${segment(track)}/members/${segment(name)}`),
  // A CSV file's text (name,feed rows): {track, added, updated, unchanged, people_created}.
  importMembers: (track, csv) => request('POST', `/tracks/${segment(track)}/members/import`, { csv }),
  // The members × cycles board of a track's cadence goal (`goal`, `as_of`, `lang` optional).
  board: (track, parameters) => request('GET', `/tracks/${segment(track)}/board` + query(parameters)),

  // {feeds, polling}: each member's feed and how its last fetch went.
  feeds: (track) => request('GET', '/feeds' + query({ track })),
  pollFeeds: () => request('POST', '/feeds/poll'),

  goals: (filters) => request('GET', '/goals' + query(filters)).then((data) => data.goals),
  addGoal: (goal) => request('POST', '/goals', goal),
  editGoal: (id, changes) => request('PATCH', `/goals/${segment(id)}`, changes),
  deleteGoal: (id) => request('DELETE', `/goals/${segment(id)}`),
  addPause: (id, pause) => request('POST', `/goals/${segment(id)}/pauses`, pause),
  removePause: (id, from) => request('DELETE', `/goals/${segment(id)}/pauses/${segment(from)}`),
  moveDeadline: (id, from, to) => request('POST', `/goals/${segment(id)}/deadlines/move`, { from, to }),

  dashboard: (year) => request('GET', '/dashboard' + query({ year })),
  heatmap: (year, plugin) => request('GET', '/heatmap' + query({ year, plugin })),
  report: (year, lang) => request('GET', '/report' + query({ year, lang })),
};
