// Shared paths and helpers for the node:test suites.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const nativeCli = path.join(root, 'build', 'anole');
export const nodeCli = path.join(root, 'web', 'cli.mjs');

// examples/ unless ANOLE_EXAMPLES_DIR names stand-in examples.
export const examplesDir = process.env.ANOLE_EXAMPLES_DIR ?? path.join(root, 'examples');
export const fahrenheitPath = path.join(examplesDir, 'fahrenheit.py');

// Runs a CLI with args in cwd; returns { status, stdout, stderr } with output as Buffers so that
// comparisons are byte for byte.
export function runCli(which, args, cwd) {
  const command = which === 'native' ? nativeCli : process.execPath;
  const fullArgs = which === 'native' ? args : [nodeCli, ...args];
  const result = spawnSync(command, fullArgs, { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
