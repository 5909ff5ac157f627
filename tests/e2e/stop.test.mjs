// End-to-end tests of Stop raising KeyboardInterrupt inside the program (cross-origin isolated
// page: the engine polls a SharedArrayBuffer flag), of the fallback that replaces the worker when
// the program does not end by itself, and of Stop without isolation. Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchPlayground } from './browser.mjs';

let isolated;

before(async () => { isolated = await launchPlayground('anole-e2e-stop-', { isolation: true }); });
after(() => isolated?.close());

async function openPage({ url, context }, { expectIsolated }) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => window.anolePlayground !== undefined);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), expectIsolated);
  return { page, errors };
}

const terminalText = (page) => page.evaluate(() => window.anolePlayground.terminalText());
const runs = (page) => page.evaluate(() => window.anolePlayground.runs);
const lastResult = (page) => page.evaluate(() => window.anolePlayground.lastResult);

async function setDoc(page, text) {
  await page.evaluate((insert) => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert } });
  }, text);
}

// Runs source, waits until the terminal shows marker, then calls stop(); resolves with how many
// milliseconds the run took to end after the stop began.
async function runThenStop(page, source, marker, stop) {
  const before = await runs(page);
  await setDoc(page, source);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction((text) => window.anolePlayground.terminalText().includes(text), marker, { timeout: 30_000 });
  const started = Date.now();
  await stop();
  await page.waitForFunction((n) => window.anolePlayground.runs > n, before, { timeout: 30_000 });
  return Date.now() - started;
}

const clickStop = (page) => () => page.getByRole('button', { name: 'Stop' }).click();

async function runAgain(page) {
  const before = await runs(page);
  await setDoc(page, 'print("again", 6 * 7)\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction((n) => window.anolePlayground.runs > n, before, { timeout: 30_000 });
  assert.equal((await lastResult(page)).status, 0);
  assert.equal(await terminalText(page), 'again 42');
}

const CLEANUP = 'print("looping")\ntry:\n    while True: pass\nfinally:\n    print("cleaned up")\n';

test('Stop raises KeyboardInterrupt in the program: finally runs, the traceback is CPython\'s, the next run works', async () => {
  const { page, errors } = await openPage(isolated, { expectIsolated: true });
  const took = await runThenStop(page, CLEANUP, 'looping', clickStop(page));
  assert.ok(took < 500, `stopping took ${took} ms`);
  const result = await lastResult(page);
  assert.equal(result.stopped, true);
  assert.equal(result.replaced, false, 'the engine ended the run, the worker was not replaced');
  assert.equal(result.status, 1, 'the run ended with an uncaught exception');
  assert.equal(await terminalText(page), [
    'looping',
    'cleaned up',
    'Traceback (most recent call last):',
    '  File "main.py", line 3, in <module>',
    '    while True: pass',
    'KeyboardInterrupt',
    '[the program was stopped]',
  ].join('\n'));
  assert.match(await page.locator('#status').textContent(), /^Stopped after \d+\.\d\d s\.$/);
  // The run ended normally, so its report colors the editor and its traceback frame is a link.
  assert.ok(await page.locator('.frame-link').count() > 0, 'the KeyboardInterrupt frame links to the editor');
  await runAgain(page);

  // Ctrl-C in the terminal does the same, and a program may catch KeyboardInterrupt and go on.
  const caught = 'def spin():\n    while True:\n        pass\nprint("spinning")\ntry:\n    spin()\nexcept KeyboardInterrupt:\n    print("caught it")\nprint("went on")\n';
  const tookKeys = await runThenStop(page, caught, 'spinning', async () => {
    await page.locator('#terminal').click();
    await page.keyboard.press('Control+c');
  });
  assert.ok(tookKeys < 500, `stopping with Ctrl-C took ${tookKeys} ms`);
  assert.equal((await lastResult(page)).status, 0, 'the program caught KeyboardInterrupt and ended normally');
  assert.equal((await lastResult(page)).replaced, false);
  assert.equal(await terminalText(page), 'spinning\ncaught it\nwent on\n[the program was stopped]');
  await runAgain(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a program that swallows KeyboardInterrupt is ended by replacing the worker, within half a second', async () => {
  const { page, errors } = await openPage(isolated, { expectIsolated: true });
  const stubborn = 'print("stubborn")\nwhile True:\n    try:\n        while True: pass\n    except KeyboardInterrupt:\n        print("ignored")\n';
  const took = await runThenStop(page, stubborn, 'stubborn', clickStop(page));
  assert.ok(took < 500, `stopping took ${took} ms`);
  // The grace period passed first: the program saw the interrupt (and ignored it).
  assert.ok(took >= 250, `the worker was replaced after only ${took} ms`);
  const result = await lastResult(page);
  assert.equal(result.stopped, true);
  assert.equal(result.replaced, true, 'the worker was replaced');
  assert.equal(await terminalText(page), 'stubborn\nignored\nKeyboardInterrupt\n[the program was stopped]');
  await runAgain(page);

  // A second Stop while the first one waits replaces the worker at once. Both clicks happen in the
  // page in one go, so the time measured is the page's, not the test driver's.
  const twice = await runThenStop(page, stubborn, 'stubborn', () => page.evaluate(() => {
    const stop = document.getElementById('stop');
    stop.click();
    stop.click();
  }));
  assert.ok(twice < 250, `a second Stop took ${twice} ms to end the run`);
  assert.equal((await lastResult(page)).replaced, true);
  await runAgain(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without cross-origin isolation Stop still ends an endless loop (the worker is replaced) and the next run works', async () => {
  const plain = await launchPlayground('anole-e2e-stop-plain-', { isolation: false });
  try {
    const { page, errors } = await openPage(plain, { expectIsolated: false });
    for (let round = 0; round < 2; round++) {
      const took = await runThenStop(page, CLEANUP, 'looping', clickStop(page));
      assert.ok(took < 500, `stopping took ${took} ms`);
      const result = await lastResult(page);
      assert.equal(result.stopped, true);
      assert.equal(result.replaced, true);
      // The program never saw the interrupt: its finally block did not run.
      assert.equal(await terminalText(page), 'looping\nKeyboardInterrupt\n[the program was stopped]');
      await runAgain(page);
    }
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await plain.close();
  }
});
