/* The embedding API (anole.h): the one way front ends drive the engine. */
#include "anole.h"

#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "dis.h"
#include "parser.h"
#include "report.h"
#include "reportcollect.h"
#include "runtime.h"
#include "traceback.h"
#include "vm.h"

AnoleVM *anole_new(void) {
    VM *vm = calloc(1, sizeof(VM));
    if (!vm) return NULL;
    vm->stack = calloc(VM_STACK_SLOTS, sizeof(Value));
    if (!vm->stack) {
        free(vm);
        return NULL;
    }
    vm->specialize = 1;
    vm->recursion_limit = VM_DEFAULT_RECURSION_LIMIT;
    vm->next_keys_version = 1;
    vm->next_func_version = 1;
    vm->next_type_version = 1;
    vm->next_gc = GC_MIN_THRESHOLD;
    vm->heap_limit = (size_t)1 << 30;
    vm->scratch_slice = (Slice){.hdr = {.kind = OBJ_SLICE, .is_static = 1}, VALUE_NONE, VALUE_NONE, VALUE_NONE};
    vm->exc = VALUE_NULL;
    vm->handled = VALUE_NONE;
    vm->stderr_marker = VALUE_NULL;
    types_init();
    vm->interned = dict_new(vm);
    vm->memory_error = vm->interned ? exc_new(vm, &exc_MemoryError, VALUE_NULL) : NULL;
    if (vm->memory_error) {
#define ANOLE_INTERN_NAME(field, text) \
        if (!(vm->names.field = str_intern(vm, text, strlen(text)))) vm->memory_error = NULL;
        VM_NAMES(ANOLE_INTERN_NAME)
#undef ANOLE_INTERN_NAME
    }
    vm->builtins = vm->memory_error ? builtins_create(vm) : NULL;
    if (!vm->builtins) {
        anole_free(vm);
        return NULL;
    }
    strbuf_init(&vm->out_report);
    strbuf_init(&vm->out_ansi);
    strbuf_init(&vm->out_html);
    strbuf_init(&vm->out_dis);
    strbuf_init(&vm->out_stats);
    return vm;
}

void anole_free(AnoleVM *vm) {
    if (!vm) return;
    gc_free_all(vm);
    free(vm->stack);
    free(vm->roots);
    free(vm->gray);
    free(vm->source);
    free(vm->filename);
    strbuf_free(&vm->out_report);
    strbuf_free(&vm->out_ansi);
    strbuf_free(&vm->out_html);
    strbuf_free(&vm->out_dis);
    strbuf_free(&vm->out_stats);
    free(vm);
}

void anole_set_output(AnoleVM *vm, AnoleWriteFn write, void *ctx) {
    vm->write = write;
    vm->write_ctx = ctx;
}

void anole_set_specialize(AnoleVM *vm, int on) { vm->specialize = on; }

void anole_set_input(AnoleVM *vm, AnoleReadLineFn read_line, void *ctx) {
    vm->read_line = read_line;
    vm->read_ctx = ctx;
}
void anole_set_gc_stress(AnoleVM *vm, int on) {
    vm->gc_stress = on;
    vm->poll_budget = 0;
}
void anole_set_heap_limit(AnoleVM *vm, size_t bytes) { vm->heap_limit = bytes; }

void anole_interrupt(AnoleVM *vm) { vm->interrupted = 1; }
void anole_set_interrupt_poll(AnoleVM *vm, AnoleInterruptPollFn poll, void *ctx) {
    vm->interrupt_poll = poll;
    vm->interrupt_poll_ctx = ctx;
    vm->poll_budget = 0;   /* the next safe point asks at once, then every VM_POLL_INTERVAL */
}
size_t anole_heap_bytes(AnoleVM *vm) { return vm->heap_bytes; }

static void anole_write_buf(VM *vm, int stream, StrBuf *b) {
    vm_write(vm, stream, strbuf_cstr(b), b->len);
    strbuf_free(b);
}

/* Forgets the previous run and collects everything it left behind. */
static void anole_reset_run(VM *vm) {
    vm->module_code = NULL;
    vm->globals = NULL;
    vm->last_error = NULL;
    vm->syntax_error_line = 0;
    vm->exc = VALUE_NULL;
    vm->handled = VALUE_NONE;
    vm->reraise = 0;
    vm->nroots = 0;
    vm->c_depth = 0;
    vm->modules = NULL;
    vm->nframes = 0;
    memset(vm->family_stats, 0, sizeof vm->family_stats);
    strbuf_clear(&vm->out_report);
    strbuf_clear(&vm->out_ansi);
    strbuf_clear(&vm->out_html);
    strbuf_clear(&vm->out_dis);
    strbuf_clear(&vm->out_stats);
    gc_collect(vm);
}

static int anole_fail(VM *vm, Type *type, const char *message) {
    Str *msg = str_new(vm, message, strlen(message));
    vm->last_error = msg ? exc_new(vm, type, value_from_ptr(msg)) : vm->memory_error;
    if (!vm->last_error) vm->last_error = vm->memory_error;
    return 1;
}

int anole_run(AnoleVM *vm, const char *source, size_t len, const char *filename) {
    anole_reset_run(vm);
    vm->interrupted = 0;
    vm->poll_budget = 0;
    free(vm->source);
    free(vm->filename);
    vm->source = malloc(len + 1);
    vm->filename = malloc(strlen(filename) + 1);
    if (!vm->source || !vm->filename) return 1;
    memcpy(vm->source, source, len);
    vm->source[len] = 0;
    vm->source_len = len;
    strcpy(vm->filename, filename);

    SyntaxErrorInfo err = {0};
    Arena arena = {0};
    Node *mod = parser_parse_module(vm->source, len, &arena, &err);
    Code *code = mod ? compile_module(vm, mod, filename, &err) : NULL;
    arena_free(&arena);
    if (!code) {
        StrBuf out;
        strbuf_init(&out);
        if (strcmp(err.type, "MemoryError") == 0) {
            strbuf_puts(&out, "MemoryError\n");
            vm->last_error = vm->memory_error;
        } else if (strcmp(err.type, "RecursionError") == 0) {
            /* As CPython prints it: a compile-time error without a traceback or carets. */
            strbuf_printf(&out, "RecursionError: %s\n", err.message);
            anole_fail(vm, &exc_RecursionError, err.message);
        } else {
            traceback_print_syntax_error(vm, &err, filename, &out);
            vm->syntax_error_line = err.line;
            anole_fail(vm, strcmp(err.type, "IndentationError") == 0 ? &exc_IndentationError : &exc_SyntaxError, err.message);
        }
        anole_write_buf(vm, 2, &out);
        return 1;
    }
    vm->module_code = code;
    vm->globals = dict_new(vm);
    Str *name_key = str_intern(vm, "__name__", 8);
    Value main_name = str_value(vm, "__main__", 8);
    if (!vm->globals || !name_key || main_name == VALUE_ERROR || !dict_set_str(vm, vm->globals, name_key, main_name)) {
        vm->last_error = vm->memory_error;
        vm_write(vm, 2, "MemoryError\n", 12);
        return 1;
    }
    Value r = vm_run_code(vm, code, vm->globals, vm->globals);
    if (r != VALUE_ERROR) return 0;
    Exception *e = value_is_kind(vm->exc, OBJ_EXCEPTION) ? value_as_ptr(vm->exc) : vm->memory_error;
    vm->exc = VALUE_NULL;
    if (type_is_subtype(e->type, &exc_SystemExit)) {
        /* sys.exit(code): None is status 0, an int is the status, anything else is printed. */
        Value code = e->message == VALUE_NULL ? VALUE_NONE : e->message;
        if (code == VALUE_NONE) return 0;
        if (value_is_int(code)) return (int)value_as_int(code);
        StrBuf out;
        strbuf_init(&out);
        op_str_into(vm, code, &out);
        strbuf_putc(&out, '\n');
        anole_write_buf(vm, 2, &out);
        return 1;
    }
    vm->last_error = e;
    StrBuf out;
    strbuf_init(&out);
    exc_print_traceback(vm, e, &out);
    anole_write_buf(vm, 2, &out);
    return 1;
}

/* Renders one view of the last run's report into buf (once per run) and returns it. */
static const char *anole_render(VM *vm, StrBuf *buf, void (*render)(const Report *, StrBuf *)) {
    if (buf->len) return strbuf_cstr(buf);
    Report r;
    if (report_collect(vm, &r)) render(&r, buf);
    report_release(&r);
    return strbuf_cstr(buf);
}

const char *anole_report_json(AnoleVM *vm) { return anole_render(vm, &vm->out_report, report_json); }
const char *anole_specialist_ansi(AnoleVM *vm) { return anole_render(vm, &vm->out_ansi, report_ansi); }
const char *anole_specialist_html(AnoleVM *vm) { return anole_render(vm, &vm->out_html, report_html); }

const char *anole_dis(AnoleVM *vm) {
    if (!vm->out_dis.len) dis_all(vm, &vm->out_dis);
    return strbuf_cstr(&vm->out_dis);
}

const char *anole_stats(AnoleVM *vm) {
    if (!vm->out_stats.len) {
        report_count_family_hits(vm);
        dis_stats(vm, &vm->out_stats);
    }
    return strbuf_cstr(&vm->out_stats);
}

const char *anole_opcodes_json(void) {
    static StrBuf table;
    if (!table.len) opcode_json(&table);
    return strbuf_cstr(&table);
}
