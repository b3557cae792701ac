// Everything about a goal can be changed through the goals page — edited, paused, given a list
// of due dates and one moved, finished, deleted — and each change undone from its notice.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { withPage } from '../helpers/browser.mjs';
import { addDays, serverToday, undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser();

async function goalNamed(server, title, query = '') {
  const { goals } = await server.api('GET', `/goals${query}`);
  return goals.find((goal) => goal.title === title);
}

test('a goal edited in its dialog, then undone from the notice (English)', async () => {
  const { server, browser } = fixture;
  const year = Number((await serverToday(server)).slice(0, 4));
  const added = await server.api('POST', '/goals', { title: 'Weekly mentoring', plugin: 'mentoring', kind: 'session', year, target: 40, every: 'week' });
  await withPage(browser, 'goal-edit-undo', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    await page.getByRole('button', { name: 'Edit goal: Weekly mentoring' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit goal: Weekly mentoring' });
    await dialog.waitFor();
    // The form is filled in with the goal as it is.
    assert.equal(await dialog.getByLabel('Name').inputValue(), 'Weekly mentoring');
    assert.equal(await dialog.getByLabel('What counts?').inputValue(), 'mentoring/session');
    assert.equal(await dialog.getByLabel('Target').inputValue(), '40');
    assert.equal(await dialog.getByLabel('Cadence', { exact: true }).inputValue(), 'week');
    assert.deepEqual(await seriousViolations(page), []);

    await dialog.getByLabel('Name').fill('Mentoring every week');
    await dialog.getByLabel('Target').fill('48');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.toast', { hasText: 'Goal updated: Mentoring every week' }).waitFor();
    await page.getByRole('heading', { name: 'Mentoring every week', level: 2 }).waitFor();
    // The notice's Undo has the keyboard, as after a delete.
    await page.locator('.toast button:focus', { hasText: 'Undo' }).waitFor();

    const edited = await goalNamed(server, 'Mentoring every week');
    assert.equal(edited.id, added.id);
    assert.equal(edited.target, 48);
    assert.equal(edited.every, 'week', 'what was not touched is not sent');

    const answer = await undoFromToast(page, { label: 'Undo' });
    assert.equal(answer.action, 'goal.edit');
    assert.equal(answer.subject, 'goal');
    assert.equal(answer.subject_id, String(added.id));
    await page.getByRole('heading', { name: 'Weekly mentoring', level: 2 }).waitFor();
    assert.deepEqual(problems, []);
  });
  const restored = await goalNamed(server, 'Weekly mentoring');
  assert.equal(restored.target, 40);
});

test('a pause over today shows the goal as paused, and can be removed (English)', async () => {
  const { server, browser } = fixture;
  const today = await serverToday(server);
  await server.api('POST', '/goals', { title: 'Post every week', plugin: 'writing', kind: 'post', from: addDays(today, -28), every: 'week' });
  await withPage(browser, 'goal-pause', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    await page.getByRole('button', { name: 'Pauses of Post every week' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pauses: Post every week' });
    await dialog.getByText('No pauses.').waitFor();
    await dialog.getByLabel('First day of the pause').fill(addDays(today, -3));
    await dialog.getByLabel('Last day of the pause').fill(addDays(today, 10));
    await dialog.getByRole('button', { name: 'Add pause' }).click();
    await page.locator('.toast', { hasText: 'Post every week: paused' }).waitFor();
    const card = page.locator('article.goal', { has: page.getByRole('heading', { name: 'Post every week' }) });
    await card.locator('.status-badge', { hasText: 'Paused' }).waitFor();
    await card.locator('.pauses').waitFor();
    assert.ok(await card.locator('.cycle.paused').count() >= 1, 'the paused cycle is drawn as paused');
    assert.deepEqual(problems, []);
  });
  let goal = await goalNamed(server, 'Post every week');
  assert.deepEqual(goal.pauses, [{ from: addDays(today, -3), until: addDays(today, 10) }]);
  assert.equal(goal.state.status, 'paused');

  await withPage(browser, 'goal-unpause', { language: 'en' }, async ({ page }) => {
    await page.goto(`${server.url}/#/goals`);
    await page.getByRole('button', { name: 'Pauses of Post every week' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pauses: Post every week' });
    await dialog.getByRole('button', { name: /^Remove pause / }).click();
    await page.locator('.toast', { hasText: 'pause' }).getByRole('button', { name: 'Undo' }).waitFor();
  });
  goal = await goalNamed(server, 'Post every week');
  assert.deepEqual(goal.pauses, []);
});

test('a goal with a list of due dates is added through the form and one date moved (Korean)', async () => {
  const { server, browser } = fixture;
  const today = await serverToday(server);
  const dates = [addDays(today, 3), addDays(today, 17), addDays(today, 31)];
  await withPage(browser, 'goal-deadlines', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: '목표 추가' }) });
    await form.getByLabel('목표 이름').fill('글또 마감');
    await form.getByLabel('무엇을 셀까요?').selectOption('writing/post');
    await form.getByLabel('연도').fill('');
    await form.getByLabel('시작일').fill(today);
    await form.getByLabel('종료일').fill(addDays(today, 60));
    await form.getByLabel('주기', { exact: true }).selectOption('dates');
    for (const [index, day] of dates.entries()) {
      await form.getByRole('button', { name: '날짜 추가' }).click();
      await form.getByLabel(`마감일 ${index + 1}`, { exact: true }).fill(day);
    }
    await form.getByRole('button', { name: '목표 추가' }).click();
    await page.locator('.toast', { hasText: '목표를 추가했습니다: 글또 마감' }).waitFor();
    await page.getByRole('button', { name: '마감일 옮기기: 글또 마감' }).click();
    const dialog = page.getByRole('dialog', { name: '마감일 옮기기: 글또 마감' });
    await dialog.getByLabel('옮길 마감일').selectOption(dates[1]);
    await dialog.getByLabel('새 마감일').fill(addDays(today, 19));
    await dialog.getByRole('button', { name: '마감일 옮기기' }).click();
    await page.locator('.toast', { hasText: '글또 마감: 마감일' }).waitFor();
    assert.deepEqual(problems, []);
  });
  const goal = await goalNamed(server, '글또 마감');
  assert.equal(goal.cadence_unit, 'dates');
  assert.deepEqual(goal.deadlines, [dates[0], addDays(today, 19), dates[2]]);
});

test('finishing a goal takes it off the list until finished ones are shown; deleting asks first (Korean)', async () => {
  const { server, browser } = fixture;
  const year = Number((await serverToday(server)).slice(0, 4));
  await server.api('POST', '/goals', { title: '책 여섯 권', plugin: 'study', kind: 'session', year, target: 6 });
  let badge;
  await withPage(browser, 'goal-finish-delete', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/goals`);
    await page.getByRole('button', { name: '목표 끝내기: 책 여섯 권' }).click();
    await page.locator('.toast', { hasText: '목표를 끝냈습니다: 책 여섯 권' }).waitFor();
    await page.getByRole('heading', { name: '책 여섯 권' }).waitFor({ state: 'detached' });

    await page.getByLabel('끝낸 목표도 보기').check();
    const card = page.locator('article.goal', { has: page.getByRole('heading', { name: '책 여섯 권' }) });
    await card.getByRole('button', { name: '목표 다시 열기: 책 여섯 권' }).waitFor();
    badge = await card.locator('.status-badge').textContent();

    await card.getByRole('button', { name: '목표 삭제: 책 여섯 권' }).click();
    const confirm = page.getByRole('alertdialog', { name: '목표를 삭제할까요? 책 여섯 권' });
    await confirm.waitFor();
    // Focus starts on Cancel: Enter by habit deletes nothing.
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await card.waitFor();

    await card.getByRole('button', { name: '목표 삭제: 책 여섯 권' }).click();
    await confirm.getByRole('button', { name: '삭제' }).click();
    await page.locator('.toast', { hasText: '목표를 삭제했습니다: 책 여섯 권' }).waitFor();
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
  });
  assert.equal(await goalNamed(server, '책 여섯 권', '?finished=1'), undefined);
  assert.equal(badge, '끝냄', 'a finished goal is shown as finished');
});
