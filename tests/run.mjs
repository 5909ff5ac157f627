// Runs every test suite that exists, in order, streaming each suite's output, and ends with one
// line: `N passed, N failed` (the sums). Exits non-zero when anything failed or a suite crashed;
// a crashed suite (no summary, a non-zero exit with nothing counted as failed, or a timeout)
// counts as one failure.
//
//   C unit tests       tests/c/*.c, each linked with the engine (src/*.c minus main.c and wasm.c)
//   Python corpus      node tests/py/run.mjs
//   Specialization     node tests/specialize/run.mjs
//   JS API and CLI     node --test tests/node/
//   Playground (e2e)   node --test tests/e2e/
//
// Run it after `./build.sh` (`./build.sh test` does both).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

// No suite may take longer than this; the whole run stays well under 15 minutes on 2 cores.
const SUITE_TIMEOUT_MS = 8 * 60 * 1000;
const COMPILE_TIMEOUT_MS = 3 * 60 * 1000;

const SUMMARY_LINE = /^\s*(\d+) passed, (\d+) failed\s*$/;

// Runs a command, streaming its output to ours (stdout to stdout, stderr to stderr) and returning
// { code, stdout, stderr, timedOut }.
function runCommand(command, args, { timeout = SUITE_TIMEOUT_MS, quiet = false, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
    child.stdout.on('data', (data) => {
      stdout += data;
      if (!quiet) process.stdout.write(data);
    });
    child.stderr.on('data', (data) => {
      stderr += data;
      if (!quiet) process.stderr.write(data);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + String(error), timedOut });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr, timedOut, signal });
    });
  });
}

// The counts from a suite's last `N passed, N failed` line, or null.
function parseSummary(output) {
  const lines = output.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const match = SUMMARY_LINE.exec(lines[index]);
    if (match) return { passed: Number(match[1]), failed: Number(match[2]) };
  }
  return null;
}

// The counts from node --test's TAP summary (`# pass N`, `# fail N`), or null.
function parseTap(output) {
  const pass = /^# pass (\d+)$/m.exec(output);
  const fail = /^# fail (\d+)$/m.exec(output);
  if (!pass || !fail) return null;
  return { passed: Number(pass[1]), failed: Number(fail[1]) };
}

// Turns a command's result and its parsed counts into the suite's counts, charging one failure
// for a crash.
function settle(name, result, counts) {
  if (result.timedOut) {
    console.log(`run.mjs: ${name} timed out after ${SUITE_TIMEOUT_MS / 60000} minutes`);
    return { passed: counts?.passed ?? 0, failed: (counts?.failed ?? 0) + 1 };
  }
  if (!counts) {
    console.log(`run.mjs: ${name} crashed (exit ${result.code}) without a summary`);
    return { passed: 0, failed: 1 };
  }
  if (result.code !== 0 && counts.failed === 0) {
    console.log(`run.mjs: ${name} exited with status ${result.code} although nothing failed`);
    return { passed: counts.passed, failed: 1 };
  }
  return counts;
}

function engineSources() {
  return readdirSync('src')
    .filter((name) => name.endsWith('.c') && name !== 'main.c' && name !== 'wasm.c')
    .map((name) => path.join('src', name));
}

// Compiles the engine once into objects, then links and runs each tests/c/*.c against them.
async function runCTests() {
  const tests = readdirSync('tests/c').filter((name) => name.endsWith('.c')).sort();
  const outDir = path.join('build', 'tests-c');
  mkdirSync(path.join(outDir, 'obj'), { recursive: true });
  const flags = ['-std=c11', '-O1', '-g', '-Wall', '-Wextra', '-Isrc'];
  const totals = { passed: 0, failed: 0 };

  const objects = [];
  const compileJobs = engineSources().map((source) => {
    const object = path.join(outDir, 'obj', path.basename(source, '.c') + '.o');
    objects.push(object);
    return () => runCommand('gcc', [...flags, '-c', source, '-o', object], { timeout: COMPILE_TIMEOUT_MS });
  });
  const results = await runLimited(compileJobs, Math.max(1, os.cpus().length));
  if (results.some((result) => result.code !== 0)) {
    console.log('run.mjs: the engine does not compile for the C unit tests');
    return { passed: 0, failed: tests.length || 1 };
  }

  for (const test of tests) {
    const name = path.basename(test, '.c');
    const binary = path.join(outDir, name);
    console.log(`-- tests/c/${test}`);
    const compiled = await runCommand('gcc', [...flags, '-o', binary, path.join('tests/c', test), ...objects, '-lm'],
      { timeout: COMPILE_TIMEOUT_MS });
    if (compiled.code !== 0) {
      console.log(`run.mjs: tests/c/${test} does not compile`);
      totals.failed += 1;
      continue;
    }
    const result = await runCommand(binary, []);
    const counts = settle(`tests/c/${test}`, result, parseSummary(result.stdout));
    totals.passed += counts.passed;
    totals.failed += counts.failed;
  }
  return totals;
}

// Runs async jobs with at most `limit` at a time; returns their results in order.
async function runLimited(jobs, limit) {
  const results = new Array(jobs.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  });
  await Promise.all(workers);
  return results;
}

async function runSummarySuite(script, env = {}) {
  const result = await runCommand(process.execPath, [script], { env });
  return settle(script, result, parseSummary(result.stdout));
}

// The py and specialize corpora again natively, with the collector running at every safe point
// (a missing GC root fails a test here instead of a user's program).
async function runGcStress() {
  const env = { ANOLE_GC_STRESS: '1', ANOLE_TARGETS: 'native' };
  const a = await runSummarySuite('tests/py/run.mjs', env);
  const b = await runSummarySuite('tests/specialize/run.mjs', env);
  return { passed: a.passed + b.passed, failed: a.failed + b.failed };
}

// The same corpora over an ASan+UBSan build of the native CLI.
async function runSanitizers() {
  const binary = path.join('build', 'anole-asan');
  const sources = [...engineSources(), 'src/main.c'];
  const compiled = await runCommand('gcc', ['-std=c11', '-O1', '-g', '-fsanitize=address,undefined',
    '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer', '-Wall', '-Wextra', '-Werror',
    '-o', binary, ...sources, '-lm'], { timeout: COMPILE_TIMEOUT_MS });
  if (compiled.code !== 0) {
    console.log('run.mjs: the sanitizer build does not compile');
    return { passed: 0, failed: 1 };
  }
  const env = { ANOLE_BIN: binary, ANOLE_TARGETS: 'native' };
  const a = await runSummarySuite('tests/py/run.mjs', env);
  const b = await runSummarySuite('tests/specialize/run.mjs', env);
  return { passed: a.passed + b.passed, failed: a.failed + b.failed };
}

async function runNodeTestSuite(directory) {
  const result = await runCommand(process.execPath, ['--test', '--test-reporter=tap', directory]);
  return settle(directory, result, parseTap(result.stdout));
}

function hasFiles(directory, extension) {
  return existsSync(directory) && statSync(directory).isDirectory()
    && readdirSync(directory).some((name) => name.endsWith(extension));
}

const suites = [
  { name: 'C unit tests (tests/c)', present: () => hasFiles('tests/c', '.c'), run: runCTests },
  { name: 'Python corpus (tests/py)', present: () => existsSync('tests/py/run.mjs'), run: () => runSummarySuite('tests/py/run.mjs') },
  { name: 'Specialization (tests/specialize)', present: () => existsSync('tests/specialize/run.mjs'), run: () => runSummarySuite('tests/specialize/run.mjs') },
  { name: 'GC stress (tests/py, tests/specialize)', present: () => existsSync('tests/py/run.mjs'), run: runGcStress },
  { name: 'ASan+UBSan (tests/py, tests/specialize)', present: () => existsSync('tests/py/run.mjs'), run: runSanitizers },
  { name: 'JS API and CLI (tests/node)', present: () => hasFiles('tests/node', '.mjs'), run: () => runNodeTestSuite('tests/node/') },
  { name: 'Playground (tests/e2e)', present: () => hasFiles('tests/e2e', '.mjs'), run: () => runNodeTestSuite('tests/e2e/') },
];

const totals = { passed: 0, failed: 0 };
const rows = [];
for (const suite of suites) {
  if (!suite.present()) {
    rows.push(`${suite.name}: not present`);
    continue;
  }
  console.log(`\n== ${suite.name} ==`);
  const started = Date.now();
  let counts;
  try {
    counts = await suite.run();
  } catch (error) {
    console.log(`run.mjs: ${suite.name} could not run: ${error.stack ?? error}`);
    counts = { passed: 0, failed: 1 };
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  rows.push(`${suite.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
}

console.log('\n== summary ==');
for (const row of rows) console.log(row);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
