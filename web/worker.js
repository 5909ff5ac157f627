// The engine's home in the browser: a module Web Worker, so a long or endless program never freezes
// the page. The messages it exchanges are documented in web/protocol.js.

import { createAnole } from './anole.mjs';
import { INPUT_HEADER_BYTES, INPUT_STATE, MESSAGE } from './protocol.js';

// The engine starts on the page's INIT message, which carries the WebAssembly.Module the page
// compiled once (or null, when the page could not compile it: then the worker fetches the .wasm).
let enginePromise = null;

function startEngine(wasmModule) {
  enginePromise = wasmModule
    ? createAnole({ wasmModule })
    : createAnole({ wasmUrl: new URL('./anole.wasm', import.meta.url) });
  enginePromise.then(
    (engine) => self.postMessage({ type: MESSAGE.READY, opcodes: engine.opcodes() }),
    (error) => self.postMessage({ type: MESSAGE.FAILED, message: String(error && error.message ? error.message : error) }),
  );
}

self.addEventListener('message', async (event) => {
  const message = event.data;
  if (message.type === MESSAGE.INIT) {
    if (!enginePromise) startEngine(message.module);
    return;
  }
  if (message.type !== MESSAGE.RUN) return;
  if (!enginePromise) startEngine(null);
  let engine;
  try {
    engine = await enginePromise;
  } catch (error) {
    // The page has been told (FAILED); it still needs this run to end.
    const crashed = `the engine failed to load: ${error && error.message ? error.message : error}`;
    self.postMessage({ type: MESSAGE.DONE, id: message.id, status: null, crashed, report: null });
    return;
  }
  const output = outputSender(message.id);
  const result = await engine.run(message.source, message.filename, {
    specialize: message.specialize,
    onStdout: (text) => output.write('stdout', text),
    onStderr: (text) => output.write('stderr', text),
    onPoll: output.tick,
    collect: false,
    onInput: inputReader(message, output.flush),
    // Stop: the page sets this flag and the engine, polling it, raises KeyboardInterrupt.
    interruptFlag: message.interruptBuffer ? new Int32Array(message.interruptBuffer, 0, 1) : null,
  });
  output.flush();
  self.postMessage({
    type: MESSAGE.DONE,
    id: message.id,
    status: result.status,
    crashed: result.crashed,
    report: result.report,
    // The adaptive disassembly (for the bytecode pane's arguments); '' after a crash.
    dis: result.crashed || result.abandoned ? '' : engine.dis(),
    needsInput: result.abandoned,
  });
});

// input()'s lines for one run: first the answers the page already has (message.inputs, when it
// replays a program), then, when the page shared a buffer (it is cross-origin isolated), an
// answer it is asked for while this thread sleeps in Atomics.wait. Without the buffer the run is
// abandoned, and the page asks the learner, then runs the program again with one more answer.
// A page without input (message.interactive false) gets end of input: EOFError.
const decoder = new TextDecoder();

function inputReader(message, flushOutput) {
  const queued = [...(message.inputs ?? [])];
  const buffer = message.inputBuffer;
  return () => {
    flushOutput();   // the prompt must be on the screen before the learner is asked
    if (queued.length > 0) return queued.shift();
    if (!message.interactive) return null;
    if (!buffer) throw Object.assign(new Error('input() needs an answer from the page'), { abandonRun: true });
    const control = new Int32Array(buffer, 0, 2);
    Atomics.store(control, 0, INPUT_STATE.WAITING);
    self.postMessage({ type: MESSAGE.INPUT, id: message.id });
    while (Atomics.load(control, 0) === INPUT_STATE.WAITING) Atomics.wait(control, 0, INPUT_STATE.WAITING);
    if (Atomics.load(control, 0) === INPUT_STATE.EOF) return null;
    const length = Atomics.load(control, 1);
    // TextDecoder cannot read a shared buffer's view directly; copy the bytes out first.
    return decoder.decode(new Uint8Array(buffer, INPUT_HEADER_BYTES, length).slice());
  };
}

// A run's output on its way to the page. Writes are gathered and sent every FLUSH_MS (checked at
// each write and at each engine poll, since no timer fires while the engine holds this thread),
// so a print loop makes a few messages a second instead of one per print. A program that prints
// faster than a page can show (a terminal can take a few MB a second) is cut to the most recent
// output: each batch keeps at most BATCH_LIMIT characters plus the budget saved by quieter
// batches, and says how much it skipped. Without this, `while True: print(i)` froze the page for
// tens of seconds and Stop could not be clicked.
const FLUSH_MS = 25;
const BATCH_LIMIT = 64 * 1024;
const BUDGET_LIMIT = 1024 * 1024;

function outputSender(id) {
  let chunks = [];        // [stream, text] pairs in order, neighbours on one stream merged
  let size = 0;
  let skipped = 0;
  let last = performance.now();
  let budget = BUDGET_LIMIT;   // a burst (one big print) may use what quiet batches left unused
  const flush = () => {
    if (skipped) {
      self.postMessage({ type: MESSAGE.OUTPUT, id, stream: 'stderr',
        text: `\n[${skipped} characters of output skipped: the program prints faster than the page can show]\n` });
    }
    for (const [stream, text] of chunks) self.postMessage({ type: MESSAGE.OUTPUT, id, stream, text });
    budget = Math.min(BUDGET_LIMIT, budget - size + BATCH_LIMIT);
    chunks = [];
    size = 0;
    skipped = 0;
    last = performance.now();
  };
  const write = (stream, text) => {
    const tail = chunks[chunks.length - 1];
    if (tail && tail[0] === stream) tail[1] += text;
    else chunks.push([stream, text]);
    size += text.length;
    // Over the budget: drop the oldest text of the batch, keeping the newest.
    const allowed = Math.max(budget, BATCH_LIMIT);
    while (size > allowed) {
      const first = chunks[0];
      const excess = size - allowed;
      if (first[1].length <= excess && chunks.length > 1) {
        chunks.shift();
        size -= first[1].length;
        skipped += first[1].length;
      } else {
        const cut = Math.min(excess, first[1].length);
        first[1] = first[1].slice(cut);
        size -= cut;
        skipped += cut;
      }
    }
    if (performance.now() - last >= FLUSH_MS) flush();
  };
  const tick = () => {
    if (size && performance.now() - last >= FLUSH_MS) flush();
  };
  return { write, tick, flush };
}
