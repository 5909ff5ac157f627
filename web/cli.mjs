#!/usr/bin/env node
// The Node CLI over the wasm build: takes the same arguments as the native build/anole and must
// behave byte for byte the same (stdout, stderr, exit status, report file). See DESIGN.md section 8.
//
//   node web/cli.mjs [options] FILE.py [args...]
//   node web/cli.mjs [options] -c CODE

import { readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createAnole } from './anole.mjs';

const USAGE = `usage: anole [options] FILE.py [args...]
       anole [options] -c CODE
options:
  --report FILE    after the run, write the JSON report to FILE ('-' for stdout)
  --specialist     after the run, print the source colored by specialization
  --html FILE      after the run, write the colored source as an HTML page
  --dis            after the run, print the adaptive disassembly
  --stats          after the run, print the specialization statistics
  --no-specialize  never quicken (the baseline for A/B measurements)
`;

const EXIT_OK = 0;
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

function usageError(message) {
  if (message) writeAll(2, `anole: ${message}\n`);
  writeAll(2, USAGE);
  return EXIT_USAGE;
}

// The C library's wording for the errors a user is likely to meet, so messages match build/anole.
const STRERROR = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

function describeError(error) {
  return STRERROR[error.code] ?? error.message;
}

// Parses the command line; returns {options} or {exit} when there is nothing to run.
export function parseArguments(args) {
  const options = {
    report: null, specialist: false, html: null, dis: false, stats: false, specialize: true,
    code: null, file: null, programArgs: [],
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--report' || arg === '--html') {
      if (index + 1 >= args.length) return { exit: usageError(`option ${arg} needs a FILE`) };
      options[arg.slice(2)] = args[++index];
    } else if (arg === '--specialist') {
      options.specialist = true;
    } else if (arg === '--dis') {
      options.dis = true;
    } else if (arg === '--stats') {
      options.stats = true;
    } else if (arg === '--no-specialize') {
      options.specialize = false;
    } else if (arg === '-h' || arg === '--help') {
      writeAll(1, USAGE);
      return { exit: EXIT_OK };
    } else if (arg === '-c') {
      if (index + 1 >= args.length) return { exit: usageError('option -c needs CODE') };
      options.code = args[index + 1];
      options.programArgs = args.slice(index + 2);
      return { options };
    } else if (arg.startsWith('-') && arg !== '-') {
      return { exit: usageError(`unknown option ${arg}`) };
    } else {
      options.file = arg;
      options.programArgs = args.slice(index + 1);
      return { options };
    }
  }
  return { exit: usageError('no program given') };
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
    } catch (error) {
      writeAll(2, `anole: can't open file '${filename}': ${describeError(error)}\n`);
      return EXIT_USAGE;
    }
  }

  const engine = await createAnole();
  const result = await engine.run(source, filename, {
    specialize: options.specialize,
    // Raw bytes, not decoded text, so output reaches the terminal exactly as the engine wrote it.
    onOutput: (stream, bytes) => writeAll(stream, bytes),
  });
  if (result.crashed) {
    writeAll(2, `anole: the engine crashed: ${result.crashed}\n`);
    return EXIT_CRASH;
  }

  if (options.specialist) writeAll(1, engine.specialistAnsi());
  if (options.dis) writeAll(1, engine.dis());
  if (options.stats) writeAll(1, engine.stats());
  if (options.report !== null) {
    if (options.report === '-') {
      writeAll(1, engine.reportJson());
    } else {
      try {
        writeFileSync(options.report, engine.reportJson());
      } catch (error) {
        writeAll(2, `anole: can't write '${options.report}': ${describeError(error)}\n`);
        return EXIT_USAGE;
      }
    }
  }
  if (options.html !== null) {
    try {
      writeFileSync(options.html, engine.html());
    } catch (error) {
      writeAll(2, `anole: can't write '${options.html}': ${describeError(error)}\n`);
      return EXIT_USAGE;
    }
  }
  return result.status;
}

process.exitCode = await main(process.argv.slice(2));
