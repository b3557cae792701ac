// How long the dashboard takes to show its data in Debian's headless Chromium: from navigation
// start until the first plugin card's first figure is in the page, on the demo year
// (bench/demo_year.mjs). Run by `make bench`; by hand:
//   node bench/page_load.mjs [HOEGO_BINARY]
// LOADS loads (15 unless set) in each of two ways, each reported as its median:
// - cold: a fresh browser context each time (no cache, no open connection);
// - warm: the same context after a first load, as a user coming back to the page.
// The browser and the server share this machine's two cores; run it a few times when something
// else is busy.

import { launchBrowser, openPage } from '../tests/browser/helpers/browser.mjs';
import { startServer } from '../tests/browser/helpers/server.mjs';
import { seedDemoYear } from './demo_year.mjs';

const LOADS = Number(process.env.LOADS ?? 15);
const SIGNAL = '.plugin-card .stat-value';

if (process.argv[2]) process.env.HOEGO_BINARY = process.argv[2];

// Records, in the page, when the first figure appears (performance.now() counts from the
// navigation's start).
function watchForFigure(signal) {
  const seen = () => {
    if (window.__figureAt === undefined && document.querySelector(signal)) window.__figureAt = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

// Each load leaves the dashboard first for a small page of the same origin (about:blank would
// refuse the language set-up's localStorage), so that the next one is a whole new document.
async function load(page, url) {
  await page.goto(`${url}/api/v1/settings`);
  await page.goto(`${url}/#/`);
  await page.waitForFunction(() => window.__figureAt !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => {
    // Resource timing tells a file kept by the browser (nothing transferred) from a 304 (headers
    // only) and from a file sent again.
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const sent = entries.filter((entry) => entry.transferSize > 0);
    return {
      ms: window.__figureAt,
      requests: sent.length,
      notModified: sent.filter((entry) => entry.encodedBodySize === 0 && entry.decodedBodySize === 0 && !entry.name.includes('/api/')).length,
      kept: entries.length - sent.length,
    };
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function report(name, samples) {
  const times = samples.map((sample) => sample.ms);
  console.log(`${name.padEnd(5)} median ${median(times).toFixed(0)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}; ` +
    `${samples.at(-1).requests} requests (${samples.at(-1).notModified} answered 304), ${samples.at(-1).kept} files kept by the browser; ${samples.length} loads)`);
}

const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
try {
  const settings = await server.api('GET', '/settings');
  const entries = await seedDemoYear(server.api, Number(settings.today.slice(0, 4)), settings.today);
  console.log(`page load: ${entries} entries in ${settings.today.slice(0, 4)}; until "${SIGNAL}" appears`);

  const cold = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, context } = await openPage(browser);
    await page.addInitScript(watchForFigure, SIGNAL);
    cold.push(await load(page, server.url));
    await context.close();
  }
  report('cold', cold);

  const warm = [];
  const { page, context, problems } = await openPage(browser);
  await page.addInitScript(watchForFigure, SIGNAL);
  await load(page, server.url);
  for (let i = 0; i < LOADS; i++) warm.push(await load(page, server.url));
  await context.close();
  report('warm', warm);
  if (problems.length) console.log(`page problems: ${problems.join('; ')}`);
} finally {
  await Promise.all([browser.close(), server.stop()]);
}
