/* The numeric builtins: abs, round, divmod, pow, hex, bin, oct. */
#include "runtime.h"
#include "vm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Value builtin_arg_count(VM *vm, const char *name, int nargs, int min, int max) {
    if (min == max)
        return exc_raise(vm, &exc_TypeError, "%s() takes exactly %s argument%s (%d given)", name,
                         min == 1 ? "one" : "two", min == 1 ? "" : "s", nargs);
    if (nargs < min)
        return exc_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", nargs);
    return exc_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", nargs);
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

const BuiltinDef builtins_num[] = {
    {"round", builtin_round, CALLKIND_FAST_WITH_KEYWORDS},
    {"abs", builtin_abs, CALLKIND_O},
    {NULL, NULL, 0},
};

