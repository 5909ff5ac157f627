// The messages between the page and the engine's Web Worker (web/worker.js), all in one place.
//
// Page -> worker:
//   { type: 'init', module }
//       The first message to every worker: module is the WebAssembly.Module the page compiled once
//       (so a replacement worker only instantiates it), or null to make the worker fetch the .wasm.
//   { type: 'run', id, source, filename, specialize, interactive, inputs, inputBuffer, interruptBuffer }
//       Run source as __main__. id is chosen by the page and echoed in every reply to this run.
//       interactive: the page can answer input(); inputs: answers given already (a replay);
//       inputBuffer: a SharedArrayBuffer for answers (only when the page is cross-origin isolated)
//       laid out as Int32 state (INPUT_STATE), Int32 byte length, then the line's UTF-8 bytes.
//       interruptBuffer: a SharedArrayBuffer holding one Int32 (only when cross-origin isolated),
//       the Stop flag: the page stores 1, the engine polls it and raises KeyboardInterrupt.
//
// Worker -> page:
//   { type: 'ready', opcodes }             The engine loaded; opcodes is the parsed opcode table.
//   { type: 'output', id, stream, text }   Program output; stream is 'stdout' or 'stderr'.
//   { type: 'input', id }                  input() waits: the page writes the answer into inputBuffer,
//                                          sets the state and calls Atomics.notify.
//   { type: 'done', id, status, crashed, report, dis, needsInput }
//       The run ended. status is 0 (normal end) or 1 (uncaught exception or syntax error); crashed
//       is null or a message when the engine trapped (the worker then starts a fresh instance on
//       the next run); report is the parsed JSON report (DESIGN.md section 8) or null; dis is the
//       engine's adaptive disassembly text (engine.dis()) or ''.
//       needsInput: input() wanted an answer and there was no inputBuffer, so the worker abandoned
//       the run; the page asks the learner and replays the program with one more answer in inputs,
//       showing only the output past what it showed already (programs that read the clock or
//       random numbers may print differently the second time).
//   { type: 'failed', message }            The engine could not be loaded at all.
//
// Stopping a run is not a message: a running program never yields to the worker's event loop, so
// it would never be read. When the page is cross-origin isolated, Stop sets the flag in
// interruptBuffer, which the engine polls every 4096 loop iterations or calls: the program gets
// KeyboardInterrupt (its finally blocks run, the traceback is printed) and the run ends with an
// ordinary DONE. If no DONE comes within STOP_GRACE_MS (the program caught the exception and kept
// going, it is busy inside one long operation, or it waits in input()), or without isolation, the
// page terminates the worker and starts a new one (EngineClient.stop).

export const MESSAGE = Object.freeze({
  INIT: 'init',
  RUN: 'run',
  READY: 'ready',
  OUTPUT: 'output',
  DONE: 'done',
  FAILED: 'failed',
  INPUT: 'input',
});

export const INPUT_STATE = Object.freeze({ WAITING: 0, ANSWERED: 1, EOF: 2 });
export const INPUT_HEADER_BYTES = 8;
const INPUT_CAPACITY = 1 << 16;
// How long Stop lets the program end by itself after KeyboardInterrupt was asked for. The issue
// allows half a second for Stop in total; replacing the worker takes a few milliseconds more.
export const STOP_GRACE_MS = 300;
const isolated = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
const encoder = new TextEncoder();

// The page's side of the protocol: owns the worker and turns messages into callbacks.
export class EngineClient {
  #worker = null;
  #nextRunId = 1;
  #currentRun = null;
  #handlers;
  #modulePromise;
  // Resolves once the current worker has been sent its INIT message.
  #initialized = null;
  // input()'s answers travel through this when the page is cross-origin isolated.
  #inputBuffer = isolated ? new SharedArrayBuffer(INPUT_HEADER_BYTES + INPUT_CAPACITY) : null;
  // Stop's flag for the current worker. Each worker gets its own, so a replaced worker that is
  // still winding down cannot consume a Stop meant for its successor.
  #interruptBuffer = null;
  // Whether the current worker's engine has loaded (READY). Until then a run cannot have started,
  // so Stop replaces the worker at once instead of interrupting the program before its first line.
  #workerReady = false;

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

  // How input() works here: 'blocking' (SharedArrayBuffer) or 'replay' (see the DONE message).
  get inputMode() {
    return this.#inputBuffer ? 'blocking' : 'replay';
  }

  #startWorker() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker = worker;
    this.#workerReady = false;
    this.#interruptBuffer = isolated ? new SharedArrayBuffer(4) : null;
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
        this.#workerReady = true;
        this.#handlers.onReady?.(message.opcodes);
        break;
      case MESSAGE.FAILED:
        this.#handlers.onFailed?.(message.message);
        break;
      case MESSAGE.OUTPUT:
        if (run && run.id === message.id) this.#output(run, message.stream, message.text);
        break;
      case MESSAGE.INPUT:
        if (run && run.id === message.id) {
          run.waitingForInput = true;
          this.#answer(run);
        }
        break;
      case MESSAGE.DONE:
        if (run && run.id === message.id) {
          if (message.needsInput) {
            this.#replay(run);
            break;
          }
          this.#currentRun = null;
          clearTimeout(run.stopTimer);
          // After a Stop the engine raised KeyboardInterrupt and the program ended by itself (its
          // output, traceback included, has arrived already).
          run.resolve({
            status: message.status,
            crashed: message.crashed,
            report: message.report,
            dis: message.dis ?? '',
            stopped: run.stopping,
            replaced: false,
          });
        }
        break;
    }
  }

  // Output of a replayed run repeats what was shown already: only the text past it goes on.
  #output(run, stream, text) {
    const start = run.seen;
    run.seen += text.length;
    if (run.seen <= run.shown) return;
    const fresh = start >= run.shown ? text : text.slice(run.shown - start);
    run.shown = run.seen;
    run.onOutput(stream, fresh);
  }

  // Blocking input(): the worker sleeps until the answer is in the shared buffer.
  async #answer(run) {
    const line = await run.onInput();
    if (this.#currentRun !== run) return;
    run.waitingForInput = false;
    const control = new Int32Array(this.#inputBuffer, 0, 2);
    if (line === null || line === undefined) {
      Atomics.store(control, 0, INPUT_STATE.EOF);
    } else {
      const bytes = encoder.encode(line).slice(0, INPUT_CAPACITY);
      new Uint8Array(this.#inputBuffer, INPUT_HEADER_BYTES, bytes.length).set(bytes);
      Atomics.store(control, 1, bytes.length);
      Atomics.store(control, 0, INPUT_STATE.ANSWERED);
    }
    Atomics.notify(control, 0);
  }

  // Replayed input(): ask, then run the program again from the start with one more answer.
  async #replay(run) {
    const line = await run.onInput();
    if (this.#currentRun !== run) return;
    if (line === null || line === undefined) run.interactive = false;
    else run.inputs.push(line);
    run.seen = 0;
    this.#send(run);
  }

  #send(run) {
    const worker = this.#worker;
    // The RUN message must follow the worker's INIT message.
    this.#initialized.then(() => {
      if (this.#currentRun !== run) return;
      worker.postMessage({
        type: MESSAGE.RUN,
        id: run.id,
        source: run.source,
        filename: run.filename,
        specialize: run.specialize,
        interactive: run.interactive,
        inputs: run.inputs,
        inputBuffer: this.#inputBuffer,
        interruptBuffer: this.#interruptBuffer,
      });
    });
  }

  // Runs a program; onOutput(stream, text) receives its output as it comes; onInput() is asked for
  // each line input() reads (after its prompt was output) and returns a promise of the line, or of
  // null for end of input. Without onInput, input() raises EOFError. Resolves with
  // { status, crashed, report, dis, stopped, replaced } when the run ends or is stopped: stopped
  // says Stop was asked for; replaced says the worker was replaced, so the program printed no
  // KeyboardInterrupt of its own (status, report are null then).
  run(source, filename, { specialize = true, onOutput = () => {}, onInput = null } = {}) {
    if (this.#currentRun) throw new Error('a program is already running');
    const id = this.#nextRunId++;
    return new Promise((resolve) => {
      const run = {
        id, source, filename, specialize, onOutput, onInput, resolve,
        interactive: onInput !== null, inputs: [], seen: 0, shown: 0,
        waitingForInput: false, stopping: false, stopTimer: 0,
      };
      // A Stop that came after the previous run had finished must not interrupt this one.
      if (this.#interruptBuffer) Atomics.store(new Int32Array(this.#interruptBuffer, 0, 1), 0, 0);
      this.#currentRun = run;
      this.#send(run);
    });
  }

  // Ends the running program. With shared memory, asks the engine for KeyboardInterrupt first and
  // replaces the worker only if the run has not ended STOP_GRACE_MS later; a second Stop within
  // that time, a program waiting in input() (its thread sleeps in Atomics.wait and polls nothing),
  // a worker still loading the engine or a page without shared memory replaces the worker at once.
  stop() {
    const run = this.#currentRun;
    if (!run) return;
    if (this.#interruptBuffer && this.#workerReady && !run.stopping && !run.waitingForInput) {
      run.stopping = true;
      const flag = new Int32Array(this.#interruptBuffer, 0, 1);
      Atomics.store(flag, 0, 1);
      run.stopTimer = setTimeout(() => {
        if (this.#currentRun === run) this.#replaceWorker(run);
      }, STOP_GRACE_MS);
      return;
    }
    this.#replaceWorker(run);
  }

  #replaceWorker(run) {
    clearTimeout(run.stopTimer);
    this.#currentRun = null;
    this.#worker.terminate();
    this.#startWorker();
    run.resolve({ status: null, crashed: null, report: null, dis: '', stopped: true, replaced: true });
  }
}
