#!/usr/bin/env node
// The benchmark suite: every tests/bench/*.py on each engine that is present, runs interleaved
// (program by program, engine after engine, round after round) so that a slow spell of this
// shared machine hits all engines alike. Each program's output must equal NAME.out (what CPython
// 3.11 prints); a wrong answer is reported instead of a time.
//
//   node tests/bench/run.mjs [--runs N] [NAME...]      (./build.sh bench passes its arguments)
//
// Time is wall time minus the engine's start-up, measured the same way on an empty program, so
// the numbers are run time excluding start-up. Prints a Markdown table (median seconds, min-max,
// and ratios to CPython 3.11) and writes it to build/bench.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);
let runs = 5;
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 5);
  else only.push(args[i].replace(/\.py$/, ''));
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
if (!engines.length) {
  console.error('bench: no engine found; run ./build.sh first');
  process.exit(1);
}

const programs = readdirSync(HERE).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort()
  .filter((name) => !only.length || only.includes(name));

function timeOnce(engine, file) {
  const started = process.hrtime.bigint();
  const r = spawnSync(engine.argv[0], [...engine.argv.slice(1), file], { cwd: HERE, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Start-up of each engine: an empty program, timed as often as the programs are.
const empty = path.join(os.tmpdir(), `anole-bench-empty-${process.pid}.py`);
writeFileSync(empty, 'pass\n');
const startup = new Map();
for (const e of engines) {
  const times = [];
  for (let i = 0; i < Math.max(3, runs); i++) times.push(timeOnce(e, empty).seconds);
  startup.set(e.name, median(times));
}

const results = new Map(); // `${program}|${engine}` -> { times: [], error }
for (let round = 0; round < runs; round++) {
  for (const prog of programs) {
    const want = readFileSync(path.join(HERE, `${prog}.out`), 'utf8');
    for (const e of engines) {
      const key = `${prog}|${e.name}`;
      if (!results.has(key)) results.set(key, { times: [], error: null });
      const entry = results.get(key);
      if (entry.error) continue;
      const r = timeOnce(e, `${prog}.py`);
      if (!r.ok || r.stdout !== want) {
        entry.error = r.ok ? 'wrong output' : `failed: ${r.stderr.trim().split('\n').pop()}`;
        continue;
      }
      entry.times.push(Math.max(0, r.seconds - startup.get(e.name)));
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
if (ref) {
  const geo = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(Math.max(x, 1e-9)), 0) / xs.length) : NaN);
  lines.push(`| geometric mean of ratios | ${engines.map((e) => `${geo(ratios.get(e.name)).toFixed(2)}x`).join(' | ')} |`);
}
lines.push('');
lines.push(`Start-up (empty program, median): ${engines.map((e) => `${e.name} ${fmt(startup.get(e.name))} s`).join(', ')}.`);
const table = lines.join('\n') + '\n';
mkdirSync(path.join(ROOT, 'build'), { recursive: true });
writeFileSync(path.join(ROOT, 'build', 'bench.md'), table);
process.stdout.write(table);
