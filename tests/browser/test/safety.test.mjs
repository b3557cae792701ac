// What users type is shown as text, never run as markup, under the server's strict CSP.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();
const ATTACK = '<img src=x onerror=alert(1)>';

test('an entry titled like an HTML tag shows as those characters and runs nothing', async () => {
  const { server, browser } = fixture;
  await server.api('POST', '/people', { name: '<b>굵게</b>' });
  await server.api('POST', '/tracks', { name: '<script>alert(3)</script>', plugin: 'mentoring' });
  const entry = await server.api('POST', '/entries', {
    plugin: 'mentoring',
    kind: 'session',
    title: ATTACK,
    notes: '<script>alert(2)</script>',
    people: ['<b>굵게</b>'],
    track: '<script>alert(3)</script>',
    tags: ['<i>태그</i>'],
    fields: { duration_min: 30, topics: ['<svg onload=alert(4)>'] },
  });
  await withPage(browser, 'xss', {}, async ({ page, problems, dialogs }) => {
    for (const route of ['#/timeline', '#/', `#/entries/${entry.id}/edit`, '#/people', '#/tracks']) {
      await page.goto(`${server.url}/${route}`);
      await page.locator(`main[data-route="${route}"]:not([aria-busy]) h1`).waitFor();
      if (route.includes('edit')) {
        assert.equal(await page.getByLabel('제목', { exact: true }).inputValue(), ATTACK);
      } else if (route === '#/people') {
        await page.getByRole('heading', { name: '<b>굵게</b>' }).waitFor();
      } else if (route === '#/tracks') {
        await page.getByRole('heading', { name: '<script>alert(3)</script>' }).waitFor();
      } else {
        await page.getByText(ATTACK, { exact: true }).first().waitFor();
      }
      // The page's own drawings (the heatmap, the charts and their legends' marks) are SVG.
      assert.equal(await page.locator('main img, main b, main i, main script, main svg:not(.heatmap, .chart svg)').count(), 0, `markup was made on ${route}`);
    }
    // A fresh load of the timeline, too: nothing may run while the page first draws.
    await page.goto(`${server.url}/?again#/timeline`);
    await page.getByText(ATTACK, { exact: true }).first().waitFor();
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
  });
});

test('the page is served with a Content-Security-Policy that forbids inline script', async () => {
  const { server } = fixture;
  const response = await fetch(`${server.url}/`);
  const policy = response.headers.get('content-security-policy') ?? '';
  assert.match(policy, /script-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
});
