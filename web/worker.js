// The engine's home in the browser: a module Web Worker, so a long or endless program never freezes
// the page. The messages it exchanges are documented in web/protocol.js.

import { createAnole } from './anole.mjs';
import { MESSAGE } from './protocol.js';

// Output is sent in batches: one message per write would flood the page when a program prints in
// a loop. A batch goes out when it is large or old enough, and always at the end of the run.
const BATCH_BYTES = 8192;
const BATCH_MILLISECONDS = 30;

const enginePromise = createAnole({ wasmUrl: new URL('./anole.wasm', import.meta.url) });

enginePromise.then(
  (engine) => self.postMessage({ type: MESSAGE.READY, opcodes: engine.opcodes() }),
  (error) => self.postMessage({ type: MESSAGE.FAILED, message: String(error && error.message ? error.message : error) }),
);

function makeBatcher(id) {
  let stream = null;
  let pending = '';
  let startedAt = 0;
  const flush = () => {
    if (pending) self.postMessage({ type: MESSAGE.OUTPUT, id, stream, text: pending });
    pending = '';
  };
  const write = (which, text) => {
    if (stream !== which) {
      flush();
      stream = which;
    }
    if (!pending) startedAt = Date.now();
    pending += text;
    if (pending.length >= BATCH_BYTES || Date.now() - startedAt >= BATCH_MILLISECONDS) flush();
  };
  return { write, flush };
}

self.addEventListener('message', async (event) => {
  const message = event.data;
  if (message.type !== MESSAGE.RUN) return;
  let engine;
  try {
    engine = await enginePromise;
  } catch (error) {
    // The page has been told (FAILED); it still needs this run to end.
    const crashed = `the engine failed to load: ${error && error.message ? error.message : error}`;
    self.postMessage({ type: MESSAGE.DONE, id: message.id, status: null, crashed, report: null });
    return;
  }
  const batcher = makeBatcher(message.id);
  const result = await engine.run(message.source, message.filename, {
    specialize: message.specialize,
    onStdout: (text) => batcher.write('stdout', text),
    onStderr: (text) => batcher.write('stderr', text),
  });
  batcher.flush();
  self.postMessage({
    type: MESSAGE.DONE,
    id: message.id,
    status: result.status,
    crashed: result.crashed,
    report: result.report,
  });
});
