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
  // Every write is posted at once. Batching would need a timer to send the tail of a batch, and
  // timers never fire while a program runs (the engine holds the worker's thread), so the output
  // before an endless loop would never appear.
  const post = (stream, text) => self.postMessage({ type: MESSAGE.OUTPUT, id: message.id, stream, text });
  const result = await engine.run(message.source, message.filename, {
    specialize: message.specialize,
    onStdout: (text) => post('stdout', text),
    onStderr: (text) => post('stderr', text),
    onInput: inputReader(message),
    // Stop: the page sets this flag and the engine, polling it, raises KeyboardInterrupt.
    interruptFlag: message.interruptBuffer ? new Int32Array(message.interruptBuffer, 0, 1) : null,
  });
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

function inputReader(message) {
  const queued = [...(message.inputs ?? [])];
  const buffer = message.inputBuffer;
  return () => {
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
