// Tracks and people change through their pages: a track is closed, reopened and deleted (its
// entries stay, unlinked), two people become one, and a person some entry names is archived
// rather than deleted.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { addDays, serverToday, undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

test('deleting a track says what goes with it, asks, and keeps its entries (Korean)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  const today = await serverToday(server);
  await api('POST', '/tracks', { name: '글또 10기', plugin: 'writing', from: addDays(today, -60), until: addDays(today, 60) });
  const posts = [];
  for (const [offset, title] of [[-20, '첫 글'], [-6, '둘째 글']])
    posts.push(await api('POST', '/entries', { plugin: 'writing', kind: 'post', when: `${addDays(today, offset)}T21:00+09:00`, title, track: '글또 10기' }));
  await api('POST', '/goals', { title: '격주 한 편', plugin: 'writing', kind: 'post', track: '글또 10기', every: '14d', passes: 2 });

  await withPage(browser, 'track-delete', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/tracks`);
    await page.getByRole('button', { name: '트랙 삭제: 글또 10기' }).click();
    const confirm = page.getByRole('alertdialog', { name: '트랙을 삭제할까요? 글또 10기' });
    await confirm.waitFor();
    const message = await confirm.textContent();
    assert.match(message, /기록 2개는 지워지지 않고 트랙 없이 남습니다/);
    assert.match(message, /목표 1개는 함께 삭제됩니다/);
    await confirm.getByRole('button', { name: '취소' }).click();
    await confirm.waitFor({ state: 'detached' });
    assert.equal((await api('GET', '/tracks')).tracks.length, 1, 'cancel deletes nothing');

    await page.getByRole('button', { name: '트랙 삭제: 글또 10기' }).click();
    await confirm.getByRole('button', { name: '트랙 삭제' }).click();
    await page.locator('.toast', { hasText: '기록 2개는 트랙 없이 남았고 목표 1개를 함께 삭제했습니다' }).waitFor();
    await page.getByRole('heading', { name: '글또 10기' }).waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });
  assert.deepEqual((await api('GET', '/tracks')).tracks, []);
  assert.deepEqual((await api('GET', '/goals')).goals, []);
  for (const post of posts) {
    const kept = await api('GET', `/entries/${post.id}`);
    assert.equal(kept.deleted_at, null);
    assert.equal(kept.track, null);
  }
});

test('a track is edited, closed after asking, and reopened (Korean)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  await api('POST', '/people', { name: '이서준' });
  await api('POST', '/tracks', { name: '경량화 스터디', plugin: 'study' });
  await withPage(browser, 'track-edit-close', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/tracks`);
    await page.getByRole('button', { name: '트랙 수정: 경량화 스터디' }).click();
    const dialog = page.getByRole('dialog', { name: '트랙 수정: 경량화 스터디' });
    assert.equal(await dialog.getByRole('textbox', { name: /^이름 \*/ }).inputValue(), '경량화 스터디');
    await dialog.getByRole('textbox', { name: /^이름 \*/ }).fill('경량화 스터디 2기');
    await dialog.getByRole('checkbox', { name: '이서준' }).check();
    await dialog.getByLabel('메모').fill('매주 목요일');
    await dialog.getByRole('button', { name: '저장' }).click();
    await page.locator('.toast', { hasText: '트랙을 수정했습니다: 경량화 스터디 2기' }).waitFor();

    await page.getByRole('button', { name: '트랙 닫기: 경량화 스터디 2기' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '트랙 닫기' }).click();
    await page.locator('.toast', { hasText: '트랙을 닫았습니다' }).waitFor();
    await page.getByRole('button', { name: '트랙 다시 열기: 경량화 스터디 2기' }).click();
    await page.locator('.toast', { hasText: '트랙을 다시 열었습니다' }).waitFor();
    await page.getByRole('button', { name: '트랙 닫기: 경량화 스터디 2기' }).waitFor();
    assert.deepEqual(problems, []);
  });
  const track = (await api('GET', '/tracks')).tracks.find((item) => item.name === '경량화 스터디 2기');
  assert.ok(track);
  assert.deepEqual(track.members, ['이서준']);
  assert.equal(track.note, '매주 목요일');
  assert.equal(track.plugin, 'study');
  assert.equal(track.closed_at, null);
});

test('two people are merged into one, and the merge is undone (English)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  for (const name of ['김민지', 'Minji Kim']) await api('POST', '/people', { name });
  await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', title: 'Career chat', people: ['Minji Kim'], fields: { duration_min: 30 } });
  await api('POST', '/entries', { plugin: 'mentoring', kind: 'session', title: '이력서 첨삭', people: ['김민지'], fields: { duration_min: 45 } });
  const namedBy = async (name) => (await api('GET', `/entries?person=${encodeURIComponent(name)}`)).entries.map((entry) => entry.title).sort();
  await withPage(browser, 'people-merge', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/people`);
    await page.getByRole('button', { name: 'Merge Minji Kim into someone else' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge Minji Kim into someone else' });
    const into = dialog.getByLabel('Merge into');
    // Everyone else is offered, never the person themself.
    const offered = await into.locator('option').allTextContents();
    assert.ok(offered.includes('김민지'));
    assert.ok(!offered.includes('Minji Kim'));
    await into.selectOption('김민지');
    await dialog.getByText('Minji Kim’s entry and track memberships move to 김민지').waitFor();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.locator('.toast', { hasText: 'Merged Minji Kim into 김민지.' }).waitFor();
    await page.locator('li.person[data-person="Minji Kim"]').waitFor({ state: 'detached' });
    await page.locator('li.person[data-person="김민지"]', { hasText: '2 entries' }).waitFor();
    assert.deepEqual(await namedBy('김민지'), ['Career chat', '이력서 첨삭']);
    assert.equal((await api('GET', '/people')).people.some((person) => person.name === 'Minji Kim'), false);

    const answer = await undoFromToast(page, { label: 'Undo' });
    assert.equal(answer.action, 'person.merge');
    await page.locator('li.person[data-person="Minji Kim"]', { hasText: '1 entry' }).waitFor();
    assert.deepEqual(problems, []);
  });
  assert.deepEqual(await namedBy('Minji Kim'), ['Career chat']);
  assert.deepEqual(await namedBy('김민지'), ['이력서 첨삭']);
});

test('a person no entry names is deleted; one an entry names is archived and shown on request (Korean)', async () => {
  const { server, browser } = fixture;
  const { api } = server;
  for (const name of ['박서연', '최지호']) await api('POST', '/people', { name });
  await api('POST', '/entries', { plugin: 'study', kind: 'session', title: 'ViT 발표', people: ['최지호'], fields: { topic: 'ViT' } });
  await withPage(browser, 'people-delete', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/people`);
    await page.getByRole('button', { name: '사람 삭제: 박서연' }).click();
    let confirm = page.getByRole('alertdialog', { name: '박서연 님을 삭제할까요?' });
    await confirm.getByText('박서연 님의 이름이 나오는 기록이 없으므로 삭제합니다.').waitFor();
    await confirm.getByRole('button', { name: '삭제' }).click();
    await page.locator('.toast', { hasText: '박서연 님을 삭제했습니다.' }).waitFor();

    await page.getByRole('button', { name: '사람 삭제: 최지호' }).click();
    confirm = page.getByRole('alertdialog', { name: '최지호 님을 삭제할까요?' });
    await confirm.getByText(/기록 1개에 남아 있어 삭제하지 않고 보관합니다/).waitFor();
    await confirm.getByRole('button', { name: '삭제' }).click();
    await page.locator('.toast', { hasText: '최지호 님을 보관했습니다.' }).waitFor();
    await page.locator('li.person[data-person="최지호"]').waitFor({ state: 'detached' });

    await page.getByLabel('보관한 사람도 보기').check();
    await page.locator('li.person.archived[data-person="최지호"]', { hasText: '보관됨' }).waitFor();
    assert.equal(await page.locator('li.person[data-person="박서연"]').count(), 0);
    assert.deepEqual(problems, []);
  });
  const { people } = await api('GET', '/people?archived=1');
  assert.equal(people.find((person) => person.name === '최지호')?.archived, true);
  assert.equal(people.some((person) => person.name === '박서연'), false);
  const [entry] = (await api('GET', '/entries?q=ViT')).entries;
  assert.deepEqual(entry.people, ['최지호']);
});
