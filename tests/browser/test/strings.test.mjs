// Every string of the web view exists in Korean and in English, with the same placeholders.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/server.mjs';

// web/ has no package.json saying its files are ES modules, so they are read as such by hand.
async function strings(language) {
  const source = await readFile(path.join(repoRoot, 'web', 'strings', `${language}.js`), 'utf8');
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)).default;
}
const [ko, en] = await Promise.all([strings('ko'), strings('en')]);

const placeholders = (text) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();

test('Korean and English have the same keys and placeholders', () => {
  // English alone has `.one` forms ("1 entry"); Korean counts the same way for every number.
  const englishKeys = Object.keys(en).filter((key) => !key.endsWith('.one'));
  assert.deepEqual(Object.keys(ko).sort(), englishKeys.sort());
  for (const key of Object.keys(ko)) assert.deepEqual(placeholders(ko[key]), placeholders(en[key]), key);
  for (const key of Object.keys(en).filter((name) => name.endsWith('.one'))) {
    assert.ok(key.slice(0, -'.one'.length) in en, `${key} has no plural form beside it`);
  }
});
