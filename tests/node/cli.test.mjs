// `node web/cli.mjs` must behave byte for byte like the native build/anole: same stdout, stderr,
// exit status and report file. Needs `./build.sh native wasm` first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { fahrenheitPath, nativeCli, runCli } from './helpers.mjs';

// Both CLIs run in one scratch directory with the same relative names, so tracebacks and report
// file names agree.
const workDir = mkdtempSync(path.join(tmpdir(), 'anole-cli-'));
after(() => rmSync(workDir, { recursive: true, force: true }));
copyFileSync(fahrenheitPath, path.join(workDir, 'fahrenheit.py'));
writeFileSync(path.join(workDir, 'boom.py'), 'print("before")\ndef f(x):\n    return 1 / x\nf(0)\n');
writeFileSync(path.join(workDir, 'syntax.py'), 'print("never")\ndef (:\n');

// Runs both CLIs with args (where {report} and {html} become per-CLI file names), checks that
// they agree, and returns the native result plus the contents of the files they wrote.
function compare(args, files = []) {
  assert.ok(existsSync(nativeCli), 'build/anole is missing: run ./build.sh native');
  const outputs = {};
  for (const which of ['native', 'node']) {
    const concrete = args.map((arg) => arg.replace(/\{(\w+)\}/, (_, name) => `${which}-${name}.out`));
    const result = runCli(which, concrete, workDir);
    const written = files.map((name) => {
      const file = path.join(workDir, `${which}-${name}.out`);
      return existsSync(file) ? readFileSync(file) : null;
    });
    outputs[which] = { ...result, written };
  }
  const { native, node } = outputs;
  assert.equal(native.signal, null, `build/anole died of ${native.signal}`);
  assert.equal(node.stderr.toString(), native.stderr.toString(), 'stderr differs');
  assert.equal(node.stdout.toString(), native.stdout.toString(), 'stdout differs');
  assert.ok(node.stdout.equals(native.stdout), 'stdout bytes differ');
  assert.equal(node.status, native.status, 'exit status differs');
  files.forEach((name, index) => {
    assert.ok(native.written[index], `native did not write ${name}`);
    assert.equal(node.written[index]?.toString(), native.written[index].toString(), `${name} differs`);
  });
  return native;
}

test('fahrenheit.py: same output, same --report file', () => {
  const native = compare(['--report', '{report}', 'fahrenheit.py'], ['report']);
  assert.equal(native.status, 0);
  assert.ok(native.stdout.length > 0);
});

test('fahrenheit.py with every output flag', () => {
  const native = compare(['--specialist', '--dis', '--stats', '--html', '{html}', '--report', '-', 'fahrenheit.py'], ['html']);
  assert.equal(native.status, 0);
});

test('--no-specialize', () => {
  compare(['--no-specialize', '--report', '{report}', 'fahrenheit.py'], ['report']);
});

test('an uncaught exception: exit 1, traceback on stderr, report still written', () => {
  const native = compare(['--report', '{report}', 'boom.py'], ['report']);
  assert.equal(native.status, 1);
  assert.match(native.stderr.toString(), /^Traceback \(most recent call last\):/);
  assert.match(native.stderr.toString(), /ZeroDivisionError: division by zero\n$/);
});

test('a syntax error: exit 1', () => {
  const native = compare(['syntax.py']);
  assert.equal(native.status, 1);
  assert.match(native.stderr.toString(), /SyntaxError/);
});

test('-c CODE', () => {
  const native = compare(['-c', 'print(6 * 7)']);
  assert.equal(native.status, 0);
});

test('bad usage: exit 2', () => {
  assert.equal(compare(['--no-such-flag', 'fahrenheit.py']).status, 2);
  assert.equal(compare([]).status, 2);
  assert.equal(compare(['--report']).status, 2);
  assert.equal(compare(['-c']).status, 2);
  assert.equal(compare(['missing-file.py']).status, 2);
});

test('input() reads stdin line by line, as build/anole does; EOFError at the end', async () => {
  const { spawnSync } = await import('node:child_process');
  const { nativeCli: native } = await import('./helpers.mjs');
  const nodeCli = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../web/cli.mjs');
  const program = 'name = input("Name? ")\nprint("Hi", name)\nprint(input() + "!")\ntry:\n    input("more? ")\nexcept EOFError as e:\n    print("EOF:", e)\n';
  for (const stdin of ['Ada\nvé\n', 'Ada\nlast line without newline', '']) {
    const results = [
      spawnSync(native, ['-c', program], { input: stdin }),
      spawnSync(process.execPath, [nodeCli, '-c', program], { input: stdin }),
    ];
    assert.equal(results[1].stdout.toString(), results[0].stdout.toString(), `stdout differs for ${JSON.stringify(stdin)}`);
    assert.equal(results[1].stderr.toString(), results[0].stderr.toString());
    assert.equal(results[1].status, results[0].status);
  }
  const result = spawnSync(process.execPath, [nodeCli, '-c', program], { input: 'Ada\nvé\n' });
  assert.equal(result.stdout.toString(), 'Name? Hi Ada\nvé!\nmore? EOF: EOF when reading a line\n');
});
