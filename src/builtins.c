/* The builtins namespace: built-in functions and the built-in types and exceptions. Each function
 * declares how CPython 3.11 would call it (its CallKind), which decides how calls to it specialize. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "containers.h"
#include "runtime.h"
#include "vm.h"

/* print(*objects, sep=' ', end='\n', file=None, flush=False). Output goes to the embedder's
 * stdout (stream 1); file=sys.stderr goes to stream 2. */
static Value builtin_print(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    Value sep = VALUE_NONE, end = VALUE_NONE, flush = VALUE_FALSE;
    int stream = 1;
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        Value v = args[nargs + (int)k];
        if (strcmp(name->data, "sep") == 0) sep = v;
        else if (strcmp(name->data, "end") == 0) end = v;
        else if (strcmp(name->data, "file") == 0) {
            if (v != VALUE_NONE && value_is_kind(v, OBJ_MODULE)) stream = 2;
            else if (v != VALUE_NONE && v == vm->stderr_marker) stream = 2;
        } else if (strcmp(name->data, "flush") == 0) {
            flush = v;
        } else
            return exc_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for print()", name->data);
    }
    if (sep != VALUE_NONE && !value_is_kind(sep, OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "sep must be None or a string, not %s", type_of(sep)->name);
    if (end != VALUE_NONE && !value_is_kind(end, OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "end must be None or a string, not %s", type_of(end)->name);
    StrBuf b;
    strbuf_init(&b);
    for (int i = 0; i < nargs; i++) {
        if (i) {
            if (sep == VALUE_NONE) strbuf_putc(&b, ' ');
            else strbuf_append(&b, ((Str *)value_as_ptr(sep))->data, ((Str *)value_as_ptr(sep))->len);
        }
        if (!op_str_into(vm, args[i], &b)) {
            strbuf_free(&b);
            return VALUE_ERROR;
        }
    }
    if (end == VALUE_NONE) strbuf_putc(&b, '\n');
    else strbuf_append(&b, ((Str *)value_as_ptr(end))->data, ((Str *)value_as_ptr(end))->len);
    if (b.failed) {
        strbuf_free(&b);
        return exc_raise_memory(vm);
    }
    vm_write(vm, stream, strbuf_cstr(&b), b.len);
    strbuf_free(&b);
    int want_flush = op_truthy(vm, flush);
    if (want_flush < 0) return VALUE_ERROR;
    if (want_flush) vm_flush(vm, stream);
    return VALUE_NONE;
}

/* input([prompt]): the prompt goes to stdout, the line comes from the embedder's input callback. */
static Value builtin_input(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "input expected at most 1 argument, got %d", nargs);
    if (nargs == 1) {
        StrBuf p;
        strbuf_init(&p);
        if (!op_str_into(vm, args[0], &p)) {
            strbuf_free(&p);
            return VALUE_ERROR;
        }
        vm_write(vm, 1, strbuf_cstr(&p), p.len);
        strbuf_free(&p);
    }
    size_t len = 0;
    char *line = vm->read_line ? vm->read_line(vm->read_ctx, &len) : NULL;
    if (!line) return exc_raise(vm, &exc_EOFError, "EOF when reading a line");
    if (len && line[len - 1] == '\n') len--;
    if (len && line[len - 1] == '\r') len--;
    Value r = str_value(vm, line, len);
    free(line);
    return r;
}

static Value builtin_len(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "len() takes exactly one argument (%d given)", nargs);
    Type *t = type_of(args[0]);
    if (t->len) {
        int64_t n = t->len(vm, args[0]);
        return n < 0 ? VALUE_ERROR : value_from_int(n);
    }
    return exc_raise(vm, &exc_TypeError, "object of type '%s' has no len()", t->name);
}

static Value builtin_repr(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    (void)nargs;
    return op_repr(vm, args[0]);
}

const BuiltinDef builtins_core[] = {
    {"print", builtin_print, CALLKIND_FAST_WITH_KEYWORDS},
    {"input", builtin_input, CALLKIND_FAST},
    {"len", builtin_len, CALLKIND_LEN},
    {"repr", builtin_repr, CALLKIND_O},
    {NULL, NULL, 0},
};

static int builtins_add(VM *vm, Dict *d, const char *name, Value v) {
    Str *s = str_intern(vm, name, strlen(name));
    return s && dict_set_str(vm, d, s, v);
}

Builtin *builtins_new_function(VM *vm, const BuiltinDef *def) {
    Builtin *b = gc_alloc(vm, sizeof(Builtin), OBJ_BUILTIN);
    if (!b) return NULL;
    b->name = def->name;
    b->fn = def->fn;
    b->callkind = (uint8_t)def->kind;
    return b;
}

Value builtins_check_self(VM *vm, Builtin *b, Value *args, int nargs) {
    Type *t = b->self_type;
    if (nargs < 1) return exc_raise(vm, &exc_TypeError, "unbound method %s.%s() needs an argument", t->name, b->name);
    /* Instances of classes defined in Python have object's layout, whatever their bases. */
    if (t == &type_object || (!value_is_kind(args[0], OBJ_INSTANCE) && type_is_subtype(type_of(args[0]), t)))
        return VALUE_NULL;
    return exc_raise(vm, &exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", b->name,
                     t->name, type_of(args[0])->name);
}

Dict *builtins_create(VM *vm) {
    Dict *d = dict_new(vm);
    if (!d) return NULL;
    const BuiltinDef *const tables[] = {builtins_core, builtins_num, builtins_str, builtins_iter, NULL};
    for (int t = 0; tables[t]; t++)
        for (const BuiltinDef *def = tables[t]; def->name; def++) {
            Builtin *b = builtins_new_function(vm, def);
            if (!b || !builtins_add(vm, d, def->name, value_from_ptr(b))) return NULL;
        }
    if (!class_init_builtins(vm, d)) return NULL;
    Type *types[] = {&type_int, &type_float, &type_bool, &type_str, &type_list, &type_tuple, &type_dict,
                     &type_set, &type_frozenset, &type_range, &type_object, &type_type, &type_slice,
                     &type_property, &type_staticmethod, &type_classmethod, &type_super, &type_enumerate,
                     &type_zip, &type_map, &type_filter, &type_reversed, NULL};
    for (int i = 0; types[i]; i++)
        if (!builtins_add(vm, d, types[i]->name, value_from_ptr(types[i]))) return NULL;
    for (int i = 0; exc_builtin_types[i]; i++)
        if (!builtins_add(vm, d, exc_builtin_types[i]->name, value_from_ptr(exc_builtin_types[i]))) return NULL;
    return d;
}
