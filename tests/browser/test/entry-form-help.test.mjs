// The entry form helps: it opens on the kind logged last, picks the track whose dates cover the
// entry and that has a goal for its kind, offers that track's members first, and says before
// saving when the entry would count toward no goal.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { addDays, serverToday } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

let today;

const fixture = useServerAndBrowser({
  seed: async (server) => {
    const { api } = server;
    today = await serverToday(server);
    for (const name of ['김민지', '박서연', '이서준']) await api('POST', '/people', { name });
    await api('POST', '/tracks', { name: '지난 기수', plugin: 'writing', from: addDays(today, -200), until: addDays(today, -100) });
    await api('POST', '/tracks', { name: '글또 10기', plugin: 'writing', from: addDays(today, -30), until: addDays(today, 60), members: ['이서준'] });
    await api('POST', '/goals', { title: '격주 한 편', plugin: 'writing', kind: 'post', track: '글또 10기', every: '14d', passes: 2 });
  },
});

test('the form opens on the kind logged last, with the track and goal worked out (Korean)', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'entry-help', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add`);
    await page.getByLabel('무엇을 기록할까요?').selectOption('writing/post');
    const track = page.getByLabel('트랙', { exact: true });
    assert.equal(await track.inputValue(), '글또 10기', 'the track covering today with a goal for posts is chosen');
    const note = page.locator('.goal-note');
    assert.equal(await note.textContent(), '이 기록은 목표 ‘격주 한 편’에 셉니다.');
    // The track's members come first among the people offered.
    const people = await page.locator('[data-field="people"] .choices label').allTextContents();
    assert.equal(people[0], '이서준');

    // A day outside every track: no track, and the form says the entry counts nowhere.
    await page.getByLabel('날짜와 시간').fill(`${addDays(today, 90)}T21:00`);
    await page.getByLabel('날짜와 시간').dispatchEvent('change');
    assert.equal(await track.inputValue(), '');
    await note.and(page.locator('.counts-nowhere')).waitFor();
    assert.equal(await note.textContent(), '이 기록은 어느 목표에도 세지 않습니다. 트랙과 날짜를 확인해 보세요.');

    // Back inside the track's dates; a track chosen by hand is then kept whatever the date.
    await page.getByLabel('날짜와 시간').fill(`${today}T21:00`);
    await page.getByLabel('날짜와 시간').dispatchEvent('change');
    assert.equal(await track.inputValue(), '글또 10기');
    await page.getByLabel('제목', { exact: true }).fill('열 번째 글');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: '열 번째 글' }).waitFor();

    await page.getByRole('link', { name: '기록하기', exact: true }).click();
    await page.getByLabel('무엇을 기록할까요?').waitFor();
    assert.equal(await page.getByLabel('무엇을 기록할까요?').inputValue(), 'writing/post', 'the kind logged last');
    assert.deepEqual(problems, []);
  });
  const { entries } = await server.api('GET', '/entries?plugin=writing');
  assert.equal(entries[0].track, '글또 10기');
});

test('a kind without a goal says so before saving (English)', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'entry-help-none', { language: 'en' }, async ({ page }) => {
    await page.goto(`${server.url}/#/add?type=study/session`);
    await page.locator('.goal-note.counts-nowhere', { hasText: 'This entry counts toward no goal.' }).waitFor();
    assert.equal(await page.getByLabel('Track', { exact: true }).inputValue(), '');
  });
});
