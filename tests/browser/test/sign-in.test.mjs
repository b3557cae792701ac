// A server started with an access token: the web view asks for it once on a sign-in page,
// refuses a wrong one where everyone can see and hear it, keeps the browser signed in with an
// HttpOnly cookie that is not the token, and signs out back to the sign-in page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriousViolations } from '../helpers/axe.mjs';
import { withPage } from '../helpers/browser.mjs';
import { serverYear, useServerAndBrowser } from '../helpers/fixtures.mjs';

const TOKEN = '우리집-hoego-서버-토큰-2026';

const fixture = useServerAndBrowser({
  token: TOKEN,
  seed: async (server) => {
    const year = await serverYear(server);
    await server.api('POST', '/people', { name: '김민지' });
    await server.api('POST', '/entries', {
      plugin: 'mentoring', kind: 'session', when: `${year}-01-10T20:00+09:00`, title: '토큰으로 들어온 날의 상담',
      people: ['김민지'], fields: { duration_min: 60 },
    });
  },
});

const signInPage = (page) => page.locator('main[data-route="sign-in"] h1');
const dashboard = (page) => page.locator('main[data-route="#/"]:not([aria-busy]) h1');

test('with a token the web view signs in, refuses a wrong token, and signs out', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'sign-in', { language: 'ko' }, async ({ page, context, problems }) => {
    await page.goto(`${server.url}/`);
    await signInPage(page).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '로그인');
    assert.equal(await page.getByRole('navigation').count(), 0, 'no menu before signing in');
    const field = page.getByLabel('접근 토큰');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sign-in-token');
    assert.deepEqual(await seriousViolations(page), []);

    await field.fill('우리집-hoego-서버-토큰-2025');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '이 서버의 접근 토큰이 아닙니다' }).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(await context.cookies(), []);

    // The sign-in page speaks English too, and the right token opens the dashboard.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await dashboard(page).waitFor();
    await page.getByText('토큰으로 들어온 날의 상담').first().waitFor();
    const [cookie] = await context.cookies();
    assert.equal(cookie.name, 'hoego_session');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.ok(!decodeURIComponent(cookie.value).includes(TOKEN), 'the cookie is not the token');

    // Signed in once: a reload goes straight to the dashboard.
    await page.reload();
    await dashboard(page).waitFor();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signInPage(page).waitFor();
    assert.deepEqual(await context.cookies(), []);
    await page.reload();
    await signInPage(page).waitFor();

    // The one failed request the browser reports is the wrong token's 401.
    assert.deepEqual(problems.filter((problem) => !/status of 401/.test(problem)), []);
    assert.equal(problems.length, 1, problems.join('\n'));
  });
});
