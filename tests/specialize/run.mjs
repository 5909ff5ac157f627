#!/usr/bin/env node
// Checks that Anole's specialization state after running a program matches CPython 3.11's.
//
//   node tests/specialize/run.mjs [NAME...]
//
// Programs: tests/specialize/*.py, and the examples listed in EXTRA (examples/fahrenheit.py as
// "example-fahrenheit", and so on) when they exist. Each runs as `anole --report TMPFILE NAME.py`
// with cwd the program's folder, and gives three checks per target, each printed as one ok/FAIL
// line:
//   stdout        the program's output (and exit status 0) equals CPython's (NAME.out);
//   instructions  every CPython instruction (with a source line; the module RESUME has line 0) of a family the engine implements has an Anole
//                 instruction with the same code name, family and span (line, col, end_line,
//                 end_col), in the same state (specialized / adaptive / unquickened);
//   chunks        the chunk list (from, to, S, A, U, color) equals CPython's.
// Expected data (NAME.expected.json from tools/cpython_spans.py, NAME.out) is made by
// tools/regen_expected.py under CPython 3.11. Targets and environment variables are those of
// tests/py/run.mjs (ANOLE_BIN, ANOLE_NODE_CLI, ANOLE_TARGETS, ANOLE_JOBS, ANOLE_TIMEOUT);
// ANOLE_LIST_ALL=1 lists every differing instruction (default: the first 30).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { diff, findTargets, pool, run } from "../py/run.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const JOBS = Math.max(1, Number(process.env.ANOLE_JOBS) || 2);
const MAX_LISTED = process.env.ANOLE_LIST_ALL ? Infinity : 30;

// Families the engine implements; widen as the specializer grows. Families that appear in
// Anole's own report are checked as well, so a family the engine adds is checked from then on.
const ENGINE_FAMILIES = [
  "BINARY_OP", "COMPARE_OP", "LOAD_GLOBAL", "PRECALL", "CALL", "LOAD_FAST", "STORE_FAST", "LOAD_CONST",
];

// Programs outside this folder that are checked here too (see tools/regen_expected.py).
const EXTRA = [
  ["examples/fahrenheit.py", "example-fahrenheit"], ["examples/mean.py", "example-mean"],
  ["examples/nbody.py", "example-nbody"], ["examples/simulation.py", "example-simulation"],
];

function programs() {
  const list = readdirSync(HERE).filter((f) => f.endsWith(".py")).sort()
    .map((f) => ({ name: f.slice(0, -3), path: join(HERE, f) }));
  for (const [rel, name] of EXTRA) {
    const path = join(ROOT, rel);
    if (existsSync(path)) list.push({ name, path });
  }
  return list;
}

// The text an instruction covers, for messages (CPython's columns are UTF-8 byte offsets).
function spanText(srcLines, i) {
  if (i.line == null || i.line < 1 || i.line > srcLines.length) return "";
  const line = Buffer.from(srcLines[i.line - 1], "utf8");
  const text = i.end_line === i.line ? line.subarray(i.col, i.end_col).toString("utf8")
    : line.subarray(i.col).toString("utf8") + " ...";
  return JSON.stringify(text.length > 50 ? text.slice(0, 47) + "..." : text);
}

const spanKey = (i) => `${i.code}|${i.family}|${i.line}:${i.col}-${i.end_line}:${i.end_col}`;

// Groups instructions by key, keeping order: the k-th CPython instruction with a key is compared
// with the k-th Anole instruction with that key (a span can hold two of a family, e.g. the
// condition of a `while` that is compiled at the top and again at the bottom of the loop).
function byKey(instrs) {
  const map = new Map();
  for (const i of instrs) {
    const k = spanKey(i);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(i);
  }
  return map;
}

export function compareInstructions(expected, report, srcLines) {
  const families = new Set(ENGINE_FAMILIES);
  for (const i of report.instructions || []) if (i.family) families.add(i.family);
  const anole = byKey(report.instructions || []);
  const seen = new Map();
  const problems = [];
  let checked = 0;
  for (const c of expected.instructions) {
    if (!c.family || !families.has(c.family) || c.line == null || c.line < 1 || c.col == null) continue;
    checked++;
    const k = spanKey(c);
    const n = seen.get(k) || 0;
    seen.set(k, n + 1);
    const a = (anole.get(k) || [])[n];
    const where = `${c.code} ${c.line}:${c.col}-${c.end_line}:${c.end_col} ${spanText(srcLines, c)}`;
    if (!a) problems.push(`  ${where}: cpython ${c.opname} ${c.state}, anole has no ${c.family} instruction there`);
    else if (a.state !== c.state) problems.push(`  ${where}: cpython ${c.opname} ${c.state}, anole ${a.opname} ${a.state}`);
    // The member itself must be CPython's too (not just its color): PRECALL_NO_KW_LEN is not
    // PRECALL_NO_KW_BUILTIN_O even though both are green.
    else if (a.opname !== c.opname && (c.state === "specialized" || c.opname.endsWith("_ADAPTIVE")))
      problems.push(`  ${where}: cpython ${c.opname}, anole ${a.opname} (same state, other member)`);
  }
  return { checked, problems };
}

function chunkLines(chunks, source) {
  return chunks.map((c) => {
    const text = JSON.stringify(source.slice(c.from, c.to));
    return `${c.from}-${c.to} S${c.specialized} A${c.adaptive} U${c.unquickened} ${c.color} ${text.length > 40 ? text.slice(0, 37) + '..."' : text}`;
  }).join("\n") + "\n";
}

function compareChunks(expected, report, source) {
  const want = chunkLines(expected.chunks, source);
  // Offsets in Anole's report are UTF-16 and CPython's tool gives code points: the same for
  // these ASCII programs. Only the compared fields are kept, so extra fields do not matter.
  const got = chunkLines((report.chunks || []).map((c) => ({
    from: c.from, to: c.to, specialized: c.specialized, adaptive: c.adaptive, unquickened: c.unquickened, color: c.color,
  })), source);
  return want === got ? [] : diff(want, got, "chunks", 30).map((l) => "  " + l);
}

async function checkProgram(prog, target) {
  const label = (what) => `${prog.name} ${what} (${target.name})`;
  const base = join(HERE, prog.name);
  const fail = (msg) => ["stdout", "instructions", "chunks"].map((w) => ({ ok: false, label: label(w), details: [msg] }));
  if (!existsSync(base + ".expected.json") || !existsSync(base + ".out"))
    return fail(`  no expected data: run python3 tools/regen_expected.py ${prog.name}`);
  if (!existsSync(target.file)) return fail(`  ${target.file} does not exist`);
  const expected = JSON.parse(readFileSync(base + ".expected.json", "utf8"));
  const wantOut = readFileSync(base + ".out", "utf8");
  const source = readFileSync(prog.path, "utf8");
  const srcLines = source.split("\n");

  const dir = mkdtempSync(join(tmpdir(), "anole-spec-"));
  const reportPath = join(dir, "report.json");
  try {
    const got = await run([...target.argv, "--report", reportPath, basename(prog.path)], dirname(prog.path));
    const results = [];

    const outDetails = [];
    if (got.error) outDetails.push(`  could not start: ${got.error}`);
    else if (got.timedOut) outDetails.push("  timed out");
    else {
      if (got.signal) outDetails.push(`  killed by ${got.signal}`);
      else if (got.code !== 0) outDetails.push(`  exit status ${got.code}, expected 0`);
      if (got.stdout !== wantOut) outDetails.push(...diff(wantOut, got.stdout, "stdout").map((l) => "  " + l));
      if (got.stderr) outDetails.push("  stderr:", ...got.stderr.split("\n").slice(0, 12).map((l) => "    " + l));
    }
    results.push({ ok: outDetails.length === 0, label: label("stdout"), details: outDetails });

    let report = null, why = "";
    if (!existsSync(reportPath)) why = "  no report written";
    else {
      try { report = JSON.parse(readFileSync(reportPath, "utf8")); } catch (e) { why = `  report is not JSON: ${e.message}`; }
    }
    if (!report) {
      results.push({ ok: false, label: label("instructions"), details: [why] });
      results.push({ ok: false, label: label("chunks"), details: [why] });
      return results;
    }
    const { checked, problems } = compareInstructions(expected, report, srcLines);
    const head = problems.length ? [`  ${problems.length} of ${checked} checked instructions differ:`] : [];
    const shown = problems.length > MAX_LISTED
      ? [...problems.slice(0, MAX_LISTED), `  ... and ${problems.length - MAX_LISTED} more (ANOLE_LIST_ALL=1 lists all)`]
      : problems;
    results.push({ ok: problems.length === 0, label: label("instructions"), details: [...head, ...shown] });
    const chunkDiff = compareChunks(expected, report, source);
    results.push({ ok: chunkDiff.length === 0, label: label("chunks"), details: chunkDiff });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const only = new Set(process.argv.slice(2).map((a) => a.replace(/\.py$/, "")));
  const progs = programs().filter((p) => only.size === 0 || only.has(p.name));
  let targets;
  try { targets = findTargets(); } catch (e) { console.error(e.message); process.exit(2); }
  if (targets.length === 0) {
    console.error("no interpreter to test: build/anole is missing (./build.sh native) and no wasm build with web/cli.mjs");
    process.exit(2);
  }
  const tasks = [];
  for (const p of progs) for (const t of targets) tasks.push(() => checkProgram(p, t));
  let passed = 0, failed = 0;
  await pool(tasks, JOBS, (results) => {
    for (const r of results) {
      if (r.ok) { passed++; console.log(`ok   ${r.label}`); }
      else { failed++; console.log(`FAIL ${r.label}`); for (const l of r.details) console.log(l); }
    }
  });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
