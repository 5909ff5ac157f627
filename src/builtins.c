/* The builtins namespace: built-in functions and the built-in types and exceptions. Each function
 * declares how CPython 3.11 would call it (its CallKind), which decides how calls to it specialize. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"


static Value builtin_print(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    StrBuf b;
    strbuf_init(&b);
    for (int i = 0; i < nargs; i++) {
        if (i) strbuf_putc(&b, ' ');
        if (!op_str_into(vm, args[i], &b)) {
            strbuf_free(&b);
            return VALUE_ERROR;
        }
    }
    strbuf_putc(&b, '\n');
    if (b.failed) {
        strbuf_free(&b);
        return exc_raise_memory(vm);
    }
    vm_write(vm, 1, b.data, b.len);
    strbuf_free(&b);
    return VALUE_NONE;
}

static Value builtin_len(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "len() takes exactly one argument (%d given)", nargs);
    Value v = args[0];
    if (value_is_obj(v)) {
        Obj *o = value_as_obj(v);
        switch ((ObjKind)o->kind) {
        case OBJ_STR: return value_from_int(((Str *)o)->nchars);
        case OBJ_LIST: return value_from_int(((List *)o)->len);
        case OBJ_TUPLE: return value_from_int(((Tuple *)o)->len);
        case OBJ_DICT: return value_from_int(((Dict *)o)->count);
        case OBJ_RANGE: {
            Range *r = (Range *)o;
            int64_t n = r->step > 0 ? (r->stop - r->start + r->step - 1) / r->step
                                    : (r->start - r->stop - r->step - 1) / -r->step;
            return value_from_int(n < 0 ? 0 : n);
        }
        default: break;
        }
    }
    return exc_raise(vm, &exc_TypeError, "object of type '%s' has no len()", type_of(v)->name);
}















static Value builtin_repr(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    (void)nargs;
    StrBuf b;
    strbuf_init(&b);
    Value r = op_repr_into(vm, args[0], &b) ? str_value(vm, strbuf_cstr(&b), b.len) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}

const BuiltinDef builtins_core[] = {
    {"print", builtin_print, CALLKIND_FAST_WITH_KEYWORDS},
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

Dict *builtins_create(VM *vm) {
    Dict *d = dict_new(vm);
    if (!d) return NULL;
    const BuiltinDef *const tables[] = {builtins_core, builtins_num, builtins_str, builtins_iter, NULL};
    for (int t = 0; tables[t]; t++)
        for (const BuiltinDef *def = tables[t]; def->name; def++) {
            Builtin *b = builtins_new_function(vm, def);
            if (!b || !builtins_add(vm, d, def->name, value_from_ptr(b))) return NULL;
        }
    Type *types[] = {&type_int, &type_float, &type_bool, &type_str, &type_list, &type_tuple, &type_dict,
                     &type_set, &type_frozenset, &type_range, &type_object, &type_type, &type_slice,
                     &type_property, &type_staticmethod, &type_classmethod, &type_super, NULL};
    for (int i = 0; types[i]; i++)
        if (!builtins_add(vm, d, types[i]->name, value_from_ptr(types[i]))) return NULL;
    for (int i = 0; exc_builtin_types[i]; i++)
        if (!builtins_add(vm, d, exc_builtin_types[i]->name, value_from_ptr(exc_builtin_types[i]))) return NULL;
    return d;
}
