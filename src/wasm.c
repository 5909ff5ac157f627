/* The WebAssembly front end: exports the embedding API of anole.h to JavaScript, and nothing more.
 *
 * JavaScript calls the anole_* functions directly (they are listed in EXPORTED_FUNCTIONS by
 * build.sh) and passes strings through malloc/free. The only additions are the output and input
 * bridges: a C callback cannot be a JavaScript function, so anole_wasm_connect_output installs C
 * callbacks that hand each piece of output (stream, pointer, length) to Module.anoleWrite, where
 * web/anole.mjs decodes the bytes, and ask Module.anoleReadLine for input()'s line. Emscripten's print/printErr are not used because they buffer whole lines, and a
 * prompt without a newline must reach the user at once. A third bridge lets the page stop a run:
 * the engine polls Module.anoleInterruptFlag (see anole_wasm_interrupt_requested). */
#include <emscripten.h>

#include "anole.h"

/* Calls the JavaScript side with the raw bytes; the pointer is valid only during this call, so the
 * receiver copies (decodes) them before returning. A module without a receiver drops the output. */
EM_JS(void, anole_wasm_emit, (int stream, const char *data, size_t len), {
    if (Module["anoleWrite"]) {
        Module["anoleWrite"](stream, data, len);
    }
});

static void anole_wasm_write(void *ctx, int stream, const char *data, size_t len) {
    (void)ctx;
    if (!len) return;   /* a flush request: output is never buffered on this side */
    anole_wasm_emit(stream, data, len);
}

/* input(): Module.anoleReadLine() returns the line's UTF-8 bytes (a Uint8Array, no newline needed)
 * or null at end of input. It is synchronous: the engine's caller blocks in it (web/worker.js waits
 * on a SharedArrayBuffer) or throws to abandon the run. The line is copied into malloc'd memory,
 * which the engine frees. Without a receiver, input() sees end of input (EOFError). */
EM_JS(char *, anole_wasm_read_line_js, (size_t *len), {
    if (!Module["anoleReadLine"]) {
        return 0;
    }
    var bytes = Module["anoleReadLine"]();
    if (bytes === null || bytes === undefined) {
        return 0;
    }
    var pointer = _malloc(bytes.length + 1);
    if (!pointer) {
        return 0;
    }
    HEAPU8.set(bytes, pointer);
    HEAPU8[pointer + bytes.length] = 0;
    HEAPU32[len >> 2] = bytes.length;
    return pointer;
});

static char *anole_wasm_read_line(void *ctx, size_t *len) {
    (void)ctx;
    *len = 0;
    return anole_wasm_read_line_js(len);
}

/* Stop from the page: the worker that runs the engine is busy inside anole_run, so it never sees a
 * message (nor runs a timer: Module.anolePoll, when set, is called here too, so the worker can send
 * output it has been holding back); the page instead writes a nonzero value into an Int32Array over a SharedArrayBuffer
 * (Module.anoleInterruptFlag, set by web/anole.mjs for the run), and the engine asks here every few
 * thousand safe points. Atomics.exchange reads the request and consumes it in one step, so one Stop
 * raises KeyboardInterrupt once, even when the program catches it and keeps running. Without a flag
 * (Node, or a page that is not cross-origin isolated) nothing can ask, and the answer is always 0. */
EM_JS(int, anole_wasm_interrupt_requested, (void), {
    if (Module["anolePoll"]) {
        Module["anolePoll"]();
    }
    var flag = Module["anoleInterruptFlag"];
    if (!flag) {
        return 0;
    }
    return Atomics.exchange(flag, 0, 0) !== 0 ? 1 : 0;
});

static int anole_wasm_poll_interrupt(void *ctx) {
    (void)ctx;
    return anole_wasm_interrupt_requested();
}

/* Routes the interpreter's output to Module.anoleWrite, input() to Module.anoleReadLine, and polls
 * Module.anoleInterruptFlag for Stop. */
EMSCRIPTEN_KEEPALIVE void anole_wasm_connect_output(AnoleVM *vm) {
    anole_set_output(vm, anole_wasm_write, NULL);
    anole_set_input(vm, anole_wasm_read_line, NULL);
    anole_set_interrupt_poll(vm, anole_wasm_poll_interrupt, NULL);
}
