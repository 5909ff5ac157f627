#!/usr/bin/env node
// The benchmark suite: every tests/bench/*.py on each engine that is present, runs interleaved
// (program by program, engine after engine, round after round) so that a slow spell of this
// shared machine hits all engines alike. Each program's output must equal NAME.out (what CPython
// 3.11 prints); a wrong answer is reported instead of a time.
//
//   node tests/bench/run.mjs [--runs N] [--no-refs] [NAME...]   (./build.sh bench passes its arguments)
//
// Time is wall time minus the engine's start-up, measured the same way on an empty program, so
// the numbers are run time excluding start-up. The WebAssembly references (Pyodide and
// MicroPython, npm packages pinned below and installed into build/bench-refs on first use; skipped
// with --no-refs or when npm cannot fetch them) take seconds to start, so they time the program
// in-process instead (tests/bench/reference.mjs). Prints a Markdown table (median seconds, min-max,
// ratios to CPython 3.11, peak RSS) and writes it to build/bench.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePage, pageBenchAvailable } from './page.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);
let runs = 5;
let withReferences = true;
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 5);
  else if (args[i] === '--no-refs') withReferences = false;
  else only.push(args[i].replace(/\.py$/, ''));
}

// The reference engines compiled to WebAssembly, pinned so that the table can be compared over time.
const REFERENCE_PACKAGES = {
  pyodide: 'pyodide@314.0.7',
  micropython: '@micropython/micropython-webassembly-pyscript@1.27.0',
};
const REFS_DIR = path.join(ROOT, 'build', 'bench-refs');

// Installs the pinned packages into build/bench-refs unless they are there; false when npm fails.
function ensureReferences() {
  const installed = (spec) => {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    const file = path.join(REFS_DIR, 'node_modules', name, 'package.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === spec.slice(spec.lastIndexOf('@') + 1);
  };
  const specs = Object.values(REFERENCE_PACKAGES);
  if (specs.every(installed)) return true;
  mkdirSync(REFS_DIR, { recursive: true });
  if (!existsSync(path.join(REFS_DIR, 'package.json'))) writeFileSync(path.join(REFS_DIR, 'package.json'), '{"private": true}\n');
  process.stderr.write(`bench: installing ${specs.join(', ')} into build/bench-refs\n`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', ...specs], { cwd: REFS_DIR, stdio: 'inherit' });
  if (r.status !== 0 || !specs.every(installed)) {
    process.stderr.write('bench: could not install the WebAssembly references; they are left out\n');
    return false;
  }
  return true;
}

// CPython 3.11's own executable (not a pyenv shim, whose start-up is slow and noisy), or null.
function python311() {
  const r = spawnSync('python3', ['-c', 'import sys; print(sys.version_info[:2] == (3, 11), sys.executable)'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const [is311, executable] = r.stdout.trim().split(' ');
  return is311 === 'True' ? executable : null;
}

// name -> argv prefix; an engine is used when its program exists.
const engines = [];
const native = path.join(ROOT, 'build', 'anole');
if (existsSync(native)) {
  engines.push({ name: 'Anole native', argv: [native] });
  engines.push({ name: 'Anole --no-specialize', argv: [native, '--no-specialize'] });
}
if (existsSync(path.join(ROOT, 'build', 'anole.wasm'))) engines.push({ name: 'Anole wasm (Node)', argv: [process.execPath, path.join(ROOT, 'web', 'cli.mjs')] });
const cpython = python311();
if (cpython) engines.push({ name: 'CPython 3.11', argv: [cpython], reference: true });
if (withReferences && ensureReferences()) {
  const runner = path.join(HERE, 'reference.mjs');
  engines.push({ name: 'Pyodide (Node)', argv: [process.execPath, runner, 'pyodide', REFS_DIR], inProcess: true });
  engines.push({ name: 'MicroPython wasm (Node)', argv: [process.execPath, runner, 'micropython', REFS_DIR], inProcess: true });
}
if (!engines.length) {
  console.error('bench: no engine found; run ./build.sh first');
  process.exit(1);
}

const programs = readdirSync(HERE).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort()
  .filter((name) => !only.length || only.includes(name));

// GNU time reports the child's peak resident set size; without it memory is not measured.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const rssFile = path.join(os.tmpdir(), `anole-bench-rss-${process.pid}.txt`);

// One run: wall seconds (or the in-process seconds an inProcess engine reports), output, peak RSS in KB.
function timeOnce(engine, file) {
  const argv = [...engine.argv, file];
  const command = GNU_TIME ? [GNU_TIME, '-o', rssFile, '-f', '%M', ...argv] : argv;
  const started = process.hrtime.bigint();
  const r = spawnSync(command[0], command.slice(1), { cwd: HERE, encoding: 'utf8', maxBuffer: 1 << 26 });
  let seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = r.stderr ?? '';
  const reported = /seconds: ([0-9.e-]+)\s*$/.exec(stderr);
  if (engine.inProcess && reported) seconds = Number(reported[1]);
  let rssKB = null;
  if (GNU_TIME) {
    try { rssKB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || null; } catch { rssKB = null; }
  }
  return { seconds, rssKB, ok: r.status === 0, stdout: r.stdout ?? '', stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Start-up of each engine: an empty program, timed as often as the programs are.
const empty = path.join(os.tmpdir(), `anole-bench-empty-${process.pid}.py`);
writeFileSync(empty, 'print("hello, world")\n');
const startup = new Map();
// Node's own start-up, the yardstick for the wasm CLI's hello world.
const nodeStartup = median(Array.from({ length: Math.max(3, runs) }, () => timeOnce({ argv: [process.execPath, '-e', '0'] }, '').seconds));
for (const e of engines) {
  const times = [];
  for (let i = 0; i < Math.max(3, e.inProcess ? 1 : runs); i++) {
    const r = timeOnce({ ...e, inProcess: false }, empty);
    times.push(r.seconds);
  }
  startup.set(e.name, median(times));
}

const results = new Map(); // `${program}|${engine}` -> { times: [], error }
for (let round = 0; round < runs; round++) {
  for (const prog of programs) {
    const want = readFileSync(path.join(HERE, `${prog}.out`), 'utf8');
    for (const e of engines) {
      const key = `${prog}|${e.name}`;
      if (!results.has(key)) results.set(key, { times: [], rss: [], error: null });
      const entry = results.get(key);
      if (entry.error) continue;
      const r = timeOnce(e, `${prog}.py`);
      if (!r.ok || r.stdout !== want) {
        entry.error = r.ok ? 'wrong output' : `failed: ${r.stderr.trim().split('\n').pop()}`;
        continue;
      }
      entry.times.push(e.inProcess ? r.seconds : Math.max(0, r.seconds - startup.get(e.name)));
      if (r.rssKB) entry.rss.push(r.rssKB);
    }
    process.stderr.write(`round ${round + 1}/${runs}: ${prog}\n`);
  }
}

const fmt = (x) => x.toFixed(3);
const ref = engines.find((e) => e.reference);
const lines = [];
lines.push(`Benchmarks, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${runs} runs each, `
  + 'median seconds excluding start-up (min-max)' + (ref ? `; ratio to ${ref.name} in brackets` : '') + '.');
lines.push('');
lines.push(`| program | ${engines.map((e) => e.name).join(' | ')} |`);
lines.push(`|---|${engines.map(() => '---').join('|')}|`);
const ratios = new Map(engines.map((e) => [e.name, []]));
for (const prog of programs) {
  const refEntry = ref && results.get(`${prog}|${ref.name}`);
  const refMedian = refEntry && !refEntry.error ? median(refEntry.times) : null;
  const cells = engines.map((e) => {
    const entry = results.get(`${prog}|${e.name}`);
    if (entry.error) return entry.error;
    const m = median(entry.times);
    let cell = `${fmt(m)} (${fmt(Math.min(...entry.times))}-${fmt(Math.max(...entry.times))})`;
    if (refMedian && refMedian > 0) {
      cell += ` [${(m / refMedian).toFixed(2)}x]`;
      ratios.get(e.name).push(m / refMedian);
    }
    return cell;
  });
  lines.push(`| ${prog} | ${cells.join(' | ')} |`);
}
const geo = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(Math.max(x, 1e-9)), 0) / xs.length) : NaN);
if (ref) lines.push(`| geometric mean of ratios | ${engines.map((e) => `${geo(ratios.get(e.name)).toFixed(2)}x`).join(' | ')} |`);
lines.push('');
lines.push(`Start-up (hello-world program, median wall time): ${engines.map((e) => `${e.name} ${fmt(startup.get(e.name))} s`).join(', ')}; `
  + `\`node -e 0\` ${fmt(nodeStartup)} s.`);

// Peak resident memory of each run (median over the runs, MB), when GNU time is present.
if (GNU_TIME) {
  lines.push('');
  lines.push(`Peak RSS, median MB${ref ? ` (ratio to ${ref.name})` : ''}:`);
  lines.push('');
  lines.push(`| program | ${engines.map((e) => e.name).join(' | ')} |`);
  lines.push(`|---|${engines.map(() => '---').join('|')}|`);
  for (const prog of programs) {
    const refEntry = ref && results.get(`${prog}|${ref.name}`);
    const refRss = refEntry && refEntry.rss.length ? median(refEntry.rss) : null;
    const cells = engines.map((e) => {
      const entry = results.get(`${prog}|${e.name}`);
      if (!entry.rss.length) return '-';
      const m = median(entry.rss);
      return `${(m / 1024).toFixed(1)}` + (refRss ? ` (${(m / refRss).toFixed(2)}x)` : '');
    });
    lines.push(`| ${prog} | ${cells.join(' | ')} |`);
  }
}

// The targets of issue 6, each checked on this run's numbers.
const medianOf = (prog, name) => {
  const entry = results.get(`${prog}|${name}`);
  return entry && !entry.error && entry.times.length ? median(entry.times) : null;
};
const pairRatios = (a, b) => programs.map((p) => [p, medianOf(p, a), medianOf(p, b)]).filter(([, x, y]) => x !== null && y);
const targets = [];
const have = (name) => engines.some((e) => e.name === name);
if (have('Anole native') && ref) {
  const rs = pairRatios('Anole native', ref.name).map(([, x, y]) => x / y);
  targets.push([`Anole native ≤ 0.8x CPython 3.11 (geometric mean)`, geo(rs), geo(rs) <= 0.8]);
  targets.push([`no program natively slower than 1.2x CPython 3.11 (worst)`, Math.max(...rs), Math.max(...rs) <= 1.2]);
}
if (have('Anole native') && have('Anole --no-specialize')) {
  const rs = pairRatios('Anole --no-specialize', 'Anole native').map(([, x, y]) => x / y);
  targets.push([`specialization ≥ 1.3x faster than --no-specialize (geometric mean)`, geo(rs), geo(rs) >= 1.3]);
}
if (have('Anole wasm (Node)') && have('Pyodide (Node)')) {
  const rs = pairRatios('Anole wasm (Node)', 'Pyodide (Node)').map(([, x, y]) => x / y);
  targets.push([`Anole wasm ≤ 0.5x Pyodide (geometric mean)`, geo(rs), geo(rs) <= 0.5]);
}
if (have('Anole wasm (Node)') && have('MicroPython wasm (Node)')) {
  const rs = pairRatios('Anole wasm (Node)', 'MicroPython wasm (Node)').map(([, x, y]) => x / y);
  targets.push([`Anole wasm faster than MicroPython on every program (worst ratio)`, Math.max(...rs), Math.max(...rs) < 1]);
}
if (have('Anole wasm (Node)')) {
  const r = startup.get('Anole wasm (Node)') / nodeStartup;
  targets.push([`hello world under node web/cli.mjs ≤ 2x \`node -e 0\``, r, r <= 2]);
}
if (GNU_TIME && have('Anole native') && ref) {
  const rs = programs.map((p) => {
    const a = results.get(`${p}|Anole native`), c = results.get(`${p}|${ref.name}`);
    return a.rss.length && c.rss.length ? median(a.rss) / median(c.rss) : null;
  }).filter((x) => x !== null);
  targets.push([`peak RSS natively ≤ CPython 3.11's on every program (worst ratio)`, Math.max(...rs), Math.max(...rs) <= 1]);
}
// The page's share: compiling and instantiating anole.wasm in headless Chromium.
if (pageBenchAvailable()) {
  try {
    const { compileMs, instantiateMs } = await measurePage(Math.max(3, runs));
    lines.push('');
    lines.push(`In the page (headless Chromium, median): compiling anole.wasm ${compileMs.toFixed(1)} ms, instantiating the compiled module ${instantiateMs.toFixed(1)} ms.`);
    targets.push([`wasm compiled and instantiated in the page in < 20 ms`, compileMs + instantiateMs, compileMs + instantiateMs < 20, 'ms']);
  } catch (error) {
    process.stderr.write(`bench: page measurement failed: ${error.message}\n`);
  }
}
if (targets.length) {
  lines.push('');
  lines.push('| target | measured | met |');
  lines.push('|---|---|---|');
  for (const [what, value, met, unit] of targets) {
    lines.push(`| ${what} | ${unit === 'ms' ? `${value.toFixed(1)} ms` : `${value.toFixed(2)}x`} | ${met ? 'yes' : 'no'} |`);
  }
}
const table = lines.join('\n') + '\n';
mkdirSync(path.join(ROOT, 'build'), { recursive: true });
writeFileSync(path.join(ROOT, 'build', 'bench.md'), table);
process.stdout.write(table);
