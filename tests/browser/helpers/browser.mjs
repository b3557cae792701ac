// Debian's Chromium driven by playwright-core, and pages that remember every script error,
// console error and dialog so a test can insist there were none.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './server.mjs';

export const outputDirectory = path.join(repoRoot, 'build', 'test-output');

export function launchBrowser() {
  return chromium.launch({
    // Playwright's own browser downloads are never used: the system's Chromium is.
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// A page in a fresh context (its own storage) showing hoego in `language`.
export async function openPage(browser, { language = 'ko', width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: language === 'ko' ? 'ko-KR' : 'en-GB' });
  // Chooses the language once; the page's own switch then decides, across reloads too.
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('hoego.language')) localStorage.setItem('hoego.language', chosen);
  }, language);
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return { page, context, problems, dialogs };
}

// Runs `body(opened)` on a fresh page; on failure saves a screenshot named after the test.
export async function withPage(browser, name, options, body) {
  const opened = await openPage(browser, options);
  try {
    await body(opened);
  } catch (error) {
    await mkdir(path.join(outputDirectory, 'failures'), { recursive: true });
    const file = path.join(outputDirectory, 'failures', `${name.replace(/[^\w-]+/g, '_')}.png`);
    await opened.page.screenshot({ path: file, fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await opened.context.close();
  }
}
