// End-to-end tests of reading the colors: the hover/cursor tooltip with failure explanations, the
// bytecode and statistics panes, the "nothing got warm" notice, and errors (red traceback, frame
// links, the failing span underlined). Needs `./build.sh web` first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchPlayground, openFreshPage, root } from './browser.mjs';


// The Fahrenheit conversion with an int constant on float arguments: `f - 32` stays adaptive with
// SUBTRACT_DIFFERENT_TYPES, `f - 32.0` specializes.
const WARM = `def mixed(f):
    return (f - 32) * 5 / 9

def same(f):
    return (f - 32.0) * (5 / 9)

total = 0.0
for i in range(100):
    total += mixed(i * 1.5) + same(i * 1.5)
print(round(total, 3))
`;

let server;
let url;
let context;
let close;

before(async () => ({ server, url, context, close } = await launchPlayground('anole-e2e-colors-')));
after(() => close?.());

const openPage = (viewport) => openFreshPage(context, url, viewport);

// Puts source in the editor, runs it and waits for the run to end.
async function runSource(page, source) {
  const before = await page.evaluate(() => window.anolePlayground.runs);
  await page.evaluate((text) => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, source);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForFunction((n) => window.anolePlayground.runs > n, before, { timeout: 30_000 });
  return page.evaluate(() => window.anolePlayground.lastResult);
}

// The screen point in the middle of the character at the first occurrence of needle (+ delta).
async function pointAt(page, needle, delta = 0) {
  return page.evaluate(([text, extra]) => {
    const view = window.anolePlayground.editor;
    const offset = view.state.doc.toString().indexOf(text) + extra;
    const start = view.coordsAtPos(offset);
    const end = view.coordsAtPos(offset + 1);
    return { x: (start.left + end.left) / 2, y: (start.top + start.bottom) / 2, offset };
  }, [needle, delta]);
}

test('hovering a red span lists its instructions and explains the failure in plain words', async () => {
  const { page, errors } = await openPage();
  const result = await runSource(page, WARM);
  assert.equal(result.status, 0);
  const point = await pointAt(page, 'f - 32)', 2);
  await page.mouse.move(point.x, point.y);
  const tip = page.locator('.anole-tip');
  await tip.waitFor({ timeout: 5000 });
  const text = await tip.textContent();
  assert.match(text, /BINARY_OP/);
  // No native title tooltip on the marks to cover this one.
  assert.equal(await page.locator('.anole-span[title]').count(), 0);
  assert.match(text, /adaptive/);
  assert.match(text, /hits \d+ · misses \d+ · deopts \d+/);
  assert.match(text, /the two operands have different types \(e\.g\. float - int\)/);

  // Over the specialized twin, the tooltip says so and gives no failure.
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'detached', timeout: 5000 });
  const green = await pointAt(page, 'f - 32.0', 2);
  await page.mouse.move(green.x, green.y);
  await tip.waitFor({ timeout: 5000 });
  const greenText = await tip.textContent();
  assert.match(greenText, /BINARY_OP_SUBTRACT_FLOAT/);
  assert.match(greenText, /specialized/);
  assert.doesNotMatch(greenText, /Why:/);
  await page.screenshot({ path: path.join(root, 'build', 'screenshot-colors-hover-green.png') });

  // Keyboard users: moving the cursor into the red span with the keyboard shows the same tooltip.
  await page.mouse.move(5, 5);
  await page.evaluate((offset) => {
    const view = window.anolePlayground.editor;
    view.focus();
    view.dispatch({ selection: { anchor: offset - 1 } });
  }, point.offset);
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.anole-tip', { timeout: 5000 });
  const keyboardText = await page.locator('.anole-tip').first().textContent();
  assert.match(keyboardText, /different types/);
  // Screen readers hear it through a live region.
  assert.match(await page.locator('#anole-tip-announcer').textContent(), /BINARY_OP_ADAPTIVE.*different types/);
  // The tooltip text is text, never markup from the report.
  assert.equal(await page.locator('.anole-tip script, .anole-tip img').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('bytecode pane follows the cursor, selecting an instruction highlights its span; stats pane', async () => {
  const { page, errors } = await openPage();
  await runSource(page, WARM);
  // Cursor inside mixed(): the pane shows mixed's instructions, those under the cursor marked.
  const point = await pointAt(page, 'f - 32)', 2);
  await page.evaluate((offset) => {
    const view = window.anolePlayground.editor;
    view.focus();
    view.dispatch({ selection: { anchor: offset } });
  }, point.offset);
  await page.waitForFunction(() => document.getElementById('bytecode-code').textContent === 'mixed');
  const rows = await page.$$eval('#bytecode .bc-row', (items) => items.map((item) => ({
    text: item.textContent, under: item.classList.contains('under-cursor'),
  })));
  assert.ok(rows.length > 3, 'mixed() has instructions');
  assert.ok(rows.some((row) => row.under && /BINARY_OP/.test(row.text)), 'the BINARY_OP under the cursor is marked');
  assert.ok(rows.some((row) => /RETURN_VALUE/.test(row.text)));
  assert.ok(rows.some((row) => /\d+\/\d+/.test(row.text)), 'hits/misses are shown');
  // Arguments come from the engine's adaptive disassembly: BINARY_OP 10 is subtraction.
  assert.ok(rows.some((row) => /BINARY_OP_ADAPTIVE10 \(-\)/.test(row.text)), rows.map((row) => row.text).join('\n'));
  assert.ok(rows.some((row) => /LOAD_CONST\d+ \(32\)/.test(row.text)), 'constants are shown');

  // Cursor in same(): the pane switches function.
  const other = await pointAt(page, 'f - 32.0', 2);
  await page.evaluate((offset) => window.anolePlayground.editor.dispatch({ selection: { anchor: offset } }), other.offset);
  await page.waitForFunction(() => document.getElementById('bytecode-code').textContent === 'same');

  // Clicking an instruction highlights its source span; Enter on a focused row does too.
  const row = page.locator('#bytecode .bc-row', { hasText: 'BINARY_OP_SUBTRACT_FLOAT' });
  await row.click();
  await page.waitForSelector('.anole-picked');
  const picked = await page.$$eval('.anole-picked', (marks) => marks.map((mark) => mark.textContent).join(''));
  assert.equal(picked, 'f - 32.0');
  assert.equal(await row.getAttribute('aria-selected'), 'true');
  const returnRow = page.locator('#bytecode .bc-row', { hasText: 'RETURN_VALUE' });
  await returnRow.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.anole-picked')].map((m) => m.textContent).join('').startsWith('return'));

  // The statistics pane has a row per family, with BINARY_OP's failure kind.
  const stats = await page.$$eval('#stats-body tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(stats.some((text) => /^BINARY_OP/.test(text) && /SUBTRACT_DIFFERENT_TYPES/.test(text)), stats.join('\n'));
  assert.ok(await page.locator('#stats-empty').isHidden());
  assert.deepEqual(errors, []);
  await page.close();
});

test('a run that warms nothing says so', async () => {
  const { page } = await openPage();
  const result = await runSource(page, 'print(1)\n');
  assert.equal(result.status, 0);
  await page.waitForSelector('#notice:not([hidden])');
  assert.match(await page.locator('#notice-text').textContent(), /^Nothing got warm: loop or call it more than 8 times/);
  // A warm run takes the notice away.
  await runSource(page, WARM);
  assert.ok(await page.locator('#notice').isHidden());
  await page.close();
});

test('errors: red traceback, frame links jump to the line, failing span underlined', async () => {
  const { page, errors } = await openPage();
  const source = 'def g(a):\n    return a - "s"\n\nfor i in range(3):\n    pass\nprint(g(3))\n';
  const result = await runSource(page, source);
  assert.equal(result.status, 1);
  // The traceback is written in red (SGR 31) in the terminal, which draws it on a later frame.
  await page.waitForFunction(() => [...document.querySelectorAll('.xterm-rows > div')].some((row) => /TypeError/.test(row.textContent)));
  const redCells = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('.xterm-rows > div')];
    return rows.filter((row) => /TypeError/.test(row.textContent))
      .flatMap((row) => [...row.querySelectorAll('span')].map((span) => span.className));
  });
  assert.ok(redCells.some((name) => /xterm-fg-1\b/.test(name)), `traceback not red: ${redCells}`);
  // Frame links: one per frame in main.py.
  const links = page.locator('#frames .frame-link');
  assert.equal(await links.count(), 2);
  assert.match(await links.nth(1).textContent(), /line 2/);
  await links.nth(1).click();
  const cursorLine = await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  });
  assert.equal(cursorLine, 2);
  // ...at the first non-blank character, and the bytecode pane shows g().
  assert.equal(await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    const head = view.state.selection.main.head;
    return head - view.state.doc.lineAt(head).from;
  }), 4);
  await page.waitForFunction(() => document.getElementById('bytecode-code').textContent === 'g');
  await links.nth(0).click();
  assert.equal(await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  }), 6);
  // The failing expression is underlined.
  const underlined = await page.$$eval('.anole-error', (marks) => marks.map((mark) => mark.textContent).join(''));
  assert.equal(underlined, 'a - "s"');
  const decoration = await page.$eval('.anole-error', (mark) => getComputedStyle(mark).textDecorationLine);
  assert.match(decoration, /underline/);

  // A syntax error is marked where it is.
  const syntax = await runSource(page, 'x = 1\nif x\n    print(x)\n');
  assert.equal(syntax.status, 1);
  await page.waitForSelector('.anole-error');
  const mark = await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    const element = document.querySelector('.anole-error');
    const pos = view.posAtDOM(element);
    return { line: view.state.doc.lineAt(pos).number, text: element.textContent };
  });
  assert.equal(mark.line, 2);
  assert.equal(await page.locator('#frames .frame-link').count(), 1);
  // Editing clears the error mark.
  await page.evaluate(() => {
    const view = window.anolePlayground.editor;
    view.dispatch({ changes: { from: 0, insert: '# ' } });
  });
  assert.equal(await page.locator('.anole-error').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

// The screen rectangle of the first occurrence of needle in the terminal's rows (xterm.js's DOM
// renderer splits a row into spans, so the text is searched across the row's text nodes).
async function terminalTextRect(page, needle) {
  return page.evaluate((text) => {
    for (const row of document.querySelectorAll('#terminal .xterm-rows > div')) {
      const nodes = [];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode);
      const joined = nodes.map((node) => node.data).join('');
      const index = joined.indexOf(text);
      if (index < 0) continue;
      // Maps an offset in the joined text to (node, offset in node).
      const locate = (offset) => {
        for (const node of nodes) {
          if (offset <= node.data.length) return [node, offset];
          offset -= node.data.length;
        }
        return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(index));
      range.setEnd(...locate(index + text.length));
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, left: box.left, width: box.width };
    }
    return null;
  }, needle);
}

const cursorPosition = (page) => page.evaluate(() => {
  const view = window.anolePlayground.editor;
  const head = view.state.selection.main.head;
  const line = view.state.doc.lineAt(head);
  return { line: line.number, column: head - line.from, focused: view.hasFocus };
});

test('traceback lines in the terminal are links: a click moves the editor cursor to that line', async () => {
  const { page, errors } = await openPage();
  const source = 'def g(a):\n    return a - "s"\n\nfor i in range(3):\n    pass\nprint(g(3))\n';
  assert.equal((await runSource(page, source)).status, 1);
  const terminal = page.locator('#terminal .xterm-screen');
  // Start from elsewhere: the cursor at the top, the focus on the Run button.
  await page.evaluate(() => window.anolePlayground.editor.dispatch({ selection: { anchor: 0 } }));
  await page.getByRole('button', { name: 'Run' }).focus();

  // Hovering a frame line shows it as a link (pointer cursor), and a click jumps to line 2.
  const inner = await terminalTextRect(page, 'File "main.py", line 2');
  assert.ok(inner, 'the frame of g() is in the terminal');
  await page.mouse.move(inner.x, inner.y);
  await page.waitForFunction(() => document.querySelector('#terminal .xterm-screen').classList.contains('xterm-cursor-pointer'));
  await page.mouse.click(inner.x, inner.y);
  assert.deepEqual(await cursorPosition(page), { line: 2, column: 4, focused: true });
  await page.waitForFunction(() => document.getElementById('bytecode-code').textContent === 'g');

  // The outer frame's link goes to line 6; its left end is clickable too.
  const outer = await terminalTextRect(page, 'File "main.py", line 6');
  await page.mouse.move(outer.left + 2, outer.y);
  await page.waitForFunction(() => document.querySelector('#terminal .xterm-screen').classList.contains('xterm-cursor-pointer'));
  await page.mouse.click(outer.left + 2, outer.y);
  assert.deepEqual(await cursorPosition(page), { line: 6, column: 0, focused: true });

  // Other traceback lines are not links: no pointer, and a click leaves the cursor where it is.
  const other = await terminalTextRect(page, 'Traceback (most recent call last):');
  await page.mouse.move(other.x, other.y);
  await page.waitForTimeout(200);
  assert.equal(await terminal.evaluate((element) => element.classList.contains('xterm-cursor-pointer')), false);
  await page.mouse.click(other.x, other.y);
  assert.equal((await cursorPosition(page)).line, 6);

  // A syntax error's location line is a link as well.
  assert.equal((await runSource(page, 'x = 1\nif x\n    print(x)\n')).status, 1);
  await page.evaluate(() => window.anolePlayground.editor.dispatch({ selection: { anchor: 0 } }));
  const syntax = await terminalTextRect(page, 'File "main.py", line 2');
  await page.mouse.move(syntax.x, syntax.y);
  await page.waitForFunction(() => document.querySelector('#terminal .xterm-screen').classList.contains('xterm-cursor-pointer'));
  await page.mouse.click(syntax.x, syntax.y);
  assert.deepEqual(await cursorPosition(page), { line: 2, column: 0, focused: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('panes stack at phone width without horizontal scroll; screenshots with a red span hovered', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, errors } = await openPage(viewport);
    await runSource(page, WARM);
    const point = await pointAt(page, 'f - 32)', 2);
    // Moving the cursor updates the bytecode pane without scrolling the page away from the editor.
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.evaluate((offset) => {
      const view = window.anolePlayground.editor;
      view.dispatch({ selection: { anchor: offset } });
    }, point.offset);
    await page.waitForSelector('#bytecode .bc-row.under-cursor');
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not scroll');
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForSelector('.anole-tip');
    const layout = await page.evaluate(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        editor: box('.editor-pane'), terminal: box('.terminal-pane'), bytecode: box('.bytecode-pane'), stats: box('.stats-pane'),
        tip: box('.anole-tip'),
      };
    });
    assert.ok(layout.scrollWidth <= layout.clientWidth, `horizontal scroll at ${viewport.width}: ${layout.scrollWidth} > ${layout.clientWidth}`);
    assert.ok(layout.tip.right <= layout.clientWidth + 1, 'the tooltip fits the window');
    if (viewport.width < 500) {
      assert.ok(layout.terminal.top >= layout.editor.bottom - 1, 'terminal below editor');
      assert.ok(layout.bytecode.top >= layout.terminal.bottom - 1, 'bytecode below terminal');
      assert.ok(layout.stats.top >= layout.bytecode.bottom - 1, 'stats below bytecode');
      assert.ok(layout.bytecode.width <= viewport.width);
    } else {
      assert.ok(layout.bytecode.height > 100, 'the bytecode pane has room');
    }
    await page.screenshot({ path: path.join(root, 'build', `screenshot-colors-${viewport.width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('every failure kind in src/specialize.h has a plain explanation', async () => {
  const { readFileSync } = await import('node:fs');
  const { FAILURE_EXPLANATIONS, explainFailure } = await import('../../web/hover.js');
  const header = readFileSync(path.join(root, 'src', 'specialize.h'), 'utf8');
  const list = header.slice(header.indexOf('#define SPECFAIL_KINDS'), header.indexOf('typedef enum'));
  const kinds = [...list.matchAll(/X\((\w+)\)/g)].map((match) => match[1]).filter((kind) => kind !== 'NONE');
  assert.ok(kinds.length > 50, `found ${kinds.length} kinds`);
  const missing = kinds.filter((kind) => !FAILURE_EXPLANATIONS[kind]);
  assert.deepEqual(missing, []);
  assert.match(explainFailure('SUBTRACT_DIFFERENT_TYPES'), /different types \(e\.g\. float - int\): 3\.11 specializes only int-int and float-float/);
  // Unknown kinds fall back to their raw name.
  assert.equal(explainFailure('SOME_NEW_KIND'), 'SOME_NEW_KIND');
});
