/* The sys module: argv, the recursion limit, exit, and the constants programs test (maxsize,
 * version, version_info, platform, byteorder, maxunicode, modules). Anole's frames live in a fixed
 * array, so whatever limit is set, the depth is also capped at VM_MAX_FRAMES (vm.c checks both). */
#include <limits.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

static Value sys_getrecursionlimit(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)args;
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "sys.getrecursionlimit() takes no keyword arguments");
    if (nargs) return exc_raise(vm, &exc_TypeError, "sys.getrecursionlimit() takes no arguments (%d given)", nargs);
    return value_from_int(vm->recursion_limit);
}

/* sys_setrecursionlimit_impl: the limit must be at least 1 and above the current depth. CPython
 * counts the module frame plus its entry into the evaluation loop, so the depth at module level
 * is 2: Anole's frame count plus one. */
static Value sys_setrecursionlimit(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "sys.setrecursionlimit() takes no keyword arguments");
    if (nargs != 1)
        return exc_raise(vm, &exc_TypeError, "sys.setrecursionlimit() takes exactly one argument (%d given)", nargs);
    int64_t limit;
    if (value_is_float(args[0]))
        return exc_raise(vm, &exc_TypeError, "'float' object cannot be interpreted as an integer");
    if (!num_as_int64(vm, args[0], &limit)) return VALUE_ERROR;
    if (limit > INT_MAX || limit < INT_MIN)
        return exc_raise(vm, &exc_OverflowError, "Python int too large to convert to C int");
    if (limit < 1) return exc_raise(vm, &exc_ValueError, "recursion limit must be greater or equal than 1");
    int depth = vm->nframes + 1;
    if (depth >= limit)
        return exc_raise(vm, &exc_RecursionError,
                         "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                         (int)limit, depth);
    vm->recursion_limit = (int)limit;
    return VALUE_NONE;
}

/* sys.exit(code=None) raises SystemExit(code); anole_run turns an uncaught one into the exit
 * status. Without an argument the exception has empty args, as SystemExit() does. */
static Value sys_exit(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "sys.exit() takes no keyword arguments");
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "exit expected at most 1 argument, got %d", nargs);
    Tuple *t = tuple_new(vm, (uint32_t)nargs);
    if (!t) return exc_raise_memory(vm);
    if (nargs) t->items[0] = args[0];
    Exception *e = exc_new(vm, &exc_SystemExit, nargs ? args[0] : VALUE_NULL);
    if (!e) return exc_raise_memory(vm);
    e->args = t;
    vm->exc = value_from_ptr(e);
    return VALUE_ERROR;
}

static const BuiltinDef sys_functions[] = {
    {"exit", sys_exit, CALLKIND_VARARGS},
    {"getrecursionlimit", sys_getrecursionlimit, CALLKIND_VARARGS},
    {"setrecursionlimit", sys_setrecursionlimit, CALLKIND_O},
    {NULL, NULL, 0},
};

static int sys_set(VM *vm, Dict *d, const char *name, Value v) {
    Str *key = str_intern(vm, name, strlen(name));
    if (v == VALUE_ERROR) return 0;
    if (!key || !dict_set_str(vm, d, key, v)) {
        exc_raise_memory(vm);
        return 0;
    }
    return 1;
}

static Value sys_str(VM *vm, const char *s) { return str_value(vm, s, strlen(s)); }

static Value sys_argv(VM *vm) {
    List *l = list_new(vm, 4);
    if (!l) return exc_raise_memory(vm);
    if (vm->argv) {
        for (int i = 0; i < vm->argc; i++) {
            Value s = sys_str(vm, vm->argv[i]);
            if (s == VALUE_ERROR) return s;
            if (!list_append(vm, l, s)) return exc_raise_memory(vm);
        }
    } else {
        Value s = sys_str(vm, vm->filename ? vm->filename : "");
        if (s == VALUE_ERROR) return s;
        if (!list_append(vm, l, s)) return exc_raise_memory(vm);
    }
    return value_from_ptr(l);
}

/* 2**63 - 1, computed with Python's operators so it is exact once big ints exist. Until then the
 * computation overflows and maxsize falls back to the largest small int, 2**47 - 1, which keeps
 * the common use (a sentinel larger than any real value) working. */
static Value sys_maxsize(VM *vm) {
    Value p = op_binary(vm, 8 /* ** */, value_from_int(2), value_from_int(63));
    Value m = p == VALUE_ERROR ? p : op_binary(vm, 10 /* - */, p, value_from_int(1));
    if (m != VALUE_ERROR) return m;
    vm->exc = VALUE_NULL;
    return value_from_int(SMALLINT_MAX);
}

static Value sys_version_info(VM *vm) {
    Tuple *t = tuple_new(vm, 5);
    Value level = sys_str(vm, "final");
    if (!t || level == VALUE_ERROR) return exc_raise_memory(vm);
    t->items[0] = value_from_int(3);
    t->items[1] = value_from_int(11);
    t->items[2] = value_from_int(7);
    t->items[3] = level;
    t->items[4] = value_from_int(0);
    return value_from_ptr(t);
}

/* sys.stdout and sys.stderr: io.TextIOWrapper-like objects (the generic IterObj layout, n[0] the
 * stream) whose write() goes to the embedder's stream. print(file=sys.stderr) recognizes stderr
 * through vm->stderr_marker. */
static Type sys_stream_type;

static Value sys_stream_write(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "TextIOWrapper.write() takes no keyword arguments");
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "TextIOWrapper.write() takes exactly one argument (%d given)", nargs - 1);
    if (!value_is_kind(args[0], OBJ_ITER) || type_of(args[0]) != &sys_stream_type)
        return exc_raise(vm, &exc_TypeError, "descriptor 'write' requires a '_io.TextIOWrapper' object");
    if (!value_is_kind(args[1], OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "write() argument must be str, not %s", type_of(args[1])->name);
    Str *s = value_as_ptr(args[1]);
    vm_write(vm, (int)((IterObj *)value_as_ptr(args[0]))->n[0], s->data, s->len);
    return value_from_int(s->nchars);
}

static Value sys_stream_flush(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)args;
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "TextIOWrapper.flush() takes no keyword arguments");
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "TextIOWrapper.flush() takes no arguments (%d given)", nargs - 1);
    return VALUE_NONE;
}

static int sys_stream_repr(VM *vm, Value v, StrBuf *out) {
    (void)vm;
    strbuf_puts(out, ((IterObj *)value_as_ptr(v))->n[0] == 2 ? "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>"
                                                              : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    return 1;
}

static const MethodDef sys_stream_methods[] = {
    {"write", sys_stream_write, CALLKIND_FAST},
    {"flush", sys_stream_flush, CALLKIND_FAST},
    {NULL, NULL, 0},
};

static Type sys_stream_type = {
    .hdr = {.is_static = 1, .kind = OBJ_TYPE},
    .name = "TextIOWrapper",
    .base = &type_object,
    .methods = sys_stream_methods,
    .static_index = 39,
    .repr = sys_stream_repr,
    .hash = NULL,
};

static Value sys_stream(VM *vm, int stream) {
    IterObj *it = iter_new(vm, &sys_stream_type);
    if (!it) return exc_raise_memory(vm);
    it->n[0] = stream;
    return value_from_ptr(it);
}

static int sys_init(VM *vm, Dict *d) {
#ifdef __EMSCRIPTEN__
    const char *platform = "emscripten";
#else
    const char *platform = "linux";
#endif
    if (vm->modules && !sys_set(vm, d, "modules", value_from_ptr(vm->modules))) return 0;
    Value err = sys_stream(vm, 2);
    if (!sys_set(vm, d, "stdout", sys_stream(vm, 1)) || !sys_set(vm, d, "stderr", err)) return 0;
    vm->stderr_marker = err;
    return sys_set(vm, d, "argv", sys_argv(vm)) && sys_set(vm, d, "maxsize", sys_maxsize(vm)) &&
           sys_set(vm, d, "version", sys_str(vm, "3.11.7 (Anole)")) &&
           sys_set(vm, d, "version_info", sys_version_info(vm)) && sys_set(vm, d, "platform", sys_str(vm, platform)) &&
           sys_set(vm, d, "byteorder", sys_str(vm, "little")) && sys_set(vm, d, "maxunicode", value_from_int(0x10ffff));
}

const ModuleDef module_sys = {"sys", sys_functions, sys_init};
