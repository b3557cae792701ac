// Every page passes an axe-core audit with no serious or critical violations, fits a 375px
// screen, and the dashboard's screenshots are saved for people to look at.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { outputDirectory, withPage } from '../helpers/browser.mjs';
import { serverYear, useServerAndBrowser } from '../helpers/fixtures.mjs';

let entryId;

// A small year: people, a track, goals (one at risk) and entries of every plugin.
async function seed(server) {
  const { api } = server;
  const year = await serverYear(server);
  for (const name of ['김민지', '이서준', 'Alex Kim']) await api('POST', '/people', { name });
  await api('POST', '/tracks', { name: '글또 10기', plugin: 'writing', from: `${year}-01-05`, until: `${year}-12-27`, members: ['이서준'] });
  await api('POST', '/goals', { title: '2주에 한 편', plugin: 'writing', kind: 'post', track: '글또 10기', every: '14d', passes: 2, target: 16 });
  await api('POST', '/goals', { title: '멘토링 2400분', plugin: 'mentoring', kind: 'session', year, target: 2400, sum: 'duration_min' });
  const session = await api('POST', '/entries', {
    plugin: 'mentoring', kind: 'session', when: `${year}-01-10T20:00+09:00`, title: '취업 상담', people: ['김민지'],
    fields: { duration_min: 60, topics: ['이력서', '포트폴리오'], followups: [{ text: '이력서 리뷰', done: true }, { text: '모의 면접', done: false }] },
    notes: '다음 달에 한 번 더 만나기로 했다.', tags: ['커리어'],
  });
  entryId = session.id;
  await api('POST', '/entries', { plugin: 'writing', kind: 'post', when: `${year}-01-12T09:30+09:00`, title: '새해 회고', track: '글또 10기', fields: { url: 'https://velog.io/@hoego/retro', platform: 'velog' } });
  await api('POST', '/entries', { plugin: 'study', kind: 'session', when: `${year}-01-15T19:00+09:00`, title: 'Attention Is All You Need', people: ['Alex Kim'], fields: { topic: 'Transformer', presented: true } });
  await api('POST', '/entries', { plugin: 'hackathon', kind: 'event', when: `${year}-01-20T10:00+09:00`, title: 'Seoul Prompton', fields: { result: 'award', award: '우수상' } });
}

const fixture = useServerAndBrowser({ seed });

const PAGES = [
  ['dashboard', '#/'],
  ['timeline', '#/timeline'],
  ['add', '#/add?type=mentoring/session'],
  ['edit', () => `#/entries/${entryId}/edit`],
  ['goals', '#/goals'],
  ['follow-ups', '#/follow-ups'],
  ['people', '#/people'],
  ['tracks', '#/tracks'],
  ['report', '#/report'],
  ['plugins', '#/plugins'],
];

const routeOf = (route) => (typeof route === 'function' ? route() : route);

// Opens each page in turn in one browser tab (the router redraws on each hash), as a person
// clicking through would, and audits it once drawn.
for (const language of ['ko', 'en']) {
  test(`every page (${language}) has no serious or critical axe violations`, async (t) => {
    const { server, browser } = fixture;
    await withPage(browser, `axe-${language}`, { language }, async ({ page, problems }) => {
      for (const [name, route] of PAGES) {
        await t.test(`the ${name} page`, async () => {
          await page.goto(`${server.url}/${routeOf(route)}`);
          await page.locator(`main[data-route="${routeOf(route)}"]:not([aria-busy]) h1`).waitFor();
          assert.deepEqual(await seriousViolations(page), []);
        });
      }
      assert.deepEqual(problems, []);
    });
  });
}

// The dialogs that change or delete things, open over their pages.
const DIALOGS = [
  ['goal edit', '#/goals', '2주에 한 편', (page) => page.getByRole('button', { name: '목표 수정: 2주에 한 편' })],
  ['goal pauses', '#/goals', '2주에 한 편', (page) => page.getByRole('button', { name: '쉬는 기간: 2주에 한 편' })],
  ['track edit', '#/tracks', '글또 10기', (page) => page.getByRole('button', { name: '트랙 수정: 글또 10기' })],
  ['track delete', '#/tracks', '글또 10기', (page) => page.getByRole('button', { name: '트랙 삭제: 글또 10기' })],
  ['person merge', '#/people', '김민지', (page) => page.getByRole('button', { name: '다른 사람과 합치기: 김민지' })],
  ['plugin disable', '#/plugins', '멘토링', (page) => page.getByRole('button', { name: '플러그인 끄기: 멘토링' })],
];

test('every dialog has no serious or critical axe violations and closes with Escape', async (t) => {
  const { server, browser } = fixture;
  await withPage(browser, 'axe-dialogs', {}, async ({ page, problems }) => {
    for (const [name, route, , opener] of DIALOGS) {
      await t.test(`the ${name} dialog`, async () => {
        await page.goto(`${server.url}/${route}`);
        await page.locator(`main[data-route="${route}"]:not([aria-busy]) h1`).waitFor();
        await opener(page).click();
        const dialog = page.locator('dialog[open]');
        await dialog.waitFor();
        assert.deepEqual(await seriousViolations(page), []);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        // Focus goes back to the button that opened it.
        assert.equal(await opener(page).evaluate((button) => button === document.activeElement), true);
      });
    }
    assert.deepEqual(problems, []);
  });
});

test('every page fits a 375px wide screen without sideways scrolling', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'narrow', { width: 375, height: 812 }, async ({ page }) => {
    for (const [name, route] of PAGES) {
      await page.goto(`${server.url}/${routeOf(route)}`);
      await page.locator(`main[data-route="${routeOf(route)}"]:not([aria-busy]) h1`).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `the ${name} page is ${overflow}px too wide at 375px`);
    }
  });
});

// The font families that fontconfig says cover Korean.
function koreanFontFamilies() {
  const listed = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  return new Set(listed.split(/[\n,]/).map((name) => name.trim()).filter(Boolean));
}

// The fonts Chromium actually used for the text of the first element matching `selector`.
async function renderedFonts(context, page, selector) {
  const session = await context.newCDPSession(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument');
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((font) => font.familyName);
}

test('dashboard screenshots are saved, desktop and phone width, with Hangul in a Korean font', async () => {
  const { server, browser } = fixture;
  await mkdir(outputDirectory, { recursive: true });
  const korean = koreanFontFamilies();
  for (const [label, width, height] of [['desktop', 1280, 900], ['375', 375, 812]]) {
    await withPage(browser, `screenshot-${label}`, { width, height }, async ({ page, context }) => {
      await page.goto(`${server.url}/#/`);
      await page.locator('section.plugin-card').first().waitFor();
      await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
      const fonts = await renderedFonts(context, page, 'main h1');
      assert.ok(fonts.some((family) => korean.has(family)),
        `the Korean heading rendered in ${fonts.join(', ')}, none of which covers Hangul (install fonts-nanum)`);
      await page.screenshot({ path: path.join(outputDirectory, `dashboard-${label}.png`), fullPage: true });
    });
  }
});
