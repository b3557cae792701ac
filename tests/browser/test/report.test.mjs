// The year in review (#/report): a seeded 2022 shows its numbers, each goal's outcome, the months
// with entries, the milestones and the people; English headings after the switch; a friendly
// message for an empty year; no serious axe violations, neither on the page nor on the
// standalone HTML report `hoego report --format html` writes.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { withPage } from '../helpers/browser.mjs';
import { serverYear, useServerAndBrowser } from '../helpers/fixtures.mjs';
import { binary } from '../helpers/server.mjs';

const run = promisify(execFile);

// 2022: three mentoring sessions with 김민지 and 이서준, one post; one goal met, one missed.
async function seed({ api }) {
  for (const name of ['김민지', '이서준']) await api('POST', '/people', { name });
  await api('POST', '/goals', { title: '멘토링 3회', plugin: 'mentoring', kind: 'session', year: 2022, target: 3 });
  await api('POST', '/goals', { title: '글 16편', plugin: 'writing', kind: 'post', year: 2022, target: 16 });
  await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', when: '2022-03-05T20:00+09:00', title: '첫 상담', people: ['김민지'], fields: { duration_min: 60 } });
  await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', when: '2022-03-19T20:00+09:00', title: '이력서 리뷰', people: ['김민지'], fields: { duration_min: 90 } });
  await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', when: '2022-10-08T14:00+09:00', title: '진로 이야기', people: ['이서준'], fields: { duration_min: 30 } });
  await api('POST', '/entries', { plugin: 'writing', kind: 'post', when: '2022-11-20T09:30+09:00', title: '올해의 회고', fields: { url: 'https://velog.io/@hoego/2022', platform: 'velog' } });
}

const fixture = useServerAndBrowser({ seed });

async function openReport(page, server, route) {
  await page.goto(`${server.url}/${route}`);
  await page.locator(`main[data-route="${route}"]:not([aria-busy]) h1`).waitFor();
}

const goal = (page, title) => page.locator('.report-goal', { has: page.getByRole('heading', { name: title, exact: true }) });

test('the 2022 report shows the numbers, the goal outcomes, the months, milestones and people', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'report-2022', { language: 'ko' }, async ({ page, problems }) => {
    await openReport(page, server, '#/report?year=2022');
    await page.getByRole('heading', { level: 1, name: '2022년 회고' }).waitFor();
    assert.match(await page.locator('.report-summary').innerText(), /기록 4개/);

    // The numbers, grouped by plugin under the manifests' names.
    const mentoring = page.locator('.report-numbers section[data-plugin="mentoring"]');
    assert.equal(await mentoring.getByRole('heading', { level: 3 }).innerText(), '멘토링');
    assert.equal(await mentoring.locator('[data-metric="mentoring/sessions"] .stat-value').innerText(), '3');
    assert.equal(await mentoring.locator('[data-metric="mentoring/mentees"] .stat-value').innerText(), '2');
    await page.locator('.report-numbers section[data-plugin="writing"]').waitFor();
    // Plugins with nothing to count that year are left out.
    assert.equal(await page.locator('.report-numbers section[data-plugin="hackathon"]').count(), 0);

    // Goals: one met, one missed.
    assert.equal(await goal(page, '멘토링 3회').getAttribute('data-status'), 'achieved');
    assert.equal(await goal(page, '멘토링 3회').locator('.status-badge').innerText(), '달성');
    assert.equal(await goal(page, '글 16편').getAttribute('data-status'), 'missed');
    assert.equal(await goal(page, '글 16편').locator('.status-badge').innerText(), '미달성');
    assert.match(await goal(page, '글 16편').innerText(), /1 \/ 16/);

    // Only the months with entries, in order, with their highlights.
    assert.deepEqual(await page.locator('.report-month').evaluateAll((items) => items.map((item) => item.dataset.month)), ['3', '10', '11']);
    const march = page.locator('.report-month[data-month="3"]');
    assert.match(await march.getByRole('heading').innerText(), /3월 — 기록 2개/);
    await march.getByRole('link', { name: '첫 상담' }).waitFor();
    await page.locator('.report-month[data-month="11"]').getByRole('link', { name: '올해의 회고' }).waitFor();

    assert.match(await page.locator('.report-milestones').innerText(), /김민지/);
    const people = await page.locator('.report-people-list li').allInnerTexts();
    assert.deepEqual(people, ['김민지 (기록 2개)', '이서준 (기록 1개)']);
    // The mentoring plugin's own section, written through the SDK in the page's language.
    const mentoringSection = page.locator('.report-plugin-section[data-plugin="mentoring"]');
    await mentoringSection.getByRole('heading', { name: '멘토링을 돌아보며' }).waitFor();
    assert.match(await mentoringSection.innerText(), /멘티 2명과 세션 3번, 모두 3시간을 함께했습니다\./);

    // Printing goes through the browser's own dialog.
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    await page.getByRole('button', { name: '인쇄' }).click();
    assert.equal(await page.evaluate(() => window.printed), 1);

    // The print stylesheet hides the navigation and the buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: '인쇄' }).isVisible(), false);
    assert.equal(await page.locator('.year-nav').isVisible(), false);
    await page.getByRole('heading', { level: 1, name: '2022년 회고' }).waitFor();
    await page.emulateMedia({ media: 'screen' });

    assert.deepEqual(problems, []);
  });
});

test('the report speaks English after the switch, and moves between years', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'report-english', { language: 'ko' }, async ({ page, problems }) => {
    await openReport(page, server, '#/report?year=2022');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '2022 in review' }).waitFor();
    for (const heading of ['The year in numbers', 'Goals', 'Month by month', 'Milestones', 'Thank you'])
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    assert.equal(await page.locator('.report-numbers section[data-plugin="mentoring"] h3').innerText(), 'Mentoring');
    assert.equal(await goal(page, '멘토링 3회').locator('.status-badge').innerText(), 'Achieved');
    assert.equal(await goal(page, '글 16편').locator('.status-badge').innerText(), 'Missed');
    assert.equal(await page.getByRole('link', { name: 'Year in review' }).getAttribute('aria-current'), 'page');

    await page.getByRole('link', { name: 'Previous year (2021)' }).click();
    await page.locator('main[data-route="#/report?year=2021"]:not([aria-busy]) h1').waitFor();
    await page.getByRole('link', { name: 'Next year (2022)' }).click();
    await page.getByRole('heading', { level: 1, name: '2022 in review' }).waitFor();
    assert.deepEqual(problems, []);
  });
});

test('a year with no entries shows a friendly message, and #/report opens this year', async () => {
  const { server, browser } = fixture;
  const year = await serverYear(server);
  await withPage(browser, 'report-empty', { language: 'ko' }, async ({ page, problems }) => {
    await openReport(page, server, '#/report?year=2019');
    assert.match(await page.locator('.report-empty').innerText(), /2019년에는 아직 남긴 기록이 없습니다/);
    assert.equal(await page.locator('.load-error, [role="alert"]').count(), 0);
    assert.equal(await page.locator('.report-section').count(), 0);

    await page.getByRole('link', { name: '한 해 돌아보기' }).click();
    await page.locator('main[data-route="#/report"]:not([aria-busy]) h1').waitFor();
    assert.equal(await page.locator('main h1').innerText(), `${year}년 회고`);
    assert.deepEqual(problems, []);
  });
});

for (const language of ['ko', 'en']) {
  test(`the 2022 report (${language}) has no serious or critical axe violations`, async () => {
    const { server, browser } = fixture;
    await withPage(browser, `report-axe-${language}`, { language }, async ({ page, problems }) => {
      await openReport(page, server, '#/report?year=2022');
      assert.deepEqual(await seriousViolations(page), []);
      await openReport(page, server, '#/report?year=2019');
      assert.deepEqual(await seriousViolations(page), []);
      assert.deepEqual(problems, []);
    });
  });
}

test('the standalone HTML report has no script and no serious or critical axe violations', async () => {
  const { server, browser } = fixture;
  const { stdout: html } = await run(binary(), ['--data', server.dataDirectory, 'report', '--year', '2022', '--format', 'html', '--lang', 'ko'], {
    env: { ...process.env, HOEGO_TZ: 'Asia/Seoul' },
    encoding: 'utf8',
  });
  assert.match(html, /<h1>2022년 회고<\/h1>/);
  assert.doesNotMatch(html, /<script/i);
  await withPage(browser, 'report-html', { language: 'ko' }, async ({ page, problems }) => {
    await page.setContent(html);
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await page.getByRole('heading', { level: 1, name: '2022년 회고' }).waitFor();
    assert.match(await page.locator('body').innerText(), /멘토링 3회/);
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(problems, []);
  });
});
