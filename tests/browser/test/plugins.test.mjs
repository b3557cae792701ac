// A plugin is switched off and on from the plugins page, after asking; while it is off its
// entries stay and the dashboard says how many there are and whose they are.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withPage } from '../helpers/browser.mjs';
import { undoFromToast } from '../helpers/changes.mjs';
import { useServerAndBrowser } from '../helpers/fixtures.mjs';

const fixture = useServerAndBrowser({
  seed: async ({ api }) => {
    await api('POST', '/entries', { plugin: 'hackathon', kind: 'event', title: 'Seoul Prompton', fields: { result: 'award', award: '우수상' } });
  },
});

test('disabling a plugin asks first, and the dashboard then names its entries (English)', async () => {
  const { server, browser } = fixture;
  let count;
  await withPage(browser, 'plugin-disable', { language: 'en' }, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('link', { name: 'Plugins', exact: true }).click();
    const card = page.locator('li.plugin[data-plugin="hackathon"]');
    count = await card.locator('.plugin-facts').textContent();
    await card.getByRole('button', { name: 'Disable plugin Hackathons & contests' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Disable Hackathons & contests?' });
    await confirm.getByText(/can still be listed and exported/).waitFor();
    await confirm.getByRole('button', { name: 'Disable', exact: true }).click();
    await page.locator('.toast', { hasText: 'Plugin disabled: Hackathons & contests' }).waitFor();
    await card.locator('.badge', { hasText: 'disabled' }).waitFor();

    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    const notice = page.locator('.notice.unloaded');
    await notice.waitFor();
    assert.match(await notice.textContent(), /1 entry belongs to the disabled plugin (Hackathons & contests|hackathon); it counts nowhere\./);
    // Its kinds leave the entry form while it is off.
    await page.getByRole('link', { name: 'Add entry', exact: true }).click();
    const kinds = await page.getByLabel('What are you logging?').locator('option').evaluateAll((options) => options.map((option) => option.value));
    assert.ok(!kinds.some((value) => value.startsWith('hackathon/')), `offered ${kinds.join(', ')}`);
    assert.deepEqual(problems, []);
  });
  const answer = await server.api('GET', '/plugins');
  assert.deepEqual(answer.unloaded, [{ plugin: 'hackathon', entries: 1, reason: 'disabled' }]);
  const { entries } = await server.api('GET', '/entries?q=Prompton');
  assert.equal(entries.length, 1, 'a disabled plugin’s entries stay readable');
  assert.equal(count, 'version 1.1.0 · 1 entry', 'the plugins page says how many entries a plugin holds');
});

test('enabling it again from the plugins page clears the notice, and undo disables it again (Korean)', async () => {
  const { server, browser } = fixture;
  await withPage(browser, 'plugin-enable', {}, async ({ page, problems }) => {
    await page.goto(`${server.url}/#/plugins`);
    await page.locator('.notice.unloaded', { hasText: '꺼 둔 플러그인' }).waitFor();
    await page.getByRole('button', { name: '플러그인 켜기: 해커톤·공모전' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '켜기', exact: true }).click();
    await page.locator('.toast', { hasText: '플러그인을 켰습니다: 해커톤·공모전' }).waitFor();
    await page.locator('.notice.unloaded').waitFor({ state: 'detached' });

    const answer = await undoFromToast(page, { label: '되돌리기' });
    assert.equal(answer.action, 'plugin.enable');
    assert.equal(answer.subject_id, 'hackathon');
    await page.locator('.notice.unloaded').waitFor();
    assert.deepEqual(problems, []);
  });
  assert.equal((await server.api('GET', '/plugins')).unloaded.length, 1);
  await server.api('POST', '/plugins/hackathon/enable');
});
