// Korean and English: the switch changes every label, manifests' labels included, and the
// choice is remembered.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

test('switching the language changes the labels and is remembered', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'language', { language: 'ko' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add?type=mentoring/session`);
    await page.getByLabel('진행 시간').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await page.getByRole('link', { name: '타임라인', exact: true }).waitFor();

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByLabel('Duration').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: 'Timeline', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'New entry' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '타임라인', exact: true }).count(), 0);
    // The language button keeps the keyboard focus after redrawing the page.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'language-toggle');

    await page.goto(`${server.url}/#/`);
    await page.reload();
    await page.getByRole('heading', { name: 'Mentoring', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Writing', exact: true }).waitFor();

    await page.getByRole('button', { name: '한국어', exact: true }).click();
    await page.getByRole('heading', { name: '멘토링', exact: true }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    assert.deepEqual(problems, []);
  });
});
