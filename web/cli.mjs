#!/usr/bin/env node
// The Node CLI over the wasm build: takes the same arguments as the native build/anole and must
// behave byte for byte the same (stdout, stderr, exit status, report file). See DESIGN.md section 8.
//
//   node web/cli.mjs [options] FILE.py [args...]
//   node web/cli.mjs [options] -c CODE

import { readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { createAnole } from './anole.mjs';

// One line of stdin for input(), newline included, read byte by byte so nothing past the line is
// consumed; null at end of input.
function readStdinLine() {
  const bytes = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let count;
    try {
      count = readSync(0, one, 0, 1, null);
    } catch (error) {
      if (error.code === 'EAGAIN') continue;
      if (error.code === 'EOF') break;
      throw error;
    }
    if (count === 0) break;
    bytes.push(one[0]);
    if (one[0] === 10) break;
  }
  return bytes.length ? Uint8Array.from(bytes) : null;
}

// Every message and the usage text are worded exactly as src/main.c words them.
const USAGE = `usage: anole [options] FILE.py [args...]
       anole [options] -c CODE
options:
  --report FILE     write the JSON report to FILE ('-' for stdout, after the output)
  --specialist      print the source colored by specialization (ANSI)
  --html FILE       write the colored source as an HTML page
  --dis             print the adaptive disassembly of every code object
  --stats           print the specialization statistics per family
  --no-specialize   never quicken (the baseline for A/B measurements)
`;

const EXIT_USAGE = 2;
// A trapped wasm instance is the analogue of a native crash (SIGABRT gives 128 + 6).
const EXIT_CRASH = 134;

// Writes everything, synchronously, so the order of output and the exit status match the native
// CLI, and nothing is lost when the process exits. EAGAIN happens when fd is a non-blocking pipe.
function writeAll(fd, data) {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
}

function usage() {
  writeAll(2, USAGE);
  return EXIT_USAGE;
}

// Parses the command line as src/main.c does; returns {options} or {exit} when there is nothing
// to run. An option that lacks its value is reported as an unknown option, like the native CLI.
export function parseArguments(args) {
  const options = {
    report: null, specialist: false, html: null, dis: false, stats: false, specialize: true,
    code: null, file: null, programArgs: [],
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const hasValue = index + 1 < args.length;
    if (arg === '--report' && hasValue) {
      options.report = args[++index];
    } else if (arg === '--html' && hasValue) {
      options.html = args[++index];
    } else if (arg === '--specialist') {
      options.specialist = true;
    } else if (arg === '--dis') {
      options.dis = true;
    } else if (arg === '--stats') {
      options.stats = true;
    } else if (arg === '--no-specialize') {
      options.specialize = false;
    } else if (arg === '-c' && hasValue) {
      options.code = args[index + 1];
      options.programArgs = args.slice(index + 2);
      return { options };
    } else if (arg.startsWith('-') && arg !== '-') {
      writeAll(2, `anole: unknown option ${arg}\n`);
      return { exit: usage() };
    } else {
      options.file = arg;
      options.programArgs = args.slice(index + 1);
      return { options };
    }
  }
  return { exit: usage() };
}

// Writes text to path, or to stdout when path is '-'; returns false when the file cannot be written.
function writeResult(path, text) {
  if (path === '-') {
    writeAll(1, text);
    return true;
  }
  try {
    writeFileSync(path, text);
    return true;
  } catch {
    return false;
  }
}

export async function main(args) {
  const parsed = parseArguments(args);
  if (!parsed.options) return parsed.exit;
  const options = parsed.options;

  let source;
  let filename;
  if (options.code !== null) {
    source = Buffer.from(options.code, 'utf8');
    filename = '<string>';
  } else {
    filename = options.file;
    try {
      source = readFileSync(filename);
    } catch {
      writeAll(2, `anole: can't open file '${filename}'\n`);
      return EXIT_USAGE;
    }
  }

  const engine = await createAnole();
  const result = await engine.run(source, filename, {
    specialize: options.specialize,
    // The GC stress mode of the test suite, switched on the same way as for build/anole.
    gcStress: process.env.ANOLE_GC_STRESS === '1',
    // Raw bytes, not decoded text, so output reaches the terminal exactly as the engine wrote it.
    onOutput: (stream, bytes) => writeAll(stream, bytes),
    // input() reads one line from stdin, as build/anole does (end of input: EOFError).
    onInput: readStdinLine,
  });
  if (result.crashed) {
    writeAll(2, `anole: the engine crashed: ${result.crashed}\n`);
    return EXIT_CRASH;
  }

  if (options.specialist) writeAll(1, engine.specialistAnsi());
  if (options.dis) writeAll(1, engine.dis());
  if (options.stats) writeAll(1, engine.stats());
  if (options.html !== null && !writeResult(options.html, engine.html())) {
    writeAll(2, `anole: can't write '${options.html}'\n`);
  }
  if (options.report !== null && !writeResult(options.report, engine.reportJson())) {
    writeAll(2, `anole: can't write '${options.report}'\n`);
  }
  return result.status;
}

process.exitCode = await main(process.argv.slice(2));
