#!/usr/bin/env node
// Runs one benchmark program on a reference Python compiled to WebAssembly, under Node:
//
//   node tests/bench/reference.mjs pyodide|micropython DIR FILE
//
// DIR is the folder where tests/bench/run.mjs installed the pinned npm packages. The program's
// output goes to stdout once it has finished (collected in memory, so writing it is not timed),
// and the last line on stderr is `seconds: S`, the in-process run time of the program alone, so
// that these engines' multi-second start-up is not part of the comparison.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, dir, file] = process.argv.slice(2);
const source = readFileSync(file, 'utf8');
const chunks = [];

async function runPyodide() {
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, 'node_modules', 'pyodide', 'pyodide.mjs')).href);
  const pyodide = await loadPyodide();
  pyodide.setStdout({ write: (bytes) => { chunks.push(Buffer.from(bytes)); return bytes.length; } });
  const started = process.hrtime.bigint();
  pyodide.runPython(source);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function runMicroPython() {
  const url = pathToFileURL(path.join(dir, 'node_modules', '@micropython', 'micropython-webassembly-pyscript', 'micropython.mjs')).href;
  const { loadMicroPython } = await import(url);
  // MicroPython's default 1 MB heap is too small for the larger benchmarks; 64 MB is what the
  // other engines may use without noticing.
  const mp = await loadMicroPython({
    heapsize: 64 * 1024 * 1024,
    linebuffer: false,
    stdout: (bytes) => chunks.push(Buffer.from(bytes)),
  });
  const started = process.hrtime.bigint();
  mp.runPython(source);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

let seconds;
try {
  seconds = kind === 'pyodide' ? await runPyodide() : await runMicroPython();
} catch (error) {
  process.stdout.write(Buffer.concat(chunks));
  process.stderr.write(`${String(error?.message ?? error).trim()}\n`);
  process.exit(1);
}
process.stdout.write(Buffer.concat(chunks));
process.stderr.write(`seconds: ${seconds}\n`);
