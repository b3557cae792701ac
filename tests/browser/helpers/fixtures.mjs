// Shared setup for a test file: one server on a fresh data directory and one browser, both
// stopped after the file's tests.

import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

// Returns an object whose `server` and `browser` are filled in before the first test runs;
// `seed(server)`, if given, runs once the server is up. (Node runs a file's top-level `before`
// hooks concurrently, so seeding belongs here rather than in a hook of its own.) `token` starts
// the server with an access token; `prepare(dataDirectory)` runs before it starts.
export function useServerAndBrowser({ seed, token, prepare } = {}) {
  const fixture = { server: null, browser: null };
  before(async () => {
    const [server, browser] = await Promise.allSettled([startServer({ token, prepare }), launchBrowser()]);
    // Keep whichever started, so that `after` stops it even when the other failed: a browser
    // left open would keep this test process alive.
    fixture.server = server.value ?? null;
    fixture.browser = browser.value ?? null;
    for (const outcome of [server, browser]) if (outcome.status === 'rejected') throw outcome.reason;
    if (seed) await seed(fixture.server);
  });
  after(async () => {
    await Promise.all([fixture.browser?.close(), fixture.server?.stop()]);
  });
  return fixture;
}

// The current year in the server's time zone (Asia/Seoul), from GET /settings.
export async function serverYear(server) {
  const settings = await server.api('GET', '/settings');
  return Number(settings.today.slice(0, 4));
}
