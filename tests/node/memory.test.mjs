// Memory and limits over the JS API (web/anole.mjs) and the wasm build: one engine runs the same
// programs 1,000 times without its WebAssembly memory growing after warm-up and with the same output
// every time; RecursionError and MemoryError leave the engine usable. Needs `./build.sh wasm` first.
//
// The engine does not expose its memory size yet. Until it does (engine.memoryBytes(), the byte
// length of the instance's WebAssembly.Memory), the test observes the memory of every instance the
// module creates by wrapping WebAssembly.instantiate before the engine is created.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnole } from '../../web/anole.mjs';

const memories = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const instance = result instanceof WebAssembly.Instance ? result : result.instance;
  const memory = instance && Object.values(instance.exports).find((value) => value instanceof WebAssembly.Memory);
  if (memory) memories.push(memory);
  return result;
};
const engine = await createAnole();
WebAssembly.instantiate = instantiate;

// The size of the engine's WebAssembly memory in bytes (it only ever grows).
function memoryBytes() {
  if (typeof engine.memoryBytes === 'function') return engine.memoryBytes();
  assert.ok(memories.length > 0, 'the wasm memory could not be observed (and engine.memoryBytes() does not exist)');
  return memories[memories.length - 1].buffer.byteLength;
}

// The same programs as tests/c/test_runs.c: a few thousand objects of most kinds per run, and an
// uncaught exception two calls deep.
const allocating = `class Node:
    def __init__(self, value, parent=None):
        self.value = value
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def total(self):
        t = self.value
        for child in self.children:
            t += child.total()
        return t

class Oops(Exception):
    pass

def make_counter(start):
    count = [start]
    def step(by=1):
        count[0] += by
        return count[0]
    return step

def risky(i):
    if i % 7 == 0:
        raise Oops("bad %d" % i)
    if i % 11 == 0:
        return {}["missing"]
    return i

root = Node(0)
words = []
table = {}
caught = 0
counters = []
for i in range(300):
    node = Node(i, root if i % 3 == 0 else root.children[-1])
    words.append("w" + str(i) * 3)
    table[words[-1]] = [i, i * i, (i, str(i))]
    counters.append(make_counter(i))
    try:
        risky(i)
    except Oops as e:
        caught += len(str(e))
    except KeyError:
        caught += 1
    node.cycle = node
ring = [counter(2) for counter in counters]
joined = ",".join(sorted(words, key=len)[:5])
print(root.total(), len(table), caught, sum(ring), joined)
print(f"{len(words)} {words[-1].upper()} {sorted(table)[-1]!r}")
`;
const allocatingOut = "44850 300 308 45450 w000,w111,w222,w333,w444\n300 W299299299 'w999999'\n";

const uncaught = `class AppError(Exception):
    def __init__(self, key, size):
        super().__init__("no key %r among %d" % (key, size))
        self.key = key

def load(key, data):
    missing = False
    try:
        return data[key]
    except KeyError:
        missing = True
    if missing:
        raise AppError(key, len(data))

data = {str(i): [i] * 3 for i in range(200)}
print(len(data), load("7", data))
load("x", data)
`;
const uncaughtOut = '200 [7, 7, 7]\n';
const uncaughtErr = `Traceback (most recent call last):
  File "unc.py", line 17, in <module>
    load("x", data)
  File "unc.py", line 13, in load
    raise AppError(key, len(data))
AppError: no key 'x' among 200
`;

const lastLine = (text) => text.trimEnd().split('\n').pop();

test('1,000 runs in one engine print the same and do not grow the wasm memory after warm-up', async () => {
  const runs = 1000;
  const warmUp = 100;
  let mismatches = 0;
  let firstMismatch = null;
  let afterWarmUp = 0;
  const started = memoryBytes();
  for (let i = 1; i <= runs; i++) {
    const a = await engine.run(allocating, 'main.py');
    const b = await engine.run(uncaught, 'unc.py');
    const same = a.crashed === null && a.status === 0 && a.stdout === allocatingOut && a.stderr === ''
      && b.crashed === null && b.status === 1 && b.stdout === uncaughtOut && b.stderr === uncaughtErr;
    if (!same) {
      mismatches++;
      firstMismatch ??= { run: i, a, b };
    }
    if (i === warmUp) afterWarmUp = memoryBytes();
  }
  const atEnd = memoryBytes();
  assert.equal(mismatches, 0, `run ${firstMismatch?.run} differed: ${JSON.stringify(firstMismatch && {
    a: { status: firstMismatch.a.status, crashed: firstMismatch.a.crashed, stdout: firstMismatch.a.stdout, stderr: firstMismatch.a.stderr },
    b: { status: firstMismatch.b.status, crashed: firstMismatch.b.crashed, stdout: firstMismatch.b.stdout, stderr: firstMismatch.b.stderr },
  })}`);
  assert.ok(afterWarmUp > 0 && started > 0);
  assert.equal(atEnd, afterWarmUp,
    `the wasm memory grew from ${afterWarmUp} bytes after run ${warmUp} to ${atEnd} after run ${runs} (it was ${started} at the start)`);
});

test('GC stress gives the same output in the same engine', async () => {
  for (let i = 0; i < 3; i++) {
    const a = await engine.run(allocating, 'main.py', { gcStress: true });
    assert.equal(a.crashed, null);
    assert.equal(a.stdout, allocatingOut);
    const b = await engine.run(uncaught, 'unc.py', { gcStress: true });
    assert.equal(b.stderr, uncaughtErr);
  }
});

test('a RecursionError, then a normal program, in the same engine', async () => {
  const deep = await engine.run('def down(n):\n    return down(n + 1)\n\ndown(0)\n', 'deep.py');
  assert.equal(deep.crashed, null);
  assert.equal(deep.status, 1);
  assert.equal(lastLine(deep.stderr), 'RecursionError: maximum recursion depth exceeded');
  assert.ok(deep.stderr.includes('[Previous line repeated 996 more times]'), deep.stderr.slice(-500));

  const caught = await engine.run(
    'import sys\ndef depth(n):\n    try:\n        return depth(n + 1)\n    except RecursionError:\n        return n\n'
    + 'print(sys.getrecursionlimit(), depth(1))\n', 'depth.py');
  assert.equal(caught.crashed, null);
  assert.equal(caught.stdout, '1000 999\n');

  const normal = await engine.run(allocating, 'main.py');
  assert.equal(normal.crashed, null);
  assert.equal(normal.status, 0);
  assert.equal(normal.stdout, allocatingOut);
});

// repr and == of deeply nested lists recurse in C; CPython 3.11 raises RecursionError for both. An
// engine without a guard overflows the wasm stack, which traps the instance (`crashed`).
test('repr and == of a deeply nested list raise RecursionError instead of trapping', async () => {
  const source = 'nested = []\nfor i in range(100000):\n    nested = [nested]\n'
    + 'try:\n    repr(nested)\nexcept RecursionError:\n    print("repr RecursionError")\n'
    + 'other = []\nfor i in range(100000):\n    other = [other]\n'
    + 'try:\n    print(nested == other)\nexcept RecursionError:\n    print("== RecursionError")\n';
  const result = await engine.run(source, 'nested.py');
  assert.equal(result.crashed, null, 'the instance trapped');
  assert.equal(result.stdout, 'repr RecursionError\n== RecursionError\n');
  const normal = await engine.run(allocating, 'main.py');
  assert.equal(normal.stdout, allocatingOut);
});

// The wasm memory cannot grow past 2 GB, so malloc fails there and the engine must raise MemoryError
// (not trap) and stay usable. Each bomb takes a few seconds.
test('allocation bombs end in MemoryError and the engine stays usable', async () => {
  const bombs = {
    list: 'x = [0]\nwhile True:\n    x = x + x\n',
    dict: 'd = {}\ni = 0\nwhile True:\n    d[i] = [i]\n    i += 1\n',
  };
  for (const [kind, source] of Object.entries(bombs)) {
    const started = Date.now();
    const result = await engine.run(source, 'bomb.py');
    const seconds = (Date.now() - started) / 1000;
    assert.equal(result.crashed, null, `the ${kind} bomb trapped the instance: ${result.crashed}`);
    assert.equal(result.status, 1, `${kind} bomb`);
    assert.equal(lastLine(result.stderr), 'MemoryError', `${kind} bomb`);
    assert.ok(seconds < 60, `the ${kind} bomb took ${seconds} s`);
    const normal = await engine.run(allocating, 'main.py');
    assert.equal(normal.crashed, null, `after the ${kind} bomb the next run trapped: ${normal.crashed}`);
    assert.equal(normal.stdout, allocatingOut, `after the ${kind} bomb`);
  }
});
