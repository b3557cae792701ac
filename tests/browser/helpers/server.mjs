// Starts `hoego serve --port 0` on a fresh data directory, reads the address it prints, and
// offers a small client for seeding data through the JSON API.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STARTUP_LIMIT_MS = 20_000;

export function binary() {
  return path.resolve(repoRoot, process.env.HOEGO_BINARY ?? 'build/bin/hoego');
}

// Resolves with the server's base URL ("http://127.0.0.1:PORT") once it says where it listens.
function waitForAddress(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`hoego serve printed no address in time:\n${output}`)), STARTUP_LIMIT_MS);
    const read = (chunk) => {
      output += chunk;
      const match = /(http:\/\/[^\s/]+)\/? /.exec(output);  // the address, in either language
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hoego serve exited with ${code}:\n${output}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${binary()} (build it first, or set HOEGO_BINARY): ${error.message}`));
    });
  });
}

// { url, dataDirectory, api, stop }. HOEGO_WEB_DIR serves the web view from disk instead of the
// copy built into the binary (for working on web/ without a rebuild). `dataDirectory` lets a test
// run the CLI (`hoego --data DIR …`) on the same data. With `token` the server asks for it (still
// on loopback), and `api` sends it as a Bearer token. `prepare(dataDirectory)` runs before the
// server starts, for what it reads only at start (settings through the CLI).
export async function startServer({ token, prepare } = {}) {
  const dataDirectory = await mkdtemp(path.join(tmpdir(), 'hoego-browser-'));
  if (prepare) {
    try {
      await prepare(dataDirectory);
    } catch (error) {
      await rm(dataDirectory, { recursive: true, force: true });
      throw error;
    }
  }
  const args = ['--data', dataDirectory, 'serve', '--port', '0'];
  if (token) args.push('--token', token);
  if (process.env.HOEGO_WEB_DIR) args.push('--web-dir', path.resolve(process.env.HOEGO_WEB_DIR));
  const child = spawn(binary(), args, {
    env: { ...process.env, HOEGO_TZ: 'Asia/Seoul' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let url;
  try {
    url = await waitForAddress(child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(dataDirectory, { recursive: true, force: true });
    throw error;
  }

  async function api(method, route, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    // A header carries bytes: a Korean token goes as its UTF-8 bytes, which fetch sends only
    // when each is given as one Latin-1 character.
    if (token) init.headers.Authorization = `Bearer ${Buffer.from(token).toString('latin1')}`;
    if (method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body ?? {});
    }
    const response = await fetch(`${url}/api/v1${route}`, init);
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(data)}`);
    return data;
  }

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDirectory, { recursive: true, force: true });
  }

  return { url, dataDirectory, api, stop };
}
