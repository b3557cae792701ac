// A goal's progress bar follows the entries that count towards it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { serverYear, useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

test('a writing goal’s progress bar moves when a post is added', async () => {
  const { server, browser } = fixture;
  const year = await serverYear(server);
  await server.api('POST', '/goals', { title: '올해 16편', plugin: 'writing', kind: 'post', year, target: 16 });
  await withPage(browser, 'goal-progress', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    const bar = page.getByRole('progressbar', { name: '올해 16편 진행률' });
    await bar.waitFor();
    assert.equal(await bar.getAttribute('aria-valuenow'), '0');
    assert.equal(await bar.getAttribute('aria-valuemax'), '16');

    await page.getByRole('link', { name: '기록하기', exact: true }).click();
    await page.getByLabel('무엇을 기록할까요?').selectOption('writing/post');
    await page.getByLabel('제목', { exact: true }).fill('첫 번째 글');
    await page.getByLabel('글 주소').fill('https://velog.io/@hoego/first');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: '첫 번째 글' }).waitFor();

    await page.getByRole('link', { name: '목표', exact: true }).click();
    await page.locator('[role="progressbar"][aria-valuenow="1"]').waitFor();
    assert.equal(await page.getByRole('progressbar', { name: '올해 16편 진행률' }).getAttribute('aria-valuenow'), '1');
    const width = await page.locator('.goal .progress-fill').first().evaluate((fill) => fill.style.width);
    assert.equal(width, `${((1 / 16) * 100).toFixed(1)}%`);

    // On the dashboard the goal is drawn once: under this week when it is listed there, else in
    // its plugin's card.
    await page.getByRole('link', { name: '대시보드', exact: true }).click();
    await page.getByRole('progressbar', { name: '올해 16편 진행률' }).and(page.locator('[aria-valuenow="1"]')).waitFor();
    assert.equal(await page.getByRole('progressbar', { name: '올해 16편 진행률' }).count(), 1);
    const { this_week: thisWeek } = await server.api('GET', '/dashboard');
    const where = thisWeek.some((item) => item.goal?.title === '올해 16편')
      ? page.getByRole('region', { name: '이번 주' })
      : page.locator('section.plugin-card[data-plugin="writing"]');
    await where.getByRole('progressbar', { name: '올해 16편 진행률' }).waitFor();
    assert.deepEqual(problems, []);
  });
});

test('a goal added through the goals page is listed with its progress', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'goal-add', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    await page.getByLabel('목표 이름').fill('매주 멘토링');
    await page.getByLabel('무엇을 셀까요?').selectOption('mentoring/session');
    await page.getByLabel('목표량').fill('40');
    await page.getByLabel('주기', { exact: true }).selectOption('week');
    await page.getByRole('button', { name: '목표 추가' }).click();
    await page.getByRole('heading', { name: '매주 멘토링' }).waitFor();
    await page.getByRole('progressbar', { name: '매주 멘토링 진행률' }).waitFor();
    assert.deepEqual(problems, []);
  });
  const { goals } = await server.api('GET', '/goals');
  const added = goals.find((goal) => goal.title === '매주 멘토링');
  assert.ok(added);
  assert.equal(added.target, 40);
  assert.equal(added.cadence, 'every calendar week');
});
