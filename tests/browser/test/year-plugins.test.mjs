// The events, reading and exercise plugins through the forms generated from their manifests: a
// plugin's refusal shows next to the field it names, in the language hoego is set to, and what
// is saved shows on the plugin's dashboard card with the milestone it reached.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser({
  seed: async (server) => {
    await server.api('POST', '/people', { name: '김민지' });
  },
});

test('a book without a title is refused next to the title, then saved and shown with its milestone (English)', async () => {
  const { server, browser } = fixture;
  await server.api('PATCH', '/settings', { language: 'en' });
  await withPage(browser, 'reading-book-en', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add?type=reading/book`);
    await page.getByLabel('Author').fill('한강');
    await page.getByLabel('Rating (1–5)').fill('5');
    await page.getByRole('button', { name: 'Save' }).click();
    const titleError = page.locator('[data-field="title"] .field-error');
    await titleError.waitFor();
    assert.equal((await titleError.textContent()).trim(), "a book needs its title as the entry's title");

    await page.getByLabel('Title', { exact: true }).fill('소년이 온다');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('article.entry', { hasText: '소년이 온다' }).waitFor();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const card = page.locator('section.plugin-card[data-plugin="reading"]');
    await card.getByRole('link', { name: '소년이 온다' }).first().waitFor();
    assert.match(await card.textContent(), /First five-star book/);
    // The refused save answered 422, which the browser logs; nothing else went wrong.
    assert.deepEqual(problems.filter((problem) => !problem.includes('status of 422')), []);
  });
});

test('a check-in and a coffee chat from their forms, with a distance refused on yoga (Korean)', async () => {
  const { server, browser } = fixture;
  await server.api('PATCH', '/settings', { language: 'ko' });
  await withPage(browser, 'exercise-events-ko', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/add?type=exercise/check_in`);
    await page.getByLabel('종류').selectOption('yoga');
    await page.getByLabel('시간', { exact: true }).fill('60');
    await page.getByLabel('거리').fill('3');
    await page.getByRole('button', { name: '저장' }).click();
    const distanceError = page.locator('[data-field="distance_km"] .field-error');
    await distanceError.waitFor();
    assert.match(await distanceError.textContent(), /거리는 달리기, 걷기, 자전거, 수영, 등산, 기타에만 적을 수 있습니다/);

    await page.getByLabel('거리').fill('');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: '요가 60분' }).waitFor();

    await page.goto(`${server.url}/#/add?type=events/coffee_chat`);
    await page.getByRole('checkbox', { name: '김민지' }).check();
    await page.getByLabel('나눈 이야기').fill('이직 고민');
    await page.getByRole('button', { name: '저장' }).click();
    await page.locator('article.entry', { hasText: '커피챗 — 이직 고민' }).waitFor();

    await page.getByRole('link', { name: '대시보드', exact: true }).click();
    const exercise = page.locator('section.plugin-card[data-plugin="exercise"]');
    await exercise.getByRole('link', { name: '요가 60분' }).first().waitFor();
    const events = page.locator('section.plugin-card[data-plugin="events"]');
    await events.getByRole('link', { name: '커피챗 — 이직 고민' }).first().waitFor();
    assert.match(await events.textContent(), /처음 커피챗을 한 사람/);
    // The refused save answered 422, which the browser logs; nothing else went wrong.
    assert.deepEqual(problems.filter((problem) => !problem.includes('status of 422')), []);
  });
});
