// The messages between the page and the engine's Web Worker (web/worker.js), all in one place.
//
// Page -> worker:
//   { type: 'init', module }
//       The first message to every worker: module is the WebAssembly.Module the page compiled once
//       (so a replacement worker only instantiates it), or null to make the worker fetch the .wasm.
//   { type: 'run', id, source, filename, specialize }
//       Run source as __main__. id is chosen by the page and echoed in every reply to this run.
//
// Worker -> page:
//   { type: 'ready', opcodes }             The engine loaded; opcodes is the parsed opcode table.
//   { type: 'output', id, stream, text }   Program output; stream is 'stdout' or 'stderr'.
//   { type: 'done', id, status, crashed, report, dis }
//       The run ended. status is 0 (normal end) or 1 (uncaught exception or syntax error); crashed
//       is null or a message when the engine trapped (the worker then starts a fresh instance on
//       the next run); report is the parsed JSON report (DESIGN.md section 8) or null; dis is the
//       engine's adaptive disassembly text (engine.dis()) or ''.
//   { type: 'failed', message }            The engine could not be loaded at all.
//
// Stopping a run is not a message: a running program never yields to the worker's event loop, so
// the page terminates the worker and starts a new one (EngineClient.stop).

export const MESSAGE = Object.freeze({
  INIT: 'init',
  RUN: 'run',
  READY: 'ready',
  OUTPUT: 'output',
  DONE: 'done',
  FAILED: 'failed',
});

// The page's side of the protocol: owns the worker and turns messages into callbacks.
export class EngineClient {
  #worker = null;
  #nextRunId = 1;
  #currentRun = null;
  #handlers;
  #modulePromise;
  // Resolves once the current worker has been sent its INIT message.
  #initialized = null;

  // handlers: { onReady(opcodes), onFailed(message) }
  // wasmModule: a promise of the compiled WebAssembly.Module (or of null), shared by every worker.
  constructor(handlers, wasmModule = Promise.resolve(null)) {
    this.#handlers = handlers;
    this.#modulePromise = Promise.resolve(wasmModule).catch(() => null);
    this.#startWorker();
  }

  get running() {
    return this.#currentRun !== null;
  }

  #startWorker() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.addEventListener('message', (event) => {
      if (worker === this.#worker) this.#receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (worker === this.#worker) this.#handlers.onFailed?.(event.message || 'the engine worker failed to start');
    });
    this.#initialized = this.#modulePromise.then((module) => {
      worker.postMessage({ type: MESSAGE.INIT, module });
    });
  }

  #receive(message) {
    const run = this.#currentRun;
    switch (message.type) {
      case MESSAGE.READY:
        this.#handlers.onReady?.(message.opcodes);
        break;
      case MESSAGE.FAILED:
        this.#handlers.onFailed?.(message.message);
        break;
      case MESSAGE.OUTPUT:
        if (run && run.id === message.id) run.onOutput(message.stream, message.text);
        break;
      case MESSAGE.DONE:
        if (run && run.id === message.id) {
          this.#currentRun = null;
          run.resolve({
            status: message.status, crashed: message.crashed, report: message.report, dis: message.dis ?? '', stopped: false,
          });
        }
        break;
    }
  }

  // Runs a program; onOutput(stream, text) receives its output as it comes. Resolves with
  // { status, crashed, report, stopped } when the run ends or is stopped.
  run(source, filename, { specialize = true, onOutput = () => {} } = {}) {
    if (this.#currentRun) throw new Error('a program is already running');
    const id = this.#nextRunId++;
    return new Promise((resolve) => {
      this.#currentRun = { id, onOutput, resolve };
      const worker = this.#worker;
      // The RUN message must follow the worker's INIT message.
      this.#initialized.then(() => {
        if (this.#currentRun?.id === id) worker.postMessage({ type: MESSAGE.RUN, id, source, filename, specialize });
      });
    });
  }

  // Ends the running program at once by replacing the worker.
  stop() {
    const run = this.#currentRun;
    if (!run) return;
    this.#currentRun = null;
    this.#worker.terminate();
    this.#startWorker();
    run.resolve({ status: null, crashed: null, report: null, stopped: true });
  }
}
