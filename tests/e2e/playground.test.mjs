// End-to-end test of the playground: the bundle in build/web served by web/serve.mjs, driven in
// headless Chromium through playwright-core. Needs `./build.sh web` (or `./build.sh test`) first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { launchPlayground, openFreshPage, root } from './browser.mjs';

const examplePath = path.join(process.env.ANOLE_EXAMPLES_DIR ?? path.join(root, 'examples'), 'fahrenheit.py');

let server;
let url;
let context;
let close;

before(async () => ({ server, url, context, close } = await launchPlayground('anole-e2e-')));
after(() => close?.());

// Opens the page with a clean localStorage, so the editor starts with examples/fahrenheit.py.
const openPage = (viewport) => openFreshPage(context, url, viewport);

async function waitForRuns(page, count) {
  await page.waitForFunction((n) => window.anolePlayground.runs >= n, count, { timeout: 30_000 });
}

// Parses 'rgb(r, g, b)' into numbers.
function rgb(color) {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  assert.ok(match, `not an rgb color: ${color}`);
  return match.slice(1, 4).map(Number);
}

// The marks whose text covers needle: [{text, background}].
async function marksOver(page, needle) {
  const marks = await page.$$eval('.anole-span', (elements) =>
    elements.map((element) => ({ text: element.textContent, background: getComputedStyle(element).backgroundColor })));
  return marks.filter((mark) => mark.text.length > 0 && needle.includes(mark.text));
}

test('run shows output, colors the source, reruns with Ctrl-Enter, clears marks on edit', async () => {
  const { page, errors } = await openPage();
  const source = await page.evaluate(() => window.anolePlayground.editor.state.doc.toString());
  assert.match(source, /return \(f - 32\) \* 5 \/ 9/);
  assert.match(source, /return \(f - 32\.0\) \* \(5 \/ 9\)/);

  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(page, 1);
  const result = await page.evaluate(() => window.anolePlayground.lastResult);
  assert.equal(result.status, 0, `the example ended with status ${result.status}`);
  const terminalText = await page.evaluate(() => window.anolePlayground.terminalText());
  // The terminal shows what the native CLI prints for the same program.
  const expected = spawnSync(path.join(root, 'build', 'anole'), [examplePath], { encoding: 'utf8' }).stdout;
  assert.ok(expected.trim().length > 0, 'build/anole prints something for the example');
  assert.equal(terminalText, expected.replace(/\n+$/, ''), 'the terminal shows the program output');

  // `f - 32` (int minus int constant on a float argument) stays adaptive: red-ish.
  // `f - 32.0` specializes: green-ish.
  const offsets = await page.evaluate(() => {
    const text = window.anolePlayground.editor.state.doc.toString();
    const intAt = text.indexOf('f - 32)');
    const floatAt = text.indexOf('f - 32.0');
    return { intAt, floatAt };
  });
  assert.ok(offsets.intAt >= 0 && offsets.floatAt >= 0);
  const chunks = result.report.chunks;
  const chunkAt = (offset) => chunks.find((chunk) => chunk.from <= offset && offset < chunk.to);
  const [ir, ig] = rgb(hexToRgb(chunkAt(offsets.intAt + 2).color));
  assert.ok(ir > 200 && ig < 120, `f - 32 should be red-ish, got ${chunkAt(offsets.intAt + 2).color}`);
  const [fr, fg] = rgb(hexToRgb(chunkAt(offsets.floatAt + 2).color));
  assert.ok(fg > 200 && fr < 120, `f - 32.0 should be green-ish, got ${chunkAt(offsets.floatAt + 2).color}`);

  // The same colors are on the page, as .anole-span marks.
  const redMarks = (await marksOver(page, 'f - 32)')).filter((mark) => {
    const [r, g] = rgb(mark.background);
    return r > 200 && g < 120;
  });
  assert.ok(redMarks.length > 0, 'a red-ish mark over f - 32');
  const greenMarks = (await marksOver(page, 'f - 32.0')).filter((mark) => {
    const [r, g] = rgb(mark.background);
    return g > 200 && r < 120;
  });
  assert.ok(greenMarks.length > 0, 'a green-ish mark over f - 32.0');
  const title = await page.$eval('.anole-span', (element) => element.getAttribute('data-counts'));
  assert.match(title, /specialized \d+, adaptive \d+, unquickened \d+/);

  // Ctrl-Enter in the editor runs again.
  await page.click('.cm-content');
  await page.keyboard.press('Control+Enter');
  await waitForRuns(page, 2);
  assert.ok(await page.locator('.anole-span').count() > 0, 'marks are back after the second run');
  assert.equal(await page.evaluate(() => window.anolePlayground.editor.state.doc.toString()), source,
    'Ctrl-Enter must not insert a line');

  // Typing clears the marks, and the text is kept in localStorage.
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nprint("edited")\n');
  assert.equal(await page.locator('.anole-span').count(), 0, 'editing clears the marks');
  await page.reload();
  await page.waitForSelector('.cm-content');
  const reloaded = await page.evaluate(() => window.anolePlayground.editor.state.doc.toString());
  assert.match(reloaded, /print\("edited"\)/, 'the edited text survives a reload');

  assert.deepEqual(errors, []);
  await page.close();
});

test('stderr shows in the terminal and the Run button is reachable by keyboard', async () => {
  const { page } = await openPage();
  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'print("before")\n1 / 0\n' } });
  });
  // Focus starts on the page; Tab reaches the Run button first.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'run');
  await page.keyboard.press('Enter');
  await waitForRuns(page, 1);
  const result = await page.evaluate(() => window.anolePlayground.lastResult);
  assert.equal(result.status, 1);
  const text = await page.evaluate(() => window.anolePlayground.terminalText());
  assert.match(text, /before/);
  assert.match(text, /ZeroDivisionError/);
  // stderr is red in the terminal (xterm.js draws its rows asynchronously, so wait for them).
  const redRow = await page.waitForFunction(() => [...document.querySelectorAll('.xterm-rows span')].some((span) =>
    span.textContent.includes('ZeroDivisionError') && /rgb\(\s*2\d\d,/.test(getComputedStyle(span).color)),
  null, { timeout: 5000 }).then(() => true, () => false);
  assert.ok(redRow, 'the traceback is red');

  // In the editor Tab indents; Escape then Tab moves focus out of it.
  await page.click('.cm-content');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null), true,
    'Escape then Tab leaves the editor');
  await page.close();
});

test('Stop ends an endless program and the next run works', async () => {
  const { page } = await openPage();
  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'print("looping")\nwhile True:\n    pass\n' } });
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction(() => window.anolePlayground.terminalText().includes('looping'), null, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitForRuns(page, 1);
  assert.equal(await page.evaluate(() => window.anolePlayground.lastResult.stopped), true);
  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'print("again")\n' } });
  });
  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(page, 2);
  assert.match(await page.evaluate(() => window.anolePlayground.terminalText()), /again/);
  await page.close();
});

test('phone-width screen: no horizontal scroll, editor above terminal, screenshot', async () => {
  const { page } = await openPage({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(page, 1);
  const layout = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    editorBottom: document.getElementById('editor').getBoundingClientRect().bottom,
    terminalTop: document.getElementById('terminal').getBoundingClientRect().top,
  }));
  assert.ok(layout.scrollWidth <= layout.clientWidth, `horizontal scroll: ${layout.scrollWidth} > ${layout.clientWidth}`);
  assert.ok(layout.editorBottom <= layout.terminalTop, 'the editor is above the terminal');
  mkdirSync(path.join(root, 'build'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'build', 'screenshot-phone.png') });
  await page.close();

  // The wide screenshot, for the README.
  const wide = await openPage({ width: 1280, height: 720 });
  await wide.page.getByRole('button', { name: 'Run' }).click();
  await waitForRuns(wide.page, 1);
  await wide.page.screenshot({ path: path.join(root, 'build', 'screenshot.png') });
  await wide.page.close();
});

function hexToRgb(hex) {
  const value = parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}
