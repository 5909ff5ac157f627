// The JavaScript API of Anole: one ES module that runs the WebAssembly build of the engine in Node 20
// and in a module Web Worker.
//
//   const engine = await createAnole();                 // Node: reads build/anole.wasm from disk
//   const engine = await createAnole({ wasmUrl });      // browser: fetches the .wasm from wasmUrl
//   const engine = await createAnole({ wasmModule });   // a WebAssembly.Module compiled already
//   const result = await engine.run(source, 'prog.py', { specialize: true, onStdout, onStderr, onInput, interruptFlag });
//   // result: { status: 0 | 1 | null, crashed: null | 'message', stdout, stderr, report, abandoned }
//   engine.specialistAnsi(); engine.html(); engine.dis(); engine.stats(); engine.reportJson();
//   engine.opcodes();                                   // parsed opcode table
//
// The methods after run() describe the last run. The engine itself (src/wasm.c over src/anole.h)
// never throws; an exception out of a wasm call means the instance trapped (an abort, a stack
// overflow, an engine bug). Such an instance cannot be trusted again, so the run reports
// `crashed` and the next run starts on a fresh instance.

import createAnoleModule from '../build/anole.mjs';

const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;

// Reads or fetches the .wasm bytes once; every instance (including the ones made after a trap)
// compiles from the same bytes.
async function loadWasmBinary({ wasmBinary, wasmUrl, wasmModule }) {
  if (wasmModule) return null;
  if (wasmBinary) return wasmBinary;
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    return readFile(wasmUrl ?? new URL('../build/anole.wasm', import.meta.url));
  }
  const response = await fetch(wasmUrl ?? new URL('../build/anole.wasm', import.meta.url));
  if (!response.ok) throw new Error(`cannot load ${response.url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const encoder = new TextEncoder();

class AnoleEngine {
  #wasmBinary;
  #wasmModule;
  #module = null;
  #vm = 0;
  #crashed = false;
  // The receiver of output for the run in progress: (stream, bytes) => void.
  #onOutput = null;
  // The source of input() lines for the run in progress: () => Uint8Array | null.
  #onInput = null;

  constructor(wasmBinary, wasmModule = null) {
    this.#wasmBinary = wasmBinary;
    this.#wasmModule = wasmModule;
  }

  async start() {
    const engine = this;
    const compiled = this.#wasmModule;
    this.#module = await createAnoleModule({
      ...(compiled
        // A compiled module only needs instantiating, which is much faster than compiling the
        // bytes again (the playground compiles once and hands the module to each new worker).
        ? {
          instantiateWasm(imports, receiveInstance) {
            WebAssembly.instantiate(compiled, imports).then((instance) => receiveInstance(instance, compiled));
            return {};
          },
        }
        : { wasmBinary: this.#wasmBinary }),
      // Called by src/wasm.c for every piece of program output; the bytes are only valid during
      // the call, so the receiver must copy or decode them before returning.
      anoleWrite(stream, pointer, length) {
        if (engine.#onOutput) engine.#onOutput(stream, engine.#module.HEAPU8.subarray(pointer, pointer + length));
      },
      // The engine writes through anoleWrite only; anything reaching these came from the runtime
      // itself (for example an abort message), and belongs on stderr.
      print(text) {
        if (engine.#onOutput) engine.#onOutput(2, encoder.encode(text + '\n'));
      },
      printErr(text) {
        if (engine.#onOutput) engine.#onOutput(2, encoder.encode(text + '\n'));
      },
      // Called by src/wasm.c for input(): the line's bytes, or null for end of input (EOFError).
      anoleReadLine() {
        return engine.#onInput ? engine.#onInput() : null;
      },
    });
    this.#vm = this.#module._anole_new();
    if (!this.#vm) throw new Error('anole_new failed');
    this.#module._anole_wasm_connect_output(this.#vm);
    this.#crashed = false;
  }

  // Runs source (a string, or UTF-8 bytes) as __main__ named filename.
  // options.specialize: false never quickens (the A/B baseline).
  // options.gcStress: true collects at every safe point (finds missing GC roots in tests).
  // options.onStdout / options.onStderr receive decoded text as it is produced.
  // options.onOutput(stream, bytes) receives the raw bytes instead (1 = stdout, 2 = stderr).
  // options.interruptFlag: an Int32Array (over a SharedArrayBuffer, written by another thread);
  // while the run is in progress, a nonzero element 0 raises KeyboardInterrupt in the program at
  // its next poll (every 4096 loop iterations or calls), and the engine sets it back to 0.
  // options.onPoll(): called at each of those polls, the only moments a busy run lets JavaScript
  // act (the playground's worker sends the output it holds back then).
  // options.collect: false keeps no copy of the output (result.stdout and stderr are then '').
  // options.onInput() answers input() synchronously, after the prompt went out: a string (one
  // line; a trailing newline is dropped) or null for end of input (EOFError). Without it input()
  // raises EOFError. It may throw an error with `abandonRun: true` to end the run at once (the
  // playground's fallback when it cannot block for an answer): the run then resolves with
  // abandoned: true, status and report null, and the next run starts on a fresh instance.
  async run(source, filename = 'main.py', options = {}) {
    if (this.#crashed || !this.#module) await this.start();
    const module = this.#module;
    const { specialize = true, gcStress = false, onStdout, onStderr, onOutput, onInput, interruptFlag = null,
      onPoll = null, collect = true } = options;
    const decoders = { 1: new TextDecoder(), 2: new TextDecoder() };
    const collected = { 1: [], 2: [] };
    const deliver = (stream, text) => {
      if (!text) return;
      if (collect) collected[stream].push(text);
      if (stream === 1 && onStdout) onStdout(text);
      if (stream === 2 && onStderr) onStderr(text);
    };
    this.#onOutput = (stream, bytes) => {
      const which = stream === 2 ? 2 : 1;
      if (onOutput) onOutput(which, bytes.slice());
      // A streaming decoder per stream keeps a character split across two writes intact.
      deliver(which, decoders[which].decode(bytes, { stream: true }));
    };
    this.#onInput = onInput ? () => {
      const line = onInput();
      if (line === null || line === undefined) return null;
      return typeof line === 'string' ? encoder.encode(line) : line;
    } : null;

    // Read by src/wasm.c (anole_wasm_interrupt_requested) whenever the engine polls.
    module.anoleInterruptFlag = interruptFlag;
    module.anolePoll = onPoll;

    const sourceBytes = typeof source === 'string' ? encoder.encode(source) : source;
    const filenameBytes = encoder.encode(filename + '\0');
    let status = null;
    let crashed = null;
    let abandoned = false;
    let sourcePointer = 0;
    let filenamePointer = 0;
    try {
      module._anole_set_specialize(this.#vm, specialize ? 1 : 0);
      module._anole_set_gc_stress(this.#vm, gcStress ? 1 : 0);
      // malloc(0) may return NULL; one spare byte keeps the pointer valid for empty programs.
      sourcePointer = module._malloc(sourceBytes.length + 1);
      filenamePointer = module._malloc(filenameBytes.length);
      if (!sourcePointer || !filenamePointer) throw new Error('out of memory passing the program to the engine');
      module.HEAPU8.set(sourceBytes, sourcePointer);
      module.HEAPU8.set(filenameBytes, filenamePointer);
      status = module._anole_run(this.#vm, sourcePointer, sourceBytes.length, filenamePointer);
      module._free(sourcePointer);
      module._free(filenamePointer);
    } catch (error) {
      // The instance trapped: its memory may be inconsistent, so it is dropped, not freed.
      this.#crashed = true;
      if (error && error.abandonRun) abandoned = true;
      else crashed = String(error && error.message ? error.message : error);
    }
    this.#onOutput = null;
    this.#onInput = null;
    module.anoleInterruptFlag = null;
    deliver(1, decoders[1].decode());
    deliver(2, decoders[2].decode());

    let report = null;
    if (!crashed && !abandoned) {
      try {
        report = JSON.parse(this.reportJson());
      } catch {
        report = null;
      }
    }
    return { status, crashed, stdout: collected[1].join(''), stderr: collected[2].join(''), report, abandoned };
  }

  // Reads a NUL-terminated UTF-8 string the engine owns.
  #string(pointer) {
    if (!pointer) return '';
    const heap = this.#module.HEAPU8;
    const end = heap.indexOf(0, pointer);
    return new TextDecoder().decode(heap.subarray(pointer, end));
  }

  // Each accessor returns '' when there is no usable last run (nothing ran yet, or it crashed).
  #result(name) {
    if (!this.#module || this.#crashed) return '';
    return this.#string(this.#module[name](this.#vm));
  }

  reportJson() { return this.#result('_anole_report_json'); }
  report() { const text = this.reportJson(); return text ? JSON.parse(text) : null; }
  specialistAnsi() { return this.#result('_anole_specialist_ansi'); }
  html() { return this.#result('_anole_specialist_html'); }
  dis() { return this.#result('_anole_dis'); }
  stats() { return this.#result('_anole_stats'); }

  // The WebAssembly memory's size in bytes (it grows but never shrinks), and the bytes the
  // interpreter's live objects take; both 0 when no instance is usable.
  memoryBytes() { return this.#module && !this.#crashed ? this.#module.HEAPU8.buffer.byteLength : 0; }
  heapBytes() { return this.#module && !this.#crashed && this.#vm ? this.#module._anole_heap_bytes(this.#vm) >>> 0 : 0; }

  opcodes() {
    if (!this.#module || this.#crashed) return null;
    return JSON.parse(this.#string(this.#module._anole_opcodes_json()));
  }

  // Frees the interpreter; the engine object must not be used afterwards.
  dispose() {
    if (this.#module && !this.#crashed && this.#vm) this.#module._anole_free(this.#vm);
    this.#module = null;
    this.#vm = 0;
  }
}

// Creates an engine. options.wasmModule (a compiled WebAssembly.Module) wins over
// options.wasmBinary (bytes), which wins over options.wasmUrl (a URL or, in Node, a path); without
// any of them, the .wasm next to the build output (build/anole.wasm) is used.
export async function createAnole(options = {}) {
  const engine = new AnoleEngine(await loadWasmBinary(options), options.wasmModule ?? null);
  await engine.start();
  return engine;
}
