/* The embedding API: everything a front end (the native CLI, the wasm exports, a test) may call.
 * A front end never reaches into the engine's internals; it creates an interpreter, runs source,
 * receives output through one callback, and reads the results of the last run as text. */
#ifndef ANOLE_H
#define ANOLE_H

#include <stddef.h>

typedef struct AnoleVM AnoleVM;

/* Output of the running program. stream is 1 for stdout and 2 for stderr (tracebacks, syntax
 * errors). data is not NUL-terminated and is valid only during the call. Output is delivered as it
 * is produced, not line-buffered, so a prompt without a newline reaches the user at once. A call
 * with len 0 asks the embedder to flush whatever it buffers itself (print(..., flush=True)). */
typedef void (*AnoleWriteFn)(void *ctx, int stream, const char *data, size_t len);

AnoleVM *anole_new(void);
void anole_free(AnoleVM *vm);

void anole_set_output(AnoleVM *vm, AnoleWriteFn write, void *ctx);

/* input(): returns one line (malloc'd, the engine frees it; *len its length, a trailing newline
 * allowed) or NULL at end of input, which raises EOFError. Without a reader input() raises EOFError. */
typedef char *(*AnoleReadLineFn)(void *ctx, size_t *len);
void anole_set_input(AnoleVM *vm, AnoleReadLineFn read_line, void *ctx);

/* With specialize off the interpreter never quickens: the baseline for A/B measurements. */
void anole_set_specialize(AnoleVM *vm, int on);

/* With GC stress on, the collector runs at every safe point (tests use it to find missing roots). */
void anole_set_gc_stress(AnoleVM *vm, int on);

/* Asks the running program to stop: at its next safe point (a loop's backward jump or a call)
 * it raises KeyboardInterrupt, which the program may catch. Only sets a flag, so a signal
 * handler may call it. */
void anole_interrupt(AnoleVM *vm);

/* For a host that cannot call anole_interrupt while a run is in progress (a WebAssembly worker,
 * which is busy running it): the engine calls poll(ctx) every few thousand safe points, and a
 * nonzero answer acts as anole_interrupt. NULL removes the poll. */
typedef int (*AnoleInterruptPollFn)(void *ctx);
void anole_set_interrupt_poll(AnoleVM *vm, AnoleInterruptPollFn poll, void *ctx);

/* The most memory the program's objects may take (default 1 GiB); beyond it MemoryError. */
void anole_set_heap_limit(AnoleVM *vm, size_t bytes);
/* Bytes the live objects take now (for tests and the playground's memory display). */
size_t anole_heap_bytes(AnoleVM *vm);

/* Runs source (UTF-8, len bytes) as the module __main__, with filename used in tracebacks and the
 * report. Every run starts from a fresh module namespace; nothing of a previous run survives.
 * Returns 0 when the program ended normally, 1 when it raised an uncaught exception or had a
 * syntax error (the traceback has then been written to stream 2), or the status sys.exit() gave. */
int anole_run(AnoleVM *vm, const char *source, size_t len, const char *filename);

/* Results of the last run, as NUL-terminated UTF-8 owned by the interpreter and valid until the
 * next anole_run or anole_free. */
const char *anole_report_json(AnoleVM *vm);      /* the JSON report, DESIGN.md section 8 */
const char *anole_specialist_ansi(AnoleVM *vm);  /* the source colored with 24-bit ANSI backgrounds */
const char *anole_specialist_html(AnoleVM *vm);  /* the same coloring as a standalone HTML page */
const char *anole_dis(AnoleVM *vm);              /* adaptive disassembly of every code object */
const char *anole_stats(AnoleVM *vm);            /* specialization statistics per family, as text */

/* The opcode table as JSON: {"profile": "3.11", "opcodes": [{"name", "code", "family", "cache"}...]}. */
const char *anole_opcodes_json(void);

#endif
