#!/usr/bin/env node
// Runs every tests/py/*.py program under Anole and compares stdout, stderr and the exit status
// exactly with what CPython 3.11 produced (NAME.out, NAME.err, NAME.code; see README.md).
//
//   node tests/py/run.mjs [NAME...]
//
// Targets: "native" is build/anole (or $ANOLE_BIN); "node" is `node web/cli.mjs` (or
// $ANOLE_NODE_CLI), used when that file exists and the wasm build does (build/*.wasm or web/*.wasm).
// ANOLE_TARGETS=native,node forces the list (a forced target that is missing is a failure).
// ANOLE_JOBS sets the parallelism (default 2), ANOLE_TIMEOUT the per-program limit in seconds
// (default 10). The environment is passed through unchanged, so ANOLE_GC_STRESS=1 reaches the
// interpreter. Node 20, no dependencies.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const JOBS = Math.max(1, Number(process.env.ANOLE_JOBS) || 2);
const TIMEOUT_MS = (Number(process.env.ANOLE_TIMEOUT) || 10) * 1000;

export function findTargets() {
  const bin = resolve(ROOT, process.env.ANOLE_BIN || "build/anole");
  const cli = resolve(ROOT, process.env.ANOLE_NODE_CLI || "web/cli.mjs");
  const all = {
    native: { name: "native", argv: [bin], file: bin },
    node: { name: "node", argv: [process.execPath, cli], file: cli },
  };
  if (process.env.ANOLE_TARGETS) {
    return process.env.ANOLE_TARGETS.split(",").map((t) => t.trim()).filter(Boolean).map((t) => {
      if (!all[t]) throw new Error(`unknown target ${t} in ANOLE_TARGETS (native, node)`);
      return all[t];
    });
  }
  const targets = [];
  if (existsSync(bin)) targets.push(all.native);
  if (existsSync(cli) && hasWasm()) targets.push(all.node);
  return targets;
}

function hasWasm() {
  for (const dir of ["build", "web"]) {
    const d = join(ROOT, dir);
    if (existsSync(d) && readdirSync(d).some((f) => f.endsWith(".wasm"))) return true;
  }
  return false;
}

// Runs argv with cwd, collecting stdout and stderr; never rejects.
export function run(argv, cwd, timeoutMs = TIMEOUT_MS) {
  return new Promise((done) => {
    let child;
    try {
      child = spawn(argv[0], argv.slice(1), { cwd, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      done({ code: null, stdout: "", stderr: "", error: String(e) });
      return;
    }
    const out = [], err = [];
    let timedOut = false, size = 0;
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, timeoutMs);
    // A runaway program must not exhaust the runner: stop it after 4 MB of output.
    const collect = (list) => (b) => {
      size += b.length;
      if (size > 4 << 20) { child.kill("SIGKILL"); return; }
      list.push(b);
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    child.on("error", (e) => { clearTimeout(timer); done({ code: null, stdout: "", stderr: "", error: String(e) }); });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({
        code, signal, timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

// A short unified-style line diff (LCS over lines; outputs here are small).
export function diff(expected, actual, label, maxLines = 24) {
  const a = splitLines(expected), b = splitLines(actual);
  const n = a.length, m = b.length;
  if (n * m > 4_000_000) return [`--- expected ${label}`, `+++ actual ${label}`, "  (too long to diff)"];
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { ops.push([" ", a[i]]); i++; j++; }
    else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push(["-", a[i++]]);
    else ops.push(["+", b[j++]]);
  }
  const lines = [`--- expected ${label}`, `+++ actual ${label}`];
  let shown = 0, lastPrinted = -1;
  for (let k = 0; k < ops.length && shown < maxLines; k++) {
    if (ops[k][0] === " ") continue;
    const from = Math.max(k - 2, lastPrinted + 1);
    if (lastPrinted >= 0 && from > lastPrinted + 1) lines.push("@@");
    for (let c = from; c <= k; c++) lines.push(ops[c][0] + show(ops[c][1]));
    lastPrinted = k;
    shown++;
    for (let c = k + 1; c < Math.min(k + 3, ops.length) && ops[c][0] === " "; c++) {
      lines.push(" " + show(ops[c][1]));
      lastPrinted = c;
    }
  }
  if (shown >= maxLines) lines.push("  ...");
  return lines;
}

// Splits text into lines; a last line without its newline is marked, so that difference shows.
function splitLines(text) {
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  else l[l.length - 1] += " (no newline at end)";
  return l;
}

// Makes invisible differences visible: trailing spaces, tabs, carriage returns.
function show(line) {
  return line.replace(/\r/g, "\\r").replace(/\t/g, "\\t").replace(/ +$/, (s) => "\u00b7".repeat(s.length));
}

function readOr(path, fallback) {
  return existsSync(path) ? readFileSync(path, "utf8") : fallback;
}

// Runs tasks (functions returning promises) JOBS at a time; reports results in order.
export async function pool(tasks, jobs, report) {
  const results = new Array(tasks.length);
  let next = 0, printed = 0;
  const flush = () => {
    while (printed < tasks.length && results[printed] !== undefined) report(results[printed++]);
  };
  async function worker() {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await tasks[k]();
      flush();
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  flush();
  return results;
}

async function check(name, target) {
  const base = join(HERE, name);
  const want = {
    stdout: readOr(base + ".out", ""),
    stderr: readOr(base + ".err", ""),
    code: Number(readOr(base + ".code", "0").trim()),
  };
  const label = `${name} (${target.name})`;
  if (!existsSync(target.file)) return { ok: false, label, details: [`  ${target.file} does not exist`] };
  const got = await run([...target.argv, name + ".py"], HERE);
  const details = [];
  if (got.error) details.push(`  could not start: ${got.error}`);
  else if (got.timedOut) details.push(`  timed out after ${TIMEOUT_MS / 1000} s`);
  else {
    if (got.signal) details.push(`  killed by ${got.signal}`);
    else if (got.code !== want.code) details.push(`  exit status ${got.code}, expected ${want.code}`);
    if (got.stdout !== want.stdout) details.push(...diff(want.stdout, got.stdout, "stdout").map((l) => "  " + l));
    if (got.stderr !== want.stderr) details.push(...diff(want.stderr, got.stderr, "stderr").map((l) => "  " + l));
  }
  return { ok: details.length === 0, label, details };
}

async function main() {
  const only = new Set(process.argv.slice(2).map((a) => a.replace(/\.py$/, "")));
  const names = readdirSync(HERE).filter((f) => f.endsWith(".py")).map((f) => f.slice(0, -3))
    .filter((n) => only.size === 0 || only.has(n)).sort();
  let targets;
  try { targets = findTargets(); } catch (e) { console.error(e.message); process.exit(2); }
  if (targets.length === 0) {
    console.error("no interpreter to test: build/anole is missing (./build.sh native) and no wasm build with web/cli.mjs");
    process.exit(2);
  }
  if (process.env.ANOLE_GC_STRESS) console.log(`# ANOLE_GC_STRESS=${process.env.ANOLE_GC_STRESS}`);
  const tasks = [];
  for (const name of names) for (const t of targets) tasks.push(() => check(name, t));
  // Programs listed in known_failures.txt exercise what the engine does not support yet (see
  // the open issues). They still run: a failure is reported as `xfail` and not counted, and
  // one that starts passing is reported as XPASS (counted as passed) so the list can shrink.
  const knownPath = join(HERE, "known_failures.txt");
  const known = new Set(existsSync(knownPath)
    ? readFileSync(knownPath, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))
    : []);
  let passed = 0, failed = 0, xfailed = 0;
  await pool(tasks, JOBS, (r) => {
    const name = r.label.split(" ")[0];
    if (r.ok) { passed++; console.log(known.has(name) ? `XPASS ${r.label} (remove it from known_failures.txt)` : `ok   ${r.label}`); }
    else if (known.has(name)) { xfailed++; console.log(`xfail ${r.label}`); }
    else { failed++; console.log(`FAIL ${r.label}`); for (const l of r.details) console.log(l); }
  });
  if (xfailed) console.log(`${xfailed} known failures not counted (tests/py/known_failures.txt)`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
