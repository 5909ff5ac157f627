// Ctrl-C (SIGINT) stops a running program the way CPython does: KeyboardInterrupt is raised at the
// next safe point, the program may catch it (and its finally blocks run), and uncaught it ends the
// program with a traceback. Native CLI here; the page's Stop goes through anole_set_interrupt_poll
// and is tested in tests/e2e/stop.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { nativeCli } from './helpers.mjs';

const workDir = mkdtempSync(path.join(tmpdir(), 'anole-interrupt-'));
after(() => rmSync(workDir, { recursive: true, force: true }));
const program = path.join(workDir, 'loop.py');
writeFileSync(program, [
  'try:',
  '    print("looping")',
  '    while True:',
  '        pass',
  'except KeyboardInterrupt:',
  '    print("caught")',
  'finally:',
  '    print("finally")',
  'n = 0',
  'while True:',
  '    n += 1',
  '',
].join('\n'));

// Sends SIGINT at each of the given times (ms after start), then collects everything. The
// program loops for ever between them, and starts in a few milliseconds, so the times are safe.
function runWithInterrupts(times) {
  return new Promise((resolve, reject) => {
    const child = spawn(nativeCli, [program], { cwd: workDir });
    let stdout = '';
    let stderr = '';
    const timers = times.map((ms) => setTimeout(() => child.kill('SIGINT'), ms));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      timers.forEach(clearTimeout);
      clearTimeout(killer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

test('Ctrl-C raises KeyboardInterrupt: caught once, then uncaught with a traceback', async () => {
  assert.ok(existsSync(nativeCli), 'build/anole is missing: run ./build.sh native');
  const r = await runWithInterrupts([400, 900]);
  assert.equal(r.signal, null, 'the process is not killed by the signal');
  assert.equal(r.stdout, 'looping\ncaught\nfinally\n');
  assert.match(r.stderr, /^Traceback \(most recent call last\):\n  File ".*loop\.py", line 1[01], in <module>\n/);
  assert.match(r.stderr, /\nKeyboardInterrupt\n$/);
  assert.equal(r.status, 1);
});

test('print(..., flush=True) reaches a pipe while the program still runs', async () => {
  const file = path.join(workDir, 'flush.py');
  writeFileSync(file, 'print("early", flush=True)\nwhile True:\n    pass\n');
  const child = spawn(nativeCli, [file], { cwd: workDir });
  const seen = await new Promise((resolve) => {
    let out = '';
    const timer = setTimeout(() => resolve(out), 5000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('early')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
  child.kill('SIGKILL');
  assert.equal(seen, 'early\n');
});
