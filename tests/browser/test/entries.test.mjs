// Adding, finding, editing, deleting and undoing entries through the page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

test('a mentoring session added through the form shows on the timeline and the dashboard', async () => {
  const { server, browser } = fixture;
  await server.api('POST', '/people', { name: '김민지' });
  await withPage(browser, 'add-session', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add?type=mentoring/session`);
    await page.getByLabel('무엇을 기록할까요?').waitFor();
    assert.equal(await page.getByLabel('무엇을 기록할까요?').inputValue(), 'mentoring/session');

    await page.getByLabel('제목', { exact: true }).fill('취업 상담');
    await page.getByRole('checkbox', { name: '김민지' }).check();
    await page.getByLabel('진행 시간').fill('60');
    await page.getByLabel('주제').fill('이력서\n포트폴리오');
    await page.getByRole('button', { name: '항목 추가' }).click();
    await page.getByLabel('약속한 후속 조치 항목 1', { exact: true }).fill('이력서 다시 보기');
    await page.getByRole('button', { name: '저장' }).click();

    const card = page.locator('article.entry', { hasText: '취업 상담' });
    await card.waitFor();
    assert.match(page.url(), /#\/timeline$/);
    assert.match(await card.textContent(), /김민지/);
    assert.match(await card.textContent(), /포트폴리오/);

    await page.getByRole('link', { name: '대시보드', exact: true }).click();
    const mentoring = page.locator('section.plugin-card[data-plugin="mentoring"]');
    await mentoring.getByRole('link', { name: '취업 상담' }).waitFor();
    assert.deepEqual(problems, []);
  });
  const { entries } = await server.api('GET', '/entries?plugin=mentoring');
  assert.equal(entries.length, 1);
  assert.equal(entries[0].fields.duration_min, 60);
  assert.deepEqual(entries[0].people, ['김민지']);
  assert.deepEqual(entries[0].fields.followups, [{ text: '이력서 다시 보기', done: false }]);
});

test('the server’s validation errors appear next to the field they name', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'validation', {}, async ({ page }) => {
    await page.goto(`${server.url}/#/add?type=mentoring/session`);
    await page.getByLabel('제목', { exact: true }).fill('멘티 없는 세션');
    await page.getByRole('button', { name: '저장' }).click();
    const durationRow = page.locator('[data-field="duration_min"]');
    await durationRow.locator('.field-error').waitFor();
    assert.equal(await page.getByLabel('진행 시간').getAttribute('aria-invalid'), 'true');
    // The message is the server's, in Korean, and names no field id.
    const durationError = await durationRow.locator('.field-error').textContent();
    assert.match(durationError, /[가-힣]/);
    assert.doesNotMatch(durationError, /duration_min|required/);
    await page.locator('[data-field="people"] .field-error').waitFor();
    assert.match(await page.locator('[data-field="people"] .field-error').textContent(), /[가-힣]/);
    assert.match(page.url(), /#\/add/);
  });
  await withPage(browser, 'validation-en', { language: 'en' }, async ({ page }) => {
    await page.goto(`${server.url}/#/add?type=mentoring/session`);
    await page.getByLabel('Title', { exact: true }).fill('A session without a mentee');
    await page.getByRole('button', { name: 'Save' }).click();
    const durationError = page.locator('[data-field="duration_min"] .field-error');
    await durationError.waitFor();
    assert.doesNotMatch(await durationError.textContent(), /[가-힣]|duration_min/);
  });
  const { entries } = await server.api('GET', '/entries?q=' + encodeURIComponent('멘티 없는'));
  assert.equal(entries.length, 0);
});

test('Korean text round-trips and search finds a word inside a longer text', async () => {
  const { server, browser } = fixture;
  const title = '글또 회고 — 한 해를 돌아보며 ✍️';
  const notes = '스터디에서 배운 점을 정리했다.\n둘째 줄: “따옴표”와 이모지 🌱';
  await withPage(browser, 'korean', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add?type=writing/post`);
    await page.getByLabel('제목', { exact: true }).fill(title);
    await page.getByLabel('메모').fill(notes);
    await page.getByLabel('태그').fill('회고, 연말');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: title }).waitFor();

    await page.getByRole('searchbox', { name: '검색' }).fill('배운 점');
    await page.getByRole('button', { name: '적용' }).click();
    await page.waitForURL(/q=/);
    const found = page.locator('article.entry');
    await found.first().waitFor();
    assert.equal(await found.count(), 1);
    assert.equal(await found.locator('.entry-title').textContent(), title);

    await found.getByRole('link', { name: `수정: ${title}` }).click();
    await page.getByRole('heading', { name: '기록 수정' }).waitFor();
    assert.equal(await page.getByLabel('제목', { exact: true }).inputValue(), title);
    assert.equal(await page.getByLabel('메모').inputValue(), notes);
    assert.equal(await page.getByLabel('태그').inputValue(), '회고, 연말');
    assert.deepEqual(problems, []);
  });
  const { entries } = await server.api('GET', '/entries?plugin=writing');
  const saved = entries.find((entry) => entry.title === title);
  assert.ok(saved, 'the post is stored under its Korean title');
  assert.equal(saved.notes, notes);
  assert.deepEqual(saved.tags, ['회고', '연말']);
});

test('an edit is saved as a new revision', async () => {
  const { server, browser } = fixture;
  const entry = await server.api('POST', '/entries', { plugin: 'study', kind: 'session', title: '논문 읽기', fields: { topic: 'ViT' } });
  await withPage(browser, 'edit', {}, async ({ page }) => {
    await page.goto(`${server.url}/#/entries/${entry.id}/edit`);
    await page.getByLabel('제목', { exact: true }).fill('논문 읽기: Vision Transformer');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: 'Vision Transformer' }).waitFor();
  });
  const edited = await server.api('GET', `/entries/${entry.id}`);
  assert.equal(edited.title, '논문 읽기: Vision Transformer');
  assert.equal(edited.fields.topic, 'ViT');
  assert.equal(edited.revision, 2);
});

test('undo brings back a deleted entry', async () => {
  const { server, browser } = fixture;
  const entry = await server.api('POST', '/entries', { plugin: 'writing', kind: 'post', title: '지워질 글' });
  await withPage(browser, 'undo', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/timeline`);
    await page.getByRole('button', { name: '삭제: 지워질 글' }).click();
    const toast = page.locator('.toast');
    await toast.getByText('삭제했습니다: 지워질 글').waitFor();
    await page.locator('article.entry', { hasText: '지워질 글' }).waitFor({ state: 'detached' });

    const answer = await undoFromToast(page, { label: '되돌리기' });
    assert.equal(answer.action, 'delete');
    await page.locator('article.entry', { hasText: '지워질 글' }).waitFor();
    assert.deepEqual(problems, []);
  });
  const restored = await server.api('GET', `/entries/${entry.id}`);
  assert.equal(restored.deleted_at, null);
});

test('the keyboard alone deletes an entry and undoes it', async () => {
  const { server, browser } = fixture;
  await server.api('POST', '/entries', { plugin: 'writing', kind: 'post', title: '키보드로 지울 글' });
  await withPage(browser, 'keyboard-undo', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/timeline`);
    await page.getByRole('button', { name: '삭제: 키보드로 지울 글' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('article.entry', { hasText: '키보드로 지울 글' }).waitFor({ state: 'detached' });
    // Focus lands on the notice's Undo button, so Enter right away brings the entry back.
    await page.locator('.toast button:focus', { hasText: '되돌리기' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('article.entry', { hasText: '키보드로 지울 글' }).waitFor();
    assert.deepEqual(problems, []);
  });
});
