/* The argument-count checks of built-in methods, worded as CPython words them for each calling
 * convention (METH_NOARGS, METH_O, and Argument Clinic's positional-only parsing). */
#include "containers.h"
#include "vm.h"

static int methargs_no_keywords(VM *vm, const char *name, const char *suffix, Tuple *kwnames) {
    if (!kwnames || kwnames->len == 0) return 1;
    exc_raise(vm, &exc_TypeError, "%s%s takes no keyword arguments", name, suffix);
    return 0;
}

int methargs_none(VM *vm, const char *qualname, int n, Tuple *kwnames) {
    if (!methargs_no_keywords(vm, qualname, "()", kwnames)) return 0;
    if (n == 0) return 1;
    exc_raise(vm, &exc_TypeError, "%s() takes no arguments (%d given)", qualname, n);
    return 0;
}

int methargs_one(VM *vm, const char *qualname, int n, Tuple *kwnames) {
    if (!methargs_no_keywords(vm, qualname, "()", kwnames)) return 0;
    if (n == 1) return 1;
    exc_raise(vm, &exc_TypeError, "%s() takes exactly one argument (%d given)", qualname, n);
    return 0;
}

int methargs_range(VM *vm, const char *name, int n, int min, int max, Tuple *kwnames) {
    if (!methargs_no_keywords(vm, name, "()", kwnames)) return 0;
    if (n >= min && n <= max) return 1;
    if (min == max)
        exc_raise(vm, &exc_TypeError, "%s expected %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
    else if (n < min)
        exc_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
    else
        exc_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", n);
    return 0;
}
