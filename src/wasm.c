/* The WebAssembly front end: exports the embedding API of anole.h to JavaScript, and nothing more.
 *
 * JavaScript calls the anole_* functions directly (they are listed in EXPORTED_FUNCTIONS by
 * build.sh) and passes strings through malloc/free. The only addition is the output bridge: a C
 * callback cannot be a JavaScript function, so anole_wasm_connect_output installs a C callback that
 * hands each piece of output (stream, pointer, length) to Module.anoleWrite, where web/anole.mjs
 * decodes the bytes. Emscripten's print/printErr are not used because they buffer whole lines, and a
 * prompt without a newline must reach the user at once. */
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
    anole_wasm_emit(stream, data, len);
}

/* Routes the interpreter's output to Module.anoleWrite. */
EMSCRIPTEN_KEEPALIVE void anole_wasm_connect_output(AnoleVM *vm) {
    anole_set_output(vm, anole_wasm_write, NULL);
}
