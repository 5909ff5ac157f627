// The JS API (web/anole.mjs) over the wasm build: needs `./build.sh wasm` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createAnole } from '../../web/anole.mjs';
import { fahrenheitPath, runCli } from './helpers.mjs';

const engine = await createAnole();

test('run returns the output and a report with chunks', async () => {
  const source = readFileSync(fahrenheitPath, 'utf8');
  const streamed = [];
  const result = await engine.run(source, 'fahrenheit.py', { onStdout: (text) => streamed.push(text) });
  assert.equal(result.crashed, null);
  assert.equal(result.status, 0, result.stderr);
  assert.ok(result.stdout.length > 0, 'the example prints something');
  assert.equal(streamed.join(''), result.stdout, 'onStdout receives exactly the output');
  assert.equal(result.stderr, '');

  const report = result.report;
  assert.equal(report.version, 1);
  assert.equal(report.file, 'fahrenheit.py');
  assert.equal(report.error, null);
  assert.ok(Array.isArray(report.chunks) && report.chunks.length > 0, 'the report has chunks');
  let previousEnd = 0;
  for (const chunk of report.chunks) {
    assert.ok(chunk.from >= previousEnd && chunk.from < chunk.to && chunk.to <= source.length, JSON.stringify(chunk));
    assert.match(chunk.color, /^#[0-9a-f]{6}$/);
    assert.ok(chunk.specialized + chunk.adaptive > 0);
    previousEnd = chunk.to;
  }
  // The report describes the same text the editor would show: `f - 32` is adaptive (red) and
  // `f - 32.0` specialized (green), as in CPython 3.11.
  const chunkAt = (offset) => report.chunks.find((chunk) => chunk.from <= offset && offset < chunk.to);
  const intChunk = chunkAt(source.indexOf('f - 32)') + 2);
  const floatChunk = chunkAt(source.indexOf('f - 32.0') + 2);
  assert.ok(intChunk && intChunk.adaptive > 0 && intChunk.specialized === 0, JSON.stringify(intChunk));
  assert.ok(floatChunk && floatChunk.specialized > 0 && floatChunk.adaptive === 0, JSON.stringify(floatChunk));

  assert.deepEqual(engine.report(), report);
  assert.ok(engine.specialistAnsi().includes('\x1b['), 'the ANSI rendering has escape codes');
  assert.match(engine.html(), /<html|<!doctype/i);
  assert.ok(engine.dis().length > 0);
  assert.ok(engine.stats().length > 0);
});

test('the API output equals the native CLI output', async () => {
  const source = readFileSync(fahrenheitPath);
  const result = await engine.run(source, fahrenheitPath);
  const native = runCli('native', [fahrenheitPath]);
  assert.equal(result.stdout, native.stdout.toString('utf8'));
  assert.equal(result.status, native.status);
});

test('an uncaught exception gives status 1, a traceback on stderr and the error in the report', async () => {
  const source = 'print("before")\ndef f(x):\n    return 1 / x\nf(0)\n';
  const result = await engine.run(source, 'boom.py');
  assert.equal(result.status, 1);
  assert.equal(result.stdout, 'before\n');
  assert.match(result.stderr, /^Traceback \(most recent call last\):\n/);
  assert.match(result.stderr, /ZeroDivisionError: division by zero\n$/);
  assert.equal(result.report.error.type, 'ZeroDivisionError');
});

test('a syntax error gives status 1', async () => {
  const result = await engine.run('def (:\n', 'bad.py');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /SyntaxError/);
});

test('each run starts from a fresh namespace', async () => {
  assert.equal((await engine.run('x = 1\n', 'a.py')).status, 0);
  const result = await engine.run('print(x)\n', 'b.py');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /NameError: name 'x' is not defined/);
});

test('offsets are UTF-16 and output decodes across writes', async () => {
  const source = 's = "é🐍"\nprint(s)\nfor i in range(100):\n    t = s + s\n';
  const result = await engine.run(source, 'u.py');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, 'é🐍\n');
  for (const chunk of result.report.chunks) assert.ok(chunk.to <= source.length);
});

test('specialize: false never quickens', async () => {
  const source = readFileSync(fahrenheitPath, 'utf8');
  const result = await engine.run(source, 'fahrenheit.py', { specialize: false });
  assert.equal(result.status, 0);
  assert.equal(result.report.chunks.length, 0, 'nothing is specialized or adaptive');
});

test('the opcode table comes from the engine', () => {
  const table = engine.opcodes();
  assert.equal(table.profile, '3.11');
  assert.ok(table.opcodes.length > 0);
  for (const opcode of table.opcodes) assert.equal(typeof opcode.name, 'string');
});
