// The dashboard's code arrives in one wave: index.html names every module the page loads as a
// modulepreload, so that the browser need not find the imports one level at a time.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

test('index.html preloads every module the dashboard loads', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'modulepreload', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/`);
    await page.locator('main[data-route="#/"]:not([aria-busy]) h1').waitFor();
    const { preloaded, entry, loaded } = await page.evaluate(() => ({
      preloaded: [...document.querySelectorAll('link[rel="modulepreload"]')].map((link) => link.href),
      entry: document.querySelector('script[type="module"]').src,
      loaded: performance.getEntriesByType('resource').map((resource) => resource.name).filter((name) => name.endsWith('.js')),
    }));
    assert.ok(loaded.length > 10, `modules loaded: ${loaded.join(', ')}`);
    const missing = loaded.filter((module) => module !== entry && !preloaded.includes(module));
    assert.deepEqual(missing, [], 'modules the page imports that index.html does not preload');
    assert.deepEqual(problems, []);
  });
});
