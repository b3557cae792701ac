// Helpers for tests of changes made through the page: dates around the server's today, and the
// Undo button of a notice checked against what POST /api/v1/undo answered.

import assert from 'node:assert/strict';

// "YYYY-MM-DD" `days` after (or before, when negative) the calendar date `day`.
export function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

// The server's today in its time zone (Asia/Seoul).
export async function serverToday(server) {
  const settings = await server.api('GET', '/settings');
  return settings.today;
}

// A text the server wrote in the request's language, or in both ({ko, en}).
export function inLanguage(text, language) {
  return typeof text === 'string' ? text : text?.[language];
}

// Clicks the notice's Undo button and waits until the notice shows the `summary` the server
// answered; resolves with that answer ({action, subject, subject_id, summary, entry}).
export async function undoFromToast(page, { label }) {
  const language = await page.evaluate(() => document.documentElement.lang);
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/v1/undo') && response.request().method() === 'POST');
  await page.locator('.toast').getByRole('button', { name: label, exact: true }).click();
  const response = await answered;
  assert.equal(response.status(), 200, `undo answered ${response.status()}`);
  const answer = await response.json();
  const summary = inLanguage(answer.summary, language);
  assert.ok(summary, 'the undo answer carries a summary');
  await page.locator('.toast', { hasText: summary }).waitFor();
  return answer;
}

// Waits for the page to finish drawing `route` (the router marks <main> when it is done).
export async function drawn(page, route) {
  await page.locator(`main[data-route="${route}"]:not([aria-busy])`).waitFor();
}
