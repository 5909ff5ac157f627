// End-to-end test of a program that prints without end: the page must stay responsive, Stop
// must end the run quickly, and the output shown is the most recent, with a note of what was
// skipped (web/worker.js outputSender). Before the output was batched and capped, the page froze
// for tens of seconds and the Stop button could not be clicked. Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchPlayground } from './browser.mjs';

let playground;

before(async () => { playground = await launchPlayground('anole-e2e-flood-'); });
after(() => playground?.close());

const FLOOD = 'i = 0\nwhile True:\n    i += 1\n    print("line", i, "x" * 60)\n';

test('a print loop leaves the page responsive; Stop ends it; the next run works', async () => {
  const page = await playground.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(playground.url);
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  await page.waitForSelector('button:has-text("Run"):not([disabled])');
  const setDoc = (text) => page.evaluate((insert) => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert } });
  }, text);
  await setDoc(FLOOD);
  const runsBefore = await page.evaluate(() => window.anolePlayground.runs);
  await page.getByRole('button', { name: 'Run' }).click();
  // Some line past the thousandth: which ones are shown depends on how fast the engine prints,
  // since the page skips what it cannot keep up with (line 1000 itself may be skipped).
  await page.waitForFunction(() => /line \d{4,} /.test(window.anolePlayground.terminalText()), null, { timeout: 30_000 });
  await page.waitForTimeout(2000);

  // The page answers at once while the flood goes on.
  const asked = Date.now();
  assert.equal(await page.evaluate(() => 6 * 7), 42);
  const answered = Date.now() - asked;
  assert.ok(answered < 1000, `the page took ${answered} ms to answer during the flood`);

  const stopped = Date.now();
  await page.getByRole('button', { name: 'Stop' }).click({ timeout: 5000 });
  await page.waitForFunction((n) => window.anolePlayground.runs > n, runsBefore, { timeout: 10_000 });
  const took = Date.now() - stopped;
  assert.ok(took < 2000, `Stop took ${took} ms`);
  const text = await page.evaluate(() => window.anolePlayground.terminalText());
  assert.match(text, /characters of output skipped: the program prints faster than the page can show/);
  assert.match(text, /KeyboardInterrupt/);

  await setDoc('print("after the flood")\n');
  const runsNow = await page.evaluate(() => window.anolePlayground.runs);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction((n) => window.anolePlayground.runs > n, runsNow, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => window.anolePlayground.terminalText()), 'after the flood');
  assert.deepEqual(errors, []);
});
