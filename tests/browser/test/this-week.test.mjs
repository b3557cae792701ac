// The dashboard says what to do this week: the most urgent goal first with what it needs, dated
// items due soon, and the open follow-ups, which can be ticked right there.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { addDays, inLanguage, serverToday, undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const STATUS_WORDS = { not_started: '시작 전', on_track: '순항 중', at_risk: '위험', achieved: '달성', ended: '종료', missed: '미달성', paused: '쉬는 중', finished: '끝냄' };

let today;
let sessionId;

async function seed(server) {
  const { api } = server;
  today = await serverToday(server);
  await api('POST', '/people', { name: '김민지' });
  // The less urgent goal is added first, so that the order cannot come from the ids.
  await api('POST', '/goals', { title: '새 격주 글쓰기', plugin: 'writing', kind: 'post', from: today, every: '14d', passes: 0 });
  // Its 14-day cycle ends today with nothing posted: the most urgent.
  await api('POST', '/goals', { title: '격주 글쓰기', plugin: 'writing', kind: 'post', from: addDays(today, -13), every: '14d', passes: 0 });
  await api('POST', '/entries', {
    plugin: 'hackathon', kind: 'phase', when: `${addDays(today, -2)}T10:00+09:00`, title: '프롬프톤 제출',
    fields: { phase: 'submission', deadline: addDays(today, 5) },
  });
  const session = await api('POST', '/entries', {
    plugin: 'mentoring', kind: 'session', when: `${addDays(today, -12)}T20:00+09:00`, title: '취업 상담', people: ['김민지'],
    fields: { duration_min: 60, followups: [{ text: '모의 면접 잡기', done: true }, { text: '이력서 리뷰', done: false }] },
  });
  sessionId = session.id;
}

const fixture = useServerAndBrowser({ seed });

test('the first card of this week is the most urgent goal, with what it needs', async () => {
  const { server, browser } = fixture;
  const dashboard = await server.api('GET', '/dashboard');
  const [first] = dashboard.this_week;
  assert.equal(first.type, 'goal');
  assert.equal(first.goal.title, '격주 글쓰기', 'the API puts the goal due today first');
  const needs = inLanguage(first.goal.state.needs?.text, 'ko');
  assert.ok(needs, 'the most urgent goal says what it needs');

  await withPage(browser, 'this-week', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/`);
    const section = page.getByRole('region', { name: '이번 주' });
    const cards = section.locator('.this-week-list > li');
    await cards.first().waitFor();
    // This week comes before everything else on the page.
    const firstSection = await page.locator('main .page > section').first().getAttribute('class');
    assert.match(firstSection, /this-week/);

    const card = cards.first();
    assert.equal(await card.getByRole('heading', { level: 3 }).textContent(), '격주 글쓰기');
    assert.equal(await card.locator('.needs').textContent(), needs);
    assert.equal(await card.locator('.status-badge').textContent(), STATUS_WORDS[first.goal.state.status]);

    // Each goal once, in the API's order; the hackathon deadline is listed among them.
    const titles = await section.locator('.this-week-list > li h3').allTextContents();
    const expected = dashboard.this_week.map((item) => (item.type === 'goal' ? item.goal.title : item.entry.title));
    assert.deepEqual(titles, expected);
    assert.equal(titles.filter((title) => title === '격주 글쓰기').length, 1);
    const deadline = section.locator('.this-week-item[data-type="deadline"]', { hasText: '프롬프톤 제출' });
    await deadline.waitFor();
    assert.equal(await deadline.locator('.status-badge').textContent(), 'D-5');
    assert.match(await deadline.locator('.needs').textContent(), /마감일/);
    assert.deepEqual(problems, []);
  });
});

test('a follow-up ticked on the dashboard shows as done in the entry’s history, and undo reopens it', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'follow-up-tick', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/`);
    const section = page.getByRole('region', { name: '남은 후속 조치' });
    const open = section.getByRole('checkbox', { name: '이력서 리뷰' });
    await open.waitFor();
    // Only open ones here; the done one is not listed.
    assert.equal(await section.getByText('모의 면접 잡기').count(), 0);
    const item = section.locator('.follow-up', { hasText: '이력서 리뷰' });
    assert.match(await item.textContent(), /김민지 님/);
    const { follow_ups: listed } = await server.api('GET', '/follow-ups');
    assert.match(await item.textContent(), new RegExp(`${listed[0].age_days}일째`));

    // A click, not check(): the list is drawn again at once, without this follow-up.
    await open.click();
    await page.locator('.toast', { hasText: '후속 조치를 마쳤습니다: 이력서 리뷰' }).waitFor();
    // Nothing is open any more, so the section leaves the dashboard.
    await section.waitFor({ state: 'detached' });

    await page.goto(`${server.url}/#/entries/${sessionId}/edit`);
    const history = page.locator('details.history');
    await history.locator('summary').click();
    const latest = history.locator('li[data-revision="2"]');
    await latest.waitFor();
    assert.match(await latest.textContent(), /☑ 이력서 리뷰/);
    assert.deepEqual(problems, []);
  });
  const revisions = (await server.api('GET', `/entries/${sessionId}/history`)).revisions;
  assert.equal(revisions.length, 2);
  assert.deepEqual(revisions.at(-1).fields.followups, [{ text: '모의 면접 잡기', done: true }, { text: '이력서 리뷰', done: true }]);
  const open = (await server.api('GET', '/follow-ups')).follow_ups;
  assert.equal(open.length, 0);
});

test('the follow-ups page lists done ones on request and undo of a tick reopens it (English)', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'follow-ups-page', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
    await page.getByRole('heading', { name: 'Follow-ups', level: 1 }).waitFor();
    await page.getByText('No follow-ups are open.').waitFor();
    await page.getByLabel('Show done ones too').check();
    const done = page.getByRole('checkbox', { name: '이력서 리뷰' });
    await done.waitFor();
    assert.equal(await done.isChecked(), true);
    // Open ones first: both are done now, so the older promise leads.
    await done.click();
    await page.locator('.toast', { hasText: 'Follow-up reopened: 이력서 리뷰' }).waitFor();
    await page.locator('.follow-up:not(.done)', { hasText: '이력서 리뷰' }).waitFor();
    const texts = await page.locator('.follow-up .follow-up-text').allTextContents();
    assert.equal(texts[0], '이력서 리뷰');

    const answer = await undoFromToast(page, { label: 'Undo' });
    assert.equal(answer.action, 'edit');
    await page.locator('.follow-up.done', { hasText: '이력서 리뷰' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
