// End-to-end tests of the playground's controls: Stop (button and Ctrl-C), the running indicator
// and run time, the Examples menu, Share links and Reset. Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { launchPlayground, root } from './browser.mjs';

const examplesDir = process.env.ANOLE_EXAMPLES_DIR ?? path.join(root, 'examples');

let server;
let url;
let context;
let close;

before(async () => ({ server, url, context, close } = await launchPlayground('anole-e2e-controls-')));
after(() => close?.());

async function openPage(address = url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The issue asks for no console errors (a missing favicon's 404 included).
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  if (address !== url) await page.goto(address);
  else await page.reload();
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  return { page, errors };
}

const doc = (page) => page.evaluate(() => window.anolePlayground.editor.state.doc.toString());
const terminalText = (page) => page.evaluate(() => window.anolePlayground.terminalText());

async function setDoc(page, text) {
  await page.evaluate((insert) => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert } });
  }, text);
}

async function waitForRuns(page, count) {
  await page.waitForFunction((n) => window.anolePlayground.runs >= n, count, { timeout: 30_000 });
}

// Starts `while True: pass`, then stops it with stop(); checks the stop is fast and reported.
async function stopEndlessLoop(page, runsBefore, stop) {
  await setDoc(page, 'print("looping")\nwhile True:\n    pass\n');
  const stopButton = page.getByRole('button', { name: 'Stop' });
  assert.equal(await stopButton.getAttribute('aria-disabled'), 'true', 'Stop is disabled before a run');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => window.anolePlayground.terminalText().includes('looping'), null, { timeout: 30_000 });
  assert.equal(await stopButton.getAttribute('aria-disabled'), 'false', 'Stop is enabled while the program runs');
  assert.equal(await page.locator('#running').isVisible(), true, 'the running indicator shows');
  const started = Date.now();
  await stop();
  await waitForRuns(page, runsBefore + 1);
  const took = Date.now() - started;
  assert.ok(took < 500, `stopping took ${took} ms`);
  assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.stopped), true);
  assert.equal(await stopButton.getAttribute('aria-disabled'), 'true', 'Stop is disabled after the run');
  assert.equal(await page.locator('#running').isVisible(), false, 'the running indicator hides');
  const text = await terminalText(page);
  if (await page.evaluate(() => window.crossOriginIsolated)) {
    // Shared memory: the engine raised KeyboardInterrupt in the program and printed its traceback,
    // the one CPython 3.11 prints for Ctrl-C in this loop.
    assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.replaced), false, 'the engine stopped the program itself');
    assert.equal(text, 'looping\nTraceback (most recent call last):\n  File "main.py", line 2, in <module>\n    while True:\nKeyboardInterrupt\n[the program was stopped]');
  } else {
    assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.replaced), true, 'the worker was replaced');
    assert.match(text, /^looping\nKeyboardInterrupt$/m, `the terminal says the program was interrupted:\n${text}`);
  }
  assert.match(await page.getByLabel('Last run:').textContent(), /^stopped after \d+\.\d\d s$/);
  // The replacement worker's ready message must not hide that the run was stopped.
  await page.waitForTimeout(300);
  assert.match(await page.locator('#status').textContent(), /^Stopped after \d+\.\d\d s\.$/);
}

// The next run after a stop works and prints what it should.
async function runAgain(page, runsBefore) {
  await setDoc(page, 'print("again", 6 * 7)\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(page, runsBefore + 1);
  assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.status), 0);
  assert.equal(await terminalText(page), 'again 42');
  assert.match(await page.getByLabel('Last run:').textContent(), /^ran in \d+\.\d\d s$/);
}

test('Stop button ends while True: pass within half a second; KeyboardInterrupt; the next run works', async () => {
  const { page, errors } = await openPage();
  const wasmFetches = [];
  page.on('request', (request) => { if (request.url().endsWith('/anole.wasm')) wasmFetches.push(request.url()); });
  assert.equal(await page.getByLabel('Last run:').textContent(), 'none yet');
  await stopEndlessLoop(page, 0, () => page.getByRole('button', { name: 'Stop' }).click());
  await runAgain(page, 1);
  // Twice in a row: each stop replaces the worker, and the replacement works as well.
  await stopEndlessLoop(page, 2, () => page.getByRole('button', { name: 'Stop' }).click());
  await runAgain(page, 3);
  // The page compiled the .wasm once (before this listener, at load); the replacement workers got
  // the compiled module and fetched nothing.
  assert.deepEqual(wasmFetches, [], 'no worker fetched the .wasm again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Ctrl-C in the terminal stops a running program; the Stop button works from the keyboard', async () => {
  const { page, errors } = await openPage();
  await stopEndlessLoop(page, 0, async () => {
    await page.locator('#terminal').click();
    await page.keyboard.press('Control+c');
  });
  await runAgain(page, 1);
  // Keyboard only: focus Stop with Tab from Run, press Enter.
  await setDoc(page, 'while True:\n    pass\n');
  await page.getByRole('button', { name: 'Run' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('stop').getAttribute('aria-disabled') === 'false');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'stop');
  await page.keyboard.press('Enter');
  await waitForRuns(page, 3);
  assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.stopped), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Examples menu lists examples/*.py, loads them, keeps your code, and each runs like CPython', async () => {
  const { page, errors } = await openPage();
  const files = readdirSync(examplesDir).filter((name) => name.endsWith('.py'));
  const select = page.getByRole('combobox', { name: 'Examples' });
  const options = await select.locator('option').evaluateAll((elements) => elements.map((element) => element.value));
  assert.deepEqual([...options].sort(), [...files].sort(), 'one option per example file');
  assert.equal(await select.inputValue(), 'fahrenheit.py');

  // Your code is saved before an example replaces it, and can be brought back.
  await setDoc(page, 'print("my own code")\n');
  await select.selectOption('mean.py');
  assert.equal(await doc(page), readFileSync(path.join(examplesDir, 'mean.py'), 'utf8'));
  await select.selectOption('');
  assert.equal(await doc(page), 'print("my own code")\n', 'the saved code comes back');

  let runs = 0;
  for (const name of files) {
    await select.selectOption(name);
    const source = readFileSync(path.join(examplesDir, name), 'utf8');
    assert.equal(await doc(page), source, `${name} is in the editor`);
    assert.match(source, /^# /, `${name} starts with a comment line`);
    await page.getByRole('button', { name: 'Run' }).click();
    await waitForRuns(page, ++runs);
    assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.status), 0, `${name} ran without an exception`);
    const expected = spawnSync('python3', [path.join(examplesDir, name)], { encoding: 'utf8' }).stdout;
    assert.equal(await terminalText(page), expected.replace(/\n+$/, ''), `${name} prints what CPython prints`);
    assert.ok(await page.locator('.anole-span').count() > 0, `${name} is colored`);
  }

  // The choice and the code survive a reload.
  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.equal(await page.getByRole('combobox', { name: 'Examples' }).inputValue(), files[files.length - 1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Share puts the code in the URL, the link loads it, a broken link shows an error, Reset restores the example', async () => {
  const { page, errors } = await openPage();
  const program = 'print("shared ✓", 1 + 2)  # héllo\n';
  await setDoc(page, program);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForFunction(() => /#code=/.test(location.href));
  const link = await page.evaluate(() => location.href);
  const encoded = new URL(link).hash.slice('#code='.length);
  assert.match(encoded, /^[A-Za-z0-9_-]+$/, 'base64url without padding');
  // The hash is base64url(deflate-raw(UTF-8)), the same as Node's zlib makes.
  const fromNode = deflateRawSync(Buffer.from(program, 'utf8')).toString('base64url');
  assert.equal(Buffer.from(encoded, 'base64url').length > 0, true);
  const inflated = (await import('node:zlib')).inflateRawSync(Buffer.from(encoded, 'base64url')).toString('utf8');
  assert.equal(inflated, program);
  // The link is shown as text (the headless page may or may not have a clipboard).
  await page.waitForSelector('#notice:not([hidden])');
  assert.equal(await page.locator('#share-link').textContent(), link);
  await page.close();

  // A fresh page opened with the link shows the program.
  const opened = await openPage(link);
  await opened.page.waitForFunction(() => window.anolePlayground.hashLoads >= 1);
  assert.equal(await doc(opened.page), program);
  await opened.page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(opened.page, 1);
  assert.equal(await terminalText(opened.page), 'shared ✓ 3');
  // A link made by zlib loads too.
  // (Through an empty hash first: zlib may make the very same link, and an unchanged hash would
  // not fire hashchange.)
  await setDoc(opened.page, '');
  await opened.page.evaluate(() => { location.hash = ''; });
  await opened.page.evaluate((hash) => { location.hash = hash; }, `code=${fromNode}`);
  await opened.page.waitForFunction(() => window.anolePlayground.hashLoads >= 2);
  assert.equal(await doc(opened.page), program);

  // Reset puts the selected example back.
  await opened.page.getByRole('button', { name: 'Reset' }).click();
  assert.equal(await doc(opened.page), readFileSync(path.join(examplesDir, 'fahrenheit.py'), 'utf8'));

  // A broken hash keeps the code and says what is wrong, as text.
  await setDoc(opened.page, 'print("keep me")\n');
  for (const [index, bad] of ['code=!!!notbase64', 'code=AAAA', `code=${Buffer.from([0xff, 0xfe]).toString('base64url')}`].entries()) {
    await opened.page.evaluate((hash) => { location.hash = hash; }, bad);
    await opened.page.waitForFunction((n) => window.anolePlayground.hashLoads >= n, 3 + index);
    assert.equal(await doc(opened.page), 'print("keep me")\n', `${bad} keeps the current code`);
    const alert = opened.page.getByRole('alert');
    assert.match(await alert.textContent(), /could not be loaded/);
  }
  // Messages are text, never markup.
  assert.equal(await opened.page.locator('#notice *:not(#notice-text):not(#share-link)').count(), 0);
  assert.deepEqual([...errors, ...opened.errors], []);
  await opened.page.close();
});

test('the new controls are reachable by Tab in order and fit a phone screen', async () => {
  const { page } = await openPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => document.activeElement?.blur());
  const order = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id));
  }
  // Stop is aria-disabled (still focusable) between runs.
  assert.deepEqual(order, ['run', 'stop', 'examples', 'reset', 'share']);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'examples');
  // Keyboard-only choice of an example.
  await page.keyboard.press('ArrowDown');
  const chosen = await page.evaluate(() => document.getElementById('examples').value);
  assert.notEqual(chosen, 'fahrenheit.py');
  assert.equal(await doc(page), readFileSync(path.join(examplesDir, chosen), 'utf8'));
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(layout.scrollWidth <= layout.clientWidth, `horizontal scroll: ${layout.scrollWidth} > ${layout.clientWidth}`);
  await page.close();
});
