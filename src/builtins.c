/* The builtins namespace: built-in functions and the built-in types and exceptions. Each function
 * declares how CPython 3.11 would call it (its CallKind), which decides how calls to it specialize. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

static Value builtin_arg_count(VM *vm, const char *name, int nargs, int min, int max) {
    if (min == max)
        return exc_raise(vm, &exc_TypeError, "%s() takes exactly %s argument%s (%d given)", name,
                         min == 1 ? "one" : "two", min == 1 ? "" : "s", nargs);
    if (nargs < min)
        return exc_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    return exc_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", nargs);
}

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

static int builtin_as_index(VM *vm, Value v, int64_t *out) {
    if (value_is_int(v)) *out = value_as_int(v);
    else if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else {
        exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(v)->name);
        return 0;
    }
    return 1;
}

static Value builtin_range(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 3) {
        if (nargs == 0) return exc_raise(vm, &exc_TypeError, "range expected at least 1 argument, got 0");
        return exc_raise(vm, &exc_TypeError, "range expected at most 3 arguments, got %d", nargs);
    }
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!builtin_as_index(vm, args[i], &v[i])) return VALUE_ERROR;
    Range *r = gc_alloc(vm, sizeof(Range), OBJ_RANGE);
    if (!r) return exc_raise_memory(vm);
    if (nargs == 1) {
        r->start = 0;
        r->stop = v[0];
        r->step = 1;
    } else {
        r->start = v[0];
        r->stop = v[1];
        r->step = nargs == 3 ? v[2] : 1;
    }
    if (r->step == 0) return exc_raise(vm, &exc_ValueError, "range() arg 3 must not be zero");
    return value_from_ptr(r);
}

static Value builtin_float_to_int(VM *vm, double d) {
    if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
    if (d > (double)SMALLINT_MAX || d < (double)SMALLINT_MIN)
        return exc_raise(vm, &exc_OverflowError, "integer result too large (Anole's ints are limited to 48 bits for now)");
    return value_from_int((int64_t)d);
}

static Value builtin_round(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 2) return builtin_arg_count(vm, "round", nargs, 1, 2);
    Value x = args[0];
    int has_digits = nargs == 2 && args[1] != VALUE_NONE;
    int64_t nd = 0;
    if (has_digits && !builtin_as_index(vm, args[1], &nd)) return VALUE_ERROR;
    if (value_is_int(x) || value_is_bool(x)) {
        int64_t i = value_is_bool(x) ? x == VALUE_TRUE : value_as_int(x);
        if (!has_digits || nd >= 0) return value_from_int(i);
        if (nd < -15) return value_from_int(0);
        int64_t p = 1;
        for (int64_t k = 0; k < -nd; k++) p *= 10;
        int64_t q = i / p, r = i % p;
        if (r < 0) { r += p; q--; }
        if (r * 2 > p || (r * 2 == p && (q & 1))) q++;
        return value_from_int(q * p);
    }
    if (!value_is_float(x)) return exc_raise(vm, &exc_TypeError, "type %s doesn't define __round__ method", type_of(x)->name);
    double d = value_as_float(x);
    if (!has_digits) return builtin_float_to_int(vm, nearbyint(d));
    if (!isfinite(d) || nd > 320) return x;
    if (nd >= 0) {
        /* printf rounds the exact binary value correctly (ties to even), as CPython's dtoa does. */
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, d);
        return value_from_float(strtod(buf, NULL));
    }
    if (nd < -308) return value_from_float(copysign(0.0, d));
    double p = pow(10.0, (double)-nd);
    double y = nearbyint(d / p) * p;
    if (isinf(y)) return exc_raise(vm, &exc_OverflowError, "rounded value too large to represent");
    return value_from_float(y);
}

static Value builtin_abs(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    (void)nargs;
    Value x = args[0];
    if (value_is_float(x)) return value_from_float(fabs(value_as_float(x)));
    if (value_is_int(x)) return value_as_int(x) < 0 ? num_negate(vm, x) : x;
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    return exc_raise(vm, &exc_TypeError, "bad operand type for abs(): '%s'", type_of(x)->name);
}

static Value builtin_minmax(VM *vm, Value *args, int nargs, int op, const char *name) {
    if (nargs == 0) return exc_raise(vm, &exc_TypeError, "%s expected at least 1 argument, got 0", name);
    Value *items = args;
    uint32_t n = (uint32_t)nargs;
    if (nargs == 1) {
        Value seq = args[0];
        if (value_is_kind(seq, OBJ_LIST)) items = ((List *)value_as_ptr(seq))->items, n = ((List *)value_as_ptr(seq))->len;
        else if (value_is_kind(seq, OBJ_TUPLE)) items = ((Tuple *)value_as_ptr(seq))->items, n = ((Tuple *)value_as_ptr(seq))->len;
        else return exc_raise(vm, &exc_TypeError, "'%s' object is not iterable", type_of(seq)->name);
        if (n == 0) return exc_raise(vm, &exc_ValueError, "%s() arg is an empty sequence", name);
    }
    Value best = items[0];
    for (uint32_t i = 1; i < n; i++) {
        Value r = op_compare(vm, op, items[i], best);
        if (r == VALUE_ERROR) return VALUE_ERROR;
        if (r == VALUE_TRUE) best = items[i];
    }
    return best;
}

static Value builtin_min(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return builtin_minmax(vm, args, nargs, 0, "min");
}

static Value builtin_max(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return builtin_minmax(vm, args, nargs, 4, "max");
}

static Value builtin_sum(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 2) return builtin_arg_count(vm, "sum", nargs, 1, 2);
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    Value total = nargs == 2 ? args[1] : value_from_int(0);
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR) return VALUE_ERROR;
        if (v == VALUE_NULL) return total;
        total = op_binary(vm, 0, total, v);
        if (total == VALUE_ERROR) return VALUE_ERROR;
    }
}

static Value builtin_str(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return str_value(vm, "", 0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "str() takes at most 1 argument (%d given)", nargs);
    return op_str(vm, args[0]);
}

static Value builtin_float(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return value_from_float(0.0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "float expected at most 1 argument, got %d", nargs);
    Value x = args[0];
    if (value_is_float(x)) return x;
    if (value_is_int(x)) return value_from_float((double)value_as_int(x));
    if (value_is_bool(x)) return value_from_float(x == VALUE_TRUE);
    if (value_is_kind(x, OBJ_STR)) {
        Str *s = value_as_ptr(x);
        char *end;
        const char *p = s->data;
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        double d = strtod(p, &end);
        while (*end == ' ' || *end == '\t' || *end == '\n') end++;
        if (end == p || *end) {
            StrBuf b;
            strbuf_init(&b);
            str_repr_into(s, &b);
            Value r = exc_raise(vm, &exc_ValueError, "could not convert string to float: %s", strbuf_cstr(&b));
            strbuf_free(&b);
            return r;
        }
        return value_from_float(d);
    }
    return exc_raise(vm, &exc_TypeError, "float() argument must be a string or a real number, not '%s'", type_of(x)->name);
}

static Value builtin_int(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return value_from_int(0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "int() takes at most 2 arguments (%d given)", nargs);
    Value x = args[0];
    if (value_is_int(x)) return x;
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    if (value_is_float(x)) return builtin_float_to_int(vm, trunc(value_as_float(x)));
    if (value_is_kind(x, OBJ_STR)) {
        Str *s = value_as_ptr(x);
        const char *p = s->data;
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        char *end;
        long long v = strtoll(p, &end, 10);
        while (*end == ' ' || *end == '\t' || *end == '\n') end++;
        if (end == p || *end || strchr(p, '.')) {
            StrBuf b;
            strbuf_init(&b);
            str_repr_into(s, &b);
            Value r = exc_raise(vm, &exc_ValueError, "invalid literal for int() with base 10: %s", strbuf_cstr(&b));
            strbuf_free(&b);
            return r;
        }
        if (!smallint_fits(v)) return exc_raise(vm, &exc_OverflowError, "integer result too large (Anole's ints are limited to 48 bits for now)");
        return value_from_int(v);
    }
    return exc_raise(vm, &exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     type_of(x)->name);
}

static Value builtin_bool(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return VALUE_FALSE;
    int t = op_truthy(vm, args[0]);
    return t < 0 ? VALUE_ERROR : value_from_bool(t);
}

static Value builtin_list(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    List *l = list_new(vm, 0);
    if (!l) return exc_raise_memory(vm);
    if (nargs == 0) return value_from_ptr(l);
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR) return VALUE_ERROR;
        if (v == VALUE_NULL) return value_from_ptr(l);
        if (!list_append(vm, l, v)) return exc_raise_memory(vm);
    }
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

typedef struct {
    const char *name;
    BuiltinFn fn;
    CallKind kind;
} BuiltinDef;

static const BuiltinDef builtin_defs[] = {
    {"print", builtin_print, CALLKIND_FAST_WITH_KEYWORDS},
    {"len", builtin_len, CALLKIND_LEN},
    {"round", builtin_round, CALLKIND_FAST_WITH_KEYWORDS},
    {"abs", builtin_abs, CALLKIND_O},
    {"min", builtin_min, CALLKIND_VARARGS},
    {"max", builtin_max, CALLKIND_VARARGS},
    {"sum", builtin_sum, CALLKIND_FAST_WITH_KEYWORDS},
    {"repr", builtin_repr, CALLKIND_O},
    {NULL, NULL, 0},
};

static int builtins_add(VM *vm, Dict *d, const char *name, Value v) {
    Str *s = str_intern(vm, name, strlen(name));
    return s && dict_set_str(vm, d, s, v);
}

Dict *builtins_create(VM *vm) {
    Dict *d = dict_new(vm);
    if (!d) return NULL;
    for (const BuiltinDef *def = builtin_defs; def->name; def++) {
        Builtin *b = gc_alloc(vm, sizeof(Builtin), OBJ_BUILTIN);
        if (!b) return NULL;
        b->name = def->name;
        b->fn = def->fn;
        b->callkind = (uint8_t)def->kind;
        if (!builtins_add(vm, d, def->name, value_from_ptr(b))) return NULL;
    }
    type_range.construct = builtin_range;
    type_str.construct = builtin_str;
    type_float.construct = builtin_float;
    type_int.construct = builtin_int;
    type_bool.construct = builtin_bool;
    type_list.construct = builtin_list;
    Type *types[] = {&type_range, &type_str, &type_float, &type_int, &type_bool, &type_list, &type_object, NULL};
    for (int i = 0; types[i]; i++)
        if (!builtins_add(vm, d, types[i]->name, value_from_ptr(types[i]))) return NULL;
    for (int i = 0; exc_builtin_types[i]; i++)
        if (!builtins_add(vm, d, exc_builtin_types[i]->name, value_from_ptr(exc_builtin_types[i]))) return NULL;
    return d;
}
