// End-to-end tests of loading the playground: how soon the page is usable on localhost, and how
// much the browser downloads for it (gzipped). Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchPlayground, root } from './browser.mjs';

const webDir = path.join(root, 'build', 'web');
const READY_BUDGET_MS = 1000;
const GZIP_BUDGET_BYTES = 600 * 1024;

let server;
let url;
let context;
let close;

before(async () => ({ server, url, context, close } = await launchPlayground('anole-e2e-loading-')));
after(() => close?.());

test('the page is usable within 1 s of navigation on localhost', async () => {
  // A first visit to warm the browser process itself (not the page: the server sends no-cache).
  const warm = await context.newPage();
  await warm.goto(url);
  await warm.close();

  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const start = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => {
    const run = document.getElementById('run');
    return window.anolePlayground !== undefined && run && !run.disabled
      && run.getAttribute('aria-disabled') !== 'true'
      && document.getElementById('status').textContent === 'Ready.';
  }, null, { timeout: 10_000, polling: 'raf' });
  const readyMs = performance.now() - start;

  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'print(6 * 7)\n' } });
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => window.anolePlayground.runs >= 1, null, { timeout: 10_000, polling: 'raf' });
  const printedMs = performance.now() - start;
  const output = await page.evaluate(() => window.anolePlayground.terminalText());
  assert.equal(output.trim(), '42');

  console.log(`loading: Run enabled and engine ready ${readyMs.toFixed(0)} ms after navigation; `
    + `print(6 * 7) printed 42 at ${printedMs.toFixed(0)} ms`);
  assert.ok(readyMs < READY_BUDGET_MS, `ready after ${readyMs.toFixed(0)} ms (budget ${READY_BUDGET_MS} ms)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the wasm, JS and CSS the page loads stay under 600 KB gzipped', async () => {
  const page = await context.newPage();
  const requested = new Set();
  const record = (request) => {
    const requestUrl = new URL(request.url());
    if (requestUrl.origin === new URL(url).origin) requested.add(requestUrl.pathname);
  };
  page.on('request', record);
  // Workers' own requests (the worker script, anything it imports) reach the context, not the page.
  context.on('request', record);
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready.', null, { timeout: 10_000 });
  // One run, so whatever a run loads (lazy chunks) is counted too.
  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'print(6 * 7)\n' } });
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => window.anolePlayground.runs >= 1, null, { timeout: 10_000 });
  context.off('request', record);
  await page.close();

  const files = [...requested]
    .map((pathname) => pathname.replace(/^\//, ''))
    .filter((name) => /\.(wasm|js|mjs|css)$/.test(name))
    .sort();
  for (const needed of ['app.js', 'app.css', 'anole.wasm', 'worker.js']) {
    assert.ok(files.includes(needed), `the page requested ${needed} (requested: ${files.join(', ')})`);
  }
  let total = 0;
  const lines = [];
  for (const name of files) {
    const bytes = readFileSync(path.join(webDir, name));
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    total += gzipped;
    lines.push(`  ${name}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  }
  console.log(`loading: the page loads ${files.length} wasm/JS/CSS files\n${lines.join('\n')}\n`
    + `  total: ${(total / 1024).toFixed(1)} KB gzipped (budget ${GZIP_BUDGET_BYTES / 1024} KB)`);
  assert.ok(total < GZIP_BUDGET_BYTES, `${(total / 1024).toFixed(1)} KB gzipped (budget ${GZIP_BUDGET_BYTES / 1024} KB)`);
});
