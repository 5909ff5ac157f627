/* The numeric builtins: abs, round, divmod, pow, hex, bin, oct, with CPython 3.11's calling
 * conventions and error messages. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "class.h"
#include "runtime.h"
#include "vm.h"

static int builtin_is_int(Value v) { return value_is_exact_int(v) || value_is_bool(v); }

/* obj.name(args) for instances of classes defined in Python; VALUE_NULL when the class does not
 * define the method (or for built-in values). */
static Value builtin_dunder(VM *vm, Value obj, const char *name, Value *args, int nargs) {
    if (!type_of(obj)->is_heap) return VALUE_NULL;
    return call_dunder(vm, obj, name, args, nargs);
}

static Value builtin_pack2(VM *vm, Value a, Value b) {
    Tuple *t = tuple_new(vm, 2);
    if (!t) return exc_raise_memory(vm);
    t->items[0] = a;
    t->items[1] = b;
    return value_from_ptr(t);
}

/* Rounds the int x to a multiple of 10**-ndigits (ndigits < 0), half to even, as CPython's
 * long_round. `sticky` says x stood for a slightly larger magnitude (a float's fraction), which
 * breaks an exact tie away from zero. */
static Value builtin_round_int(VM *vm, Value x, int64_t ndigits, int sticky) {
    if (ndigits < -100000) return value_from_int(0);
    Value p = bigint_pow(vm, value_from_int(10), value_from_int(-ndigits));
    if (p == VALUE_ERROR) return p;
    Value ax = bigint_abs(vm, x), q, r;
    if (ax == VALUE_ERROR || !bigint_divmod(vm, ax, p, &q, &r)) return VALUE_ERROR;
    Value twice = bigint_add(vm, r, r);
    if (twice == VALUE_ERROR) return twice;
    int c = bigint_compare(twice, p);
    if (c > 0 || (c == 0 && (sticky || bigint_is_odd(q)))) {
        q = bigint_add(vm, q, value_from_int(1));
        if (q == VALUE_ERROR) return q;
    }
    Value result = bigint_mul(vm, q, p);
    if (result == VALUE_ERROR || bigint_sign(x) >= 0) return result;
    return bigint_negate(vm, result);
}

/* round(float, ndigits): the exact binary value rounded half to even, as CPython's dtoa does. */
static Value builtin_round_float(VM *vm, double d, int64_t nd) {
    if (!isfinite(d) || nd > 323) return value_from_float(d);
    if (nd < -308) return value_from_float(copysign(0.0, d));
    double r;
    if (nd >= 0) {
        /* printf rounds the exact value correctly, ties to even. */
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, d);
        r = strtod(buf, NULL);
    } else {
        /* Round the integer part as an int; a non-zero fraction can only matter for a tie. */
        double ipart = trunc(d);
        Value i = bigint_from_double(vm, ipart);
        if (i == VALUE_ERROR) return i;
        Value rounded = builtin_round_int(vm, i, nd, ipart != d);
        if (rounded == VALUE_ERROR) return rounded;
        /* The conversion's own OverflowError is replaced by round's wording. */
        if (!bigint_to_double(vm, rounded, &r))
            return exc_raise(vm, &exc_OverflowError, "rounded value too large to represent");
    }
    if (isinf(r)) return exc_raise(vm, &exc_OverflowError, "rounded value too large to represent");
    return value_from_float(r == 0.0 ? copysign(0.0, d) : r);
}

static Value builtin_round(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"number", "ndigits"};
    Value a[2];
    if (!args_bind(vm, "round", args, nargs, kwnames, params, 2, 1, a)) return VALUE_ERROR;
    Value x = a[0];
    int has_digits = a[1] != VALUE_NULL && a[1] != VALUE_NONE;
    int64_t nd = 0;
    if (has_digits && (builtin_is_int(x) || value_is_float(x))) {
        if (!builtin_is_int(a[1]))
            return exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(a[1])->name);
        /* CPython clamps ndigits to the C ssize_t range, which rounds the same way. */
        if (!bigint_to_int64(a[1], &nd)) nd = bigint_sign(a[1]) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    if (builtin_is_int(x)) {
        if (value_is_bool(x)) x = value_from_int(x == VALUE_TRUE);
        if (!has_digits || nd >= 0) return x;
        return builtin_round_int(vm, x, nd, 0);
    }
    if (!value_is_float(x)) {
        Value r = builtin_dunder(vm, x, "__round__", &a[1], a[1] != VALUE_NULL);
        if (r != VALUE_NULL) return r;
        return exc_raise(vm, &exc_TypeError, "type %s doesn't define __round__ method", type_of(x)->name);
    }
    double d = value_as_float(x);
    if (!has_digits) {
        double r = nearbyint(d);
        /* nearbyint rounds half to even in the default rounding mode, like CPython's round. */
        return num_float_to_int(vm, r);
    }
    return builtin_round_float(vm, d, nd);
}

static Value builtin_abs(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    (void)nargs;
    Value x = args[0];
    if (value_is_float(x)) return value_from_float(fabs(value_as_float(x)));
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    if (value_is_exact_int(x)) return bigint_sign(x) < 0 ? num_negate(vm, x) : x;
    Value r = builtin_dunder(vm, x, "__abs__", NULL, 0);
    if (r != VALUE_NULL) return r;
    return exc_raise(vm, &exc_TypeError, "bad operand type for abs(): '%s'", type_of(x)->name);
}

static Value builtin_divmod(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "divmod expected 2 arguments, got %d", nargs);
    Value q, r;
    Value status = num_divmod(vm, args[0], args[1], &q, &r);
    if (status == VALUE_ERROR) return status;
    if (status == VALUE_NULL) {
        Value r = builtin_dunder(vm, args[0], "__divmod__", &args[1], 1);
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
        r = builtin_dunder(vm, args[1], "__rdivmod__", &args[0], 1);
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
        return exc_raise(vm, &exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         type_of(args[0])->name, type_of(args[1])->name);
    }
    return builtin_pack2(vm, q, r);
}

/* The inverse of a modulo m (m > 1, 0 <= a < m) by the extended Euclidean algorithm. */
static Value builtin_mod_inverse(VM *vm, Value a, Value m) {
    Value r0 = m, r1 = a, t0 = value_from_int(0), t1 = value_from_int(1);
    while (bigint_sign(r1) != 0) {
        Value q, r;
        if (!bigint_divmod(vm, r0, r1, &q, &r)) return VALUE_ERROR;
        Value qt = bigint_mul(vm, q, t1);
        if (qt == VALUE_ERROR) return qt;
        Value t2 = bigint_sub(vm, t0, qt);
        if (t2 == VALUE_ERROR) return t2;
        r0 = r1, r1 = r, t0 = t1, t1 = t2;
    }
    if (bigint_compare(r0, value_from_int(1)) != 0)
        return exc_raise(vm, &exc_ValueError, "base is not invertible for the given modulus");
    Value r;
    return bigint_divmod(vm, t0, m, NULL, &r) ? r : VALUE_ERROR;
}

/* (a * b) % m for 0 <= a, b < m. */
static Value builtin_mulmod(VM *vm, Value a, Value b, Value m) {
    if (value_is_int(a) && value_is_int(b) && value_is_int(m))
        return value_from_int((int64_t)((__int128)value_as_int(a) * value_as_int(b) % value_as_int(m)));
    Value p = bigint_mul(vm, a, b), r;
    if (p == VALUE_ERROR) return p;
    return bigint_divmod(vm, p, m, NULL, &r) ? r : VALUE_ERROR;
}

/* pow(base, exp, mod) for ints, as CPython's long_pow with a modulus. */
static Value builtin_pow_mod(VM *vm, Value base, Value exp, Value mod) {
    if (bigint_sign(mod) == 0) return exc_raise(vm, &exc_ValueError, "pow() 3rd argument cannot be 0");
    int negative_output = bigint_sign(mod) < 0;
    Value m = bigint_abs(vm, mod);
    if (m == VALUE_ERROR) return m;
    if (bigint_compare(m, value_from_int(1)) == 0) return value_from_int(0);
    if (!bigint_divmod(vm, base, m, NULL, &base)) return VALUE_ERROR;
    if (bigint_sign(exp) < 0) {
        base = builtin_mod_inverse(vm, base, m);
        if (base == VALUE_ERROR) return base;
        exp = bigint_negate(vm, exp);
        if (exp == VALUE_ERROR) return exp;
    }
    /* Right-to-left binary exponentiation, reducing after every product. */
    Value result = value_from_int(1);
    int64_t bits = bigint_bit_length(exp);
    for (int64_t i = 0; i < bits; i++) {
        Value bit;
        if (value_is_int(exp)) bit = value_from_int(value_as_int(exp) >> i & 1);
        else if ((bit = bigint_rshift(vm, exp, i)) == VALUE_ERROR) return bit;
        if (bigint_is_odd(bit)) {
            result = builtin_mulmod(vm, result, base, m);
            if (result == VALUE_ERROR) return result;
        }
        if (i + 1 < bits) {
            base = builtin_mulmod(vm, base, base, m);
            if (base == VALUE_ERROR) return base;
        }
    }
    if (negative_output && bigint_sign(result) != 0) return bigint_sub(vm, result, m);
    return result;
}

static Value builtin_pow(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"base", "exp", "mod"};
    Value a[3];
    if (!args_bind(vm, "pow", args, nargs, kwnames, params, 3, 2, a)) return VALUE_ERROR;
    if (a[2] == VALUE_NULL || a[2] == VALUE_NONE) return op_binary(vm, 8, a[0], a[1]);
    if (builtin_is_int(a[0]) && builtin_is_int(a[1]) && builtin_is_int(a[2])) {
        Value base = value_is_bool(a[0]) ? value_from_int(a[0] == VALUE_TRUE) : a[0];
        return builtin_pow_mod(vm, base, a[1], a[2]);
    }
    if (num_is_number(a[0]) && num_is_number(a[1]) && num_is_number(a[2]))
        return exc_raise(vm, &exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return exc_raise(vm, &exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                     type_of(a[0])->name, type_of(a[1])->name, type_of(a[2])->name);
}

/* hex, oct and bin: the prefix goes after the sign. */
static Value builtin_int_to_text(VM *vm, Value x, int base, const char *prefix) {
    Value ix = builtin_is_int(x) ? VALUE_NULL : builtin_dunder(vm, x, "__index__", NULL, 0);
    if (ix == VALUE_ERROR) return ix;
    if (ix != VALUE_NULL && value_is_exact_int(ix)) x = ix;
    if (!builtin_is_int(x))
        return exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(x)->name);
    StrBuf b;
    strbuf_init(&b);
    if (bigint_sign(x) < 0) strbuf_putc(&b, '-');
    strbuf_puts(&b, prefix);
    size_t at = b.len;
    if (!num_int_to_base(vm, x, base, &b)) {
        strbuf_free(&b);
        return VALUE_ERROR;
    }
    /* num_int_to_base wrote its own '-' for negatives: drop it, the sign is already in front. */
    if (at < b.len && b.data[at] == '-') memmove(b.data + at, b.data + at + 1, b.len - at), b.len--;
    Value r = b.failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(&b), b.len);
    strbuf_free(&b);
    return r;
}

static Value builtin_hex(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)nargs, (void)kwnames;
    return builtin_int_to_text(vm, args[0], 16, "0x");
}

static Value builtin_oct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)nargs, (void)kwnames;
    return builtin_int_to_text(vm, args[0], 8, "0o");
}

static Value builtin_bin(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)nargs, (void)kwnames;
    return builtin_int_to_text(vm, args[0], 2, "0b");
}

const BuiltinDef builtins_num[] = {
    {"abs", builtin_abs, CALLKIND_O},
    {"round", builtin_round, CALLKIND_FAST_WITH_KEYWORDS},
    {"divmod", builtin_divmod, CALLKIND_FAST},
    {"pow", builtin_pow, CALLKIND_FAST_WITH_KEYWORDS},
    {"hex", builtin_hex, CALLKIND_O},
    {"oct", builtin_oct, CALLKIND_O},
    {"bin", builtin_bin, CALLKIND_O},
    {NULL, NULL, 0},
};
