/* range and its iterator. */
#include "runtime.h"
#include "vm.h"

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

void range_init_types(void) { type_range.construct = builtin_range; }
