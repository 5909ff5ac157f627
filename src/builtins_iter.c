/* The builtins over iterables: enumerate, zip, map, filter, reversed, iter, next, sorted, min,
 * max, sum, any, all. */
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

const BuiltinDef builtins_iter[] = {
    {"min", builtin_min, CALLKIND_VARARGS},
    {"max", builtin_max, CALLKIND_VARARGS},
    {"sum", builtin_sum, CALLKIND_FAST_WITH_KEYWORDS},
    {NULL, NULL, 0},
};

