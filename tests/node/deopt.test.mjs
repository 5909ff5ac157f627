// The per-instruction counters in the report follow CPython 3.11's deoptimization rules:
// tests/specialize/deopt_boundaries.py checks the final states against CPython itself, and this
// test checks the hits, misses and deopts behind them, which CPython's normal build does not
// expose. The numbers come from 3.11's rules: a function is quickened on its 8th call, so 100
// calls give 93 hits; a specialized instruction survives 52 misses and the 53rd deoptimizes it;
// the adaptive counter then restarts at 31, so the 32nd execution after the deopt specializes
// again and counts one hit. Runs both CLIs (native and Node).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { root, runCli } from './helpers.mjs';

const program = path.join(root, 'tests', 'specialize', 'deopt_boundaries.py');
const workDir = mkdtempSync(path.join(tmpdir(), 'anole-deopt-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

// code name -> [opname, state, hits, misses, deopts] of the family's one instruction there.
const EXPECTED = {
  BINARY_OP: {
    add52: ['BINARY_OP_ADD_INT', 'specialized', 93, 52, 0],
    add53: ['BINARY_OP_ADAPTIVE', 'adaptive', 93, 53, 1],
    add84: ['BINARY_OP_ADAPTIVE', 'adaptive', 93, 53, 1],
    add85: ['BINARY_OP_ADD_FLOAT', 'specialized', 94, 53, 1],
  },
  LOAD_ATTR: {
    getx52: ['LOAD_ATTR_INSTANCE_VALUE', 'specialized', 93, 52, 0],
    getx85: ['LOAD_ATTR_INSTANCE_VALUE', 'specialized', 94, 53, 1],
  },
  CALL: {
    call52: ['CALL_PY_EXACT_ARGS', 'specialized', 93, 52, 0],
    call85: ['CALL_PY_WITH_DEFAULTS', 'specialized', 94, 53, 1],
  },
  COMPARE_OP: {
    // `<` on strs has no member: after the deopt every attempt fails, so it stays adaptive.
    less53: ['COMPARE_OP_ADAPTIVE', 'adaptive', 93, 53, 1],
    less85: ['COMPARE_OP_ADAPTIVE', 'adaptive', 93, 53, 1],
  },
};

for (const which of ['native', 'node']) {
  test(`${which}: hits, misses and deopts follow 3.11's counters`, () => {
    const reportFile = path.join(workDir, `${which}.json`);
    const result = runCli(which, ['--report', reportFile, program], workDir);
    assert.equal(result.status, 0, result.stderr.toString());
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    for (const [family, sites] of Object.entries(EXPECTED)) {
      for (const [code, want] of Object.entries(sites)) {
        const found = report.instructions.filter((i) => i.code === code && i.family === family);
        assert.equal(found.length, 1, `${code}: one ${family} instruction`);
        const i = found[0];
        assert.deepEqual([i.opname, i.state, i.hits, i.misses, i.deopts], want, `${code} ${family}`);
      }
    }
  });
}

test('the failed re-specialization after a deopt is recorded with its kind', () => {
  const reportFile = path.join(workDir, 'kinds.json');
  const result = runCli('native', ['--report', reportFile, program], workDir);
  assert.equal(result.status, 0, result.stderr.toString());
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const less = report.instructions.find((i) => i.code === 'less85' && i.family === 'COMPARE_OP');
  // 3.11 names this SPEC_FAIL_COMPARE_OP_STRING: strs specialize only for == and !=.
  assert.equal(less.failure, 'COMPARE_OP_STRING');
});
