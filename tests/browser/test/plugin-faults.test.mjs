// A plugin that throws from its milestones and its report section (tests/plugins/throwing.cpp,
// loaded through HOEGO_PLUGIN_PATH beside the bundled ones): the dashboard and the year in review
// show every other plugin's figures, and name the missing parts, with why, in words.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { withPage } from '../helpers/browser.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';
import { binary } from '../helpers/server.mjs';

// Built beside the binary (build/test-plugins). Each test file runs in a process of its own:
// only this file's server loads the plugin.
process.env.HOEGO_PLUGIN_PATH = path.resolve(path.dirname(binary()), '..', 'test-plugins', 'throwing.so');

async function seed({ api }) {
  await api('POST', '/people', { name: '김민지' });
  for (const [when, minutes] of [['2022-03-05T20:00+09:00', 60], ['2022-03-19T20:00+09:00', 90]])
    await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', when, people: ['김민지'], fields: { duration_min: minutes } });
}

const fixture = useServerAndBrowser({ seed });

test('the dashboard keeps the other cards and says which part failed and why', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'plugin-faults-dashboard', { language: 'ko' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/?year=2022`);
    const mentoring = page.locator('.plugin-card[data-plugin="mentoring"]');
    await mentoring.waitFor();
    assert.equal(await mentoring.locator('.widget-stats .stat-value').first().innerText(), '2');
    assert.match(await mentoring.locator('.widget-milestones').innerText(), /멘티와의 첫 세션/);
    const throwing = page.locator('.plugin-card[data-plugin="throwing"]');
    assert.equal(await throwing.locator('.widget-milestones').count(), 0);
    assert.equal(await throwing.locator('.failed-part').innerText(),
      '⚠ 예외: 이정표를 계산하지 못했습니다. 이유: 플러그인 \'throwing\'의 derive_milestones 호출이 실패했습니다: unknown exception');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
  });
});

test('the report shows the others and lists what was left out', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'plugin-faults-report', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/report?year=2022`);
    await page.getByRole('heading', { level: 1, name: '2022 in review' }).waitFor();
    assert.equal(await page.locator('[data-metric="mentoring/sessions"] .stat-value').innerText(), '2');
    assert.match(await page.locator('.report-milestones').innerText(), /First session with a mentee/);
    assert.match(await page.locator('.report-milestones .failed-part').innerText(), /Throwing: its milestones could not be computed\. Why: plugin 'throwing' derive_milestones failed: unknown exception/);
    await page.locator('.report-plugin-section[data-plugin="mentoring"]').waitFor();
    const leftOut = page.locator('.report-left-out');
    await leftOut.getByRole('heading', { level: 2, name: 'Left out' }).waitFor();
    assert.match(await leftOut.innerText(), /Throwing: its section of the review could not be written\. Why: .*no section this year/);
    assert.deepEqual(problems, []);
  });
});
