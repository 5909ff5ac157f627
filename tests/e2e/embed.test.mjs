// End-to-end tests of the Content-Security-Policy, the embedding for tutorial pages (web/embed.js,
// build/web/embed.html), the themes and input(). Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../web/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let isolated;
let plain;
let context;
let profileDir;

before(async () => {
  assert.ok(existsSync(path.join(root, 'build/web/embed.html')), 'build/web/embed.html is missing: run ./build.sh web');
  isolated = await startServer({ port: 0 });
  // Plain static hosting: no COOP/COEP, so no SharedArrayBuffer.
  plain = await startServer({ port: 0, isolation: false });
  profileDir = mkdtempSync(path.join(tmpdir(), 'anole-e2e-embed-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await context?.close();
  isolated?.server.close();
  plain?.server.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

// Opens a page and collects page errors, console errors and CSP violations.
async function open(url, { colorScheme } = {}) {
  const page = await context.newPage();
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const response = await page.goto(url);
  return { page, problems, response };
}

function rgb(color) {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  assert.ok(match, `not an rgb color: ${color}`);
  return match.slice(1, 4).map(Number);
}

test('the server sends a CSP without unsafe-eval, and the playground runs under it without errors', async () => {
  const { page, problems, response } = await open(isolated.url);
  const csp = response.headers()['content-security-policy'];
  assert.ok(csp, 'no Content-Security-Policy header');
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(response.headers()['cross-origin-embedder-policy'], 'require-corp');
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Ready.', null, { timeout: 30_000 });
  await page.evaluate(() => {
    const { editor } = window.anolePlayground;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: 'x = 2.5\nfor i in range(20):\n    x = x * 1.0\nprint("ok", x)\n' } });
  });
  await page.click('#run');
  await page.waitForFunction(() => window.anolePlayground.runs >= 1, null, { timeout: 30_000 });
  assert.match(await page.evaluate(() => window.anolePlayground.terminalText()), /ok 2\.5/);
  assert.ok((await page.$$('.anole-span')).length > 0, 'no overlay marks under the CSP');
  const unexpected = [...problems];
  // The policy is really in force: an inline script the page adds is refused.
  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.inlineScriptRan === true;
  });
  assert.equal(inlineRan, false, 'an inline script ran: the CSP is not enforced');
  assert.deepEqual(unexpected, []);
  await page.close();
});

test('embed.js turns each pre.anole block into an editor that runs and colors, on plain static hosting', async () => {
  const { page, problems, response } = await open(plain.url + 'embed.html');
  assert.equal(response.headers()['cross-origin-embedder-policy'], undefined);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), false);
  await page.waitForSelector('.anole-embed .cm-content');
  const blocks = page.locator('.anole-embed');
  assert.equal(await blocks.count(), 2);
  assert.equal(await page.locator('pre.anole').count(), 0, 'the original blocks remain');
  // The host page's own text is untouched.
  assert.match(await page.locator('main > p').first().textContent(), /CPython 3\.11 watches each instruction/);
  assert.equal(await page.locator('h1').textContent(), 'Why f - 32.0 is faster than f - 32');

  const first = blocks.nth(0);
  const second = blocks.nth(1);
  assert.match(await first.locator('.cm-content').textContent(), /return \(f - 32\) \* 5 \/ 9/);
  await first.getByRole('button', { name: 'Run' }).click();
  await second.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.anole-embed')].every((block) => block.dataset.runs === '1'), null, { timeout: 30_000 });
  const expected = String(Math.round([...Array(1000).keys()].reduce((sum, i) => sum + (i - 32) * 5 / 9, 0) * 100) / 100);
  assert.equal((await first.locator('.anole-embed-output').textContent()).trim(), expected);
  assert.equal((await second.locator('.anole-embed-output').textContent()).trim(), expected);

  // The overlay: f - 32 is red or orange (float - int never specializes; the block's chunk mixes
  // in the specialized LOAD_FAST), f - 32.0 is green.
  const marks = async (block, needle) => {
    const found = await block.locator('.anole-span').evaluateAll((elements) =>
      elements.map((element) => ({ text: element.textContent, background: getComputedStyle(element).backgroundColor })));
    return found.filter((mark) => mark.text.includes(needle));
  };
  const red = await marks(first, '32');
  assert.ok(red.length > 0, 'no mark over f - 32');
  for (const mark of red) {
    const [r, g] = rgb(mark.background);
    assert.ok(r > 200 && g < 200, `f - 32 is not red: ${mark.background}`);
  }
  const green = await marks(second, '32.0');
  assert.ok(green.length > 0, 'no mark over f - 32.0');
  for (const mark of green) {
    const [r, g] = rgb(mark.background);
    assert.ok(g > 200 && r < 80, `f - 32.0 is not green: ${mark.background}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

// Puts source in the playground's editor, runs it and waits for the run to end.
async function runInPlayground(page, source) {
  const before = await page.evaluate(() => window.anolePlayground.runs);
  await page.evaluate((text) => {
    const { editor } = window.anolePlayground;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  }, source);
  await page.click('#run');
  await page.waitForFunction((n) => window.anolePlayground.runs > n, before, { timeout: 30_000 });
}

const FLOAT_PROGRAM = 'def f2c(f):\n    return (f - 32.0) * (5 / 9)\n\nt = 0.0\nfor i in range(100):\n    t += f2c(float(i))\nprint(round(t, 2))\n';

test('themes: dark follows prefers-color-scheme, the Theme menu overrides it and is remembered; the blue palette', async () => {
  const { page, problems } = await open(isolated.url, { colorScheme: 'dark' });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  const bodyColor = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const luminance = (color) => rgb(color).reduce((sum, channel) => sum + channel, 0) / 3;
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.ok(luminance(await bodyColor()) < 60, `dark page background expected, got ${await bodyColor()}`);
  const editorBackground = await page.evaluate(() => getComputedStyle(document.querySelector('.cm-editor')).backgroundColor);
  assert.ok(luminance(editorBackground) < 60, `dark editor expected, got ${editorBackground}`);

  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('light');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.ok(luminance(await bodyColor()) > 200, `light page background expected, got ${await bodyColor()}`);
  await page.reload();
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the choice was not remembered');
  assert.equal(await page.getByRole('combobox', { name: 'Theme' }).inputValue(), 'light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');

  // Standard palette: f - 32.0 is green; the blue palette makes it blue, legend included.
  await runInPlayground(page, FLOAT_PROGRAM);
  const specializedMarks = () => page.$$eval('.anole-span', (elements) => elements
    .filter((element) => element.textContent.includes('32.0'))
    .map((element) => getComputedStyle(element).backgroundColor));
  for (const color of await specializedMarks()) {
    const [r, g, b] = rgb(color);
    assert.ok(g > 200 && r < 80 && b < 80, `standard palette: expected green, got ${color}`);
  }
  await page.getByRole('combobox', { name: 'Colors' }).selectOption('blue');
  await runInPlayground(page, FLOAT_PROGRAM);
  const blue = await specializedMarks();
  assert.ok(blue.length > 0);
  for (const color of blue) {
    const [r, g, b] = rgb(color);
    assert.ok(b > 200 && r < 160 && g < 160, `blue palette: expected blue, got ${color}`);
  }
  // Switching the palette recolors the marks on the page at once.
  await page.getByRole('combobox', { name: 'Colors' }).selectOption('standard');
  for (const color of await specializedMarks()) {
    const [r, g, b] = rgb(color);
    assert.ok(g > 200 && r < 80 && b < 80, `back to the standard palette: expected green, got ${color}`);
  }
  await page.getByRole('combobox', { name: 'Colors' }).selectOption('blue');
  for (const color of await specializedMarks()) assert.ok(rgb(color)[2] > 200, `blue again: ${color}`);
  const swatch = await page.$eval('.legend li:nth-child(1) .swatch', (element) => getComputedStyle(element).backgroundColor);
  assert.deepEqual(rgb(swatch), [128, 128, 255]);
  await page.reload();
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.palette), 'blue');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await page.close();
});

test('embed.js leaves the host page alone: no theme attributes on <html>, dark blocks in a dark scheme', async () => {
  const { page, problems } = await open(plain.url + 'embed.html', { colorScheme: 'dark' });
  await page.waitForSelector('.anole-embed .cm-content');
  assert.deepEqual(await page.evaluate(() => ({ ...document.documentElement.dataset })), {});
  const background = await page.$eval('.anole-embed', (element) => getComputedStyle(element).backgroundColor);
  assert.ok(rgb(background).every((channel) => channel < 60), `dark block expected, got ${background}`);
  assert.deepEqual(problems, []);
  await page.close();
});

// input(): the prompt shows in the terminal and the learner types the answer there.
async function inputRoundTrip(server, { expectIsolated }) {
  const { page, problems } = await open(server.url);
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), expectIsolated);
  const terminalText = () => page.evaluate(() => window.anolePlayground.terminalText());
  const before = await page.evaluate(() => window.anolePlayground.runs);
  await page.evaluate(() => {
    const { editor } = window.anolePlayground;
    const source = 'print("start")\nname = input("Name? ")\nprint("Hi", name)\nage = input("Age? ")\nprint(name, "is", int(age) + 1, "next year")\n';
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: source } });
  });
  await page.click('#run');
  await page.waitForFunction(() => window.anolePlayground.terminalText().trimEnd().endsWith('Name?'), null, { timeout: 30_000 });
  // The run waits; nothing else happens meanwhile (no hang of the page: it still answers).
  await page.waitForTimeout(300);
  assert.equal((await terminalText()).trimEnd(), 'start\nName?');
  assert.equal(await page.evaluate(() => window.anolePlayground.runs), before);
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.anolePlayground.terminalText().trimEnd().endsWith('Age?'), null, { timeout: 30_000 });
  await page.keyboard.type('36');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.anolePlayground.runs > n, before, { timeout: 30_000 });
  assert.equal(await terminalText(), 'start\nName? Ada\nHi Ada\nAge? 36\nAda is 37 next year');
  assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.status), 0);
  assert.ok(await page.evaluate(() => Array.isArray(window.anolePlayground.lastResult.report?.chunks)), 'no report after a run with input()');

  // Stop while input() waits ends the run; the next run works.
  const stopped = await page.evaluate(() => window.anolePlayground.runs);
  await page.evaluate(() => {
    const { editor } = window.anolePlayground;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: 'x = input("? ")\nprint(x)\n' } });
  });
  await page.click('#run');
  await page.waitForFunction(() => window.anolePlayground.terminalText().trimEnd().endsWith('?'), null, { timeout: 30_000 });
  await page.click('#stop');
  await page.waitForFunction((n) => window.anolePlayground.runs > n, stopped, { timeout: 30_000 });
  assert.match(await terminalText(), /KeyboardInterrupt/);
  await page.click('#run');
  await page.waitForFunction(() => window.anolePlayground.terminalText().trimEnd() === '?', null, { timeout: 30_000 });
  await page.keyboard.type('again');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.anolePlayground.runs > n + 1, stopped, { timeout: 30_000 });
  assert.equal(await terminalText(), '? again\nagain');
  assert.deepEqual(problems, []);
  await page.close();
}

test('input(): blocking round trip through a SharedArrayBuffer when the page is cross-origin isolated', async () => {
  await inputRoundTrip(isolated, { expectIsolated: true });
});

test('input(): without cross-origin isolation the page asks in the terminal and replays the program, no hang', async () => {
  await inputRoundTrip(plain, { expectIsolated: false });
});

test('embed.js: input() asks in a field under the block (plain hosting: the program is replayed)', async () => {
  const pageUrl = plain.url + 'lesson-with-input.html';
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route(pageUrl, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Input lesson</title>'
      + '<script type="module" src="embed.js"></script></head><body><p>Say hello:</p>'
      + '<pre class="anole">name = input("Name? ")\nprint("Hi", name)</pre></body></html>',
  }));
  await page.goto(pageUrl);
  await page.waitForSelector('.anole-embed .cm-content');
  await page.getByRole('button', { name: 'Run' }).click();
  const field = page.getByRole('textbox', { name: 'Input for the program' });
  await field.waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await page.locator('.anole-embed-output').textContent(), 'Name? ');
  await field.fill('Ada');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('.anole-embed').dataset.runs === '1', null, { timeout: 30_000 });
  assert.equal(await page.locator('.anole-embed-output').textContent(), 'Name? Ada\nHi Ada\n');
  assert.equal(await field.isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});
