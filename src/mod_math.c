/* The math module, mirroring CPython 3.11's Modules/mathmodule.c: the same special cases, the same
 * error messages, and the same algorithms where the algorithm shows in the result (fsum's exact
 * partials, hypot and dist's vector_norm, pow's IEEE special cases). Integer functions (factorial,
 * comb, perm, gcd, lcm, isqrt, prod) multiply through op_binary so they keep working, unchanged,
 * once big ints exist; small ints take native fast paths that give the same values. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

enum { MATH_CMP_LT = 0, MATH_CMP_EQ = 2, MATH_CMP_GT = 4, MATH_CMP_GE = 5 };

/* ---- argument helpers, worded as CPython's Argument Clinic words its errors ---- */

/* METH_O functions: "math.sqrt() takes exactly one argument (0 given)". */
static int math_check_one(VM *vm, const char *name, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) {
        exc_raise(vm, &exc_TypeError, "math.%s() takes no keyword arguments", name);
        return 0;
    }
    if (nargs == 1) return 1;
    exc_raise(vm, &exc_TypeError, "math.%s() takes exactly one argument (%d given)", name, nargs);
    return 0;
}

/* _PyArg_CheckPositional: "atan2 expected 2 arguments, got 1". */
static int math_check_n(VM *vm, const char *name, int nargs, int n) {
    if (nargs == n) return 1;
    exc_raise(vm, &exc_TypeError, "%s expected %d argument%s, got %d", name, n, n == 1 ? "" : "s", nargs);
    return 0;
}

/* Functions without keyword parameters reject every keyword as CPython's fastcall parsers do. */
static int math_no_kwargs(VM *vm, const char *name, Tuple *kwnames) {
    if (!kwnames || kwnames->len == 0) return 1;
    exc_raise(vm, &exc_TypeError, "math.%s() takes no keyword arguments", name);
    return 0;
}

/* PyFloat_AsDouble: ints (any size), bools and floats; "must be real number, not str" otherwise. */
/* Floats inline: the math functions take them most, and under WebAssembly a call costs more. */
static ALWAYS_INLINE int math_double(VM *vm, Value v, double *out) {
    if (value_is_float(v)) {
        *out = value_as_float(v);
        return 1;
    }
    return num_as_double(vm, v, out);
}

/* PyNumber_Index for the integer functions: bools become ints, other non-ints are a TypeError. */
static Value math_index(VM *vm, Value v) {
    if (value_is_bool(v)) return value_from_int(v == VALUE_TRUE);
    if (value_is_exact_int(v)) return v;
    return exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(v)->name);
}

/* The comparisons of the integer functions go through op_compare so that they work for big ints;
 * returns 1, 0, or -1 on error. */
static int math_cmp(VM *vm, int op, Value a, Value b) {
    if (value_is_int(a) && value_is_int(b)) {
        int64_t x = value_as_int(a), y = value_as_int(b);
        return op == MATH_CMP_LT ? x < y : op == MATH_CMP_EQ ? x == y : op == MATH_CMP_GT ? x > y : x >= y;
    }
    Value r = op_compare(vm, op, a, b);
    return r == VALUE_ERROR ? -1 : op_truthy(vm, r);
}

static Value math_abs_int(VM *vm, Value v) {
    int neg = math_cmp(vm, MATH_CMP_LT, v, value_from_int(0));
    if (neg < 0) return VALUE_ERROR;
    return neg ? op_unary_negative(vm, v) : v;
}

/* PyLong_FromDouble: floats beyond the small ints are split into a 53-bit mantissa (two 27-bit
 * halves, each a small int) shifted left, which builds a big int once big ints exist and raises
 * Anole's OverflowError until then. */
static Value math_int_from_double(VM *vm, double d) {
    if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
    if (d >= -(double)SMALLINT_MAX && d <= (double)SMALLINT_MAX) return value_from_int((int64_t)d);
    int e;
    double m = frexp(fabs(d), &e);                  /* |d| = m * 2**e, 0.5 <= m < 1, e > 47 */
    int64_t mant = (int64_t)ldexp(m, 53);           /* exact: d has at most 53 significant bits */
    Value hi = value_from_int(mant >> 27), lo = value_from_int(mant & ((1 << 27) - 1));
    Value r = op_binary(vm, NB_LSHIFT, hi, value_from_int(27));
    if (r != VALUE_ERROR) r = op_binary(vm, NB_ADD, r, lo);
    if (r != VALUE_ERROR) r = op_binary(vm, NB_LSHIFT, r, value_from_int(e - 53));
    if (r != VALUE_ERROR && d < 0) r = op_unary_negative(vm, r);
    return r;
}

/* ---- the float functions ---- */

/* is_error(): an ERANGE result smaller than 1.5 in magnitude is an underflow, which is not an
 * error; otherwise EDOM is "math domain error" and ERANGE "math range error". */
static int math_is_error(VM *vm, double r, int err) {
    if (err == EDOM) {
        exc_raise(vm, &exc_ValueError, "math domain error");
        return 1;
    }
    if (err == ERANGE && fabs(r) >= 1.5) {
        exc_raise(vm, &exc_OverflowError, "math range error");
        return 1;
    }
    return 0;
}

/* math_1(): NaN out of a non-NaN is a domain error, an infinity out of a finite argument is an
 * overflow (can_overflow) or a singularity. */
/* Inline into each function, so that func is a direct call (sqrt a single instruction), not a
 * call through a pointer. */
static ALWAYS_INLINE Value math_1(VM *vm, Value *args, int nargs, Tuple *kwnames, const char *name, double (*func)(double),
                                  int can_overflow) {
    double x;
    if (!math_check_one(vm, name, nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    double r = func(x);
    if (isnan(r) && !isnan(x)) return exc_raise(vm, &exc_ValueError, "math domain error");
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) return exc_raise(vm, &exc_OverflowError, "math range error");
        return exc_raise(vm, &exc_ValueError, "math domain error");
    }
    return value_from_float(r);
}

/* math_2(): two float arguments, errors decided from the result as CPython does. */
static Value math_2(VM *vm, Value *args, int nargs, const char *name, double (*func)(double, double)) {
    double x, y;
    if (!math_check_n(vm, name, nargs, 2) || !math_double(vm, args[0], &x) || !math_double(vm, args[1], &y))
        return VALUE_ERROR;
    double r = func(x, y);
    int err = 0;
    if (isnan(r)) err = !isnan(x) && !isnan(y) ? EDOM : 0;
    else if (isinf(r)) err = isfinite(x) && isfinite(y) ? ERANGE : 0;
    if (err && math_is_error(vm, r, err)) return VALUE_ERROR;
    return value_from_float(r);
}

#define MATH_FUNC1(pyname, cfunc, can_overflow)                                                   \
    static Value math_##pyname(VM *vm, Value *args, int nargs, Tuple *kwnames) {                 \
        (void)kwnames;                                                                             \
        return math_1(vm, args, nargs, kwnames, #pyname, cfunc, can_overflow);                             \
    }
MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(sin, sin, 0)
MATH_FUNC1(cos, cos, 0)
MATH_FUNC1(tan, tan, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(tanh, tanh, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(atanh, atanh, 0)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(cbrt, cbrt, 0)
MATH_FUNC1(erf, erf, 0)
MATH_FUNC1(erfc, erfc, 0)
MATH_FUNC1(log1p, log1p, 0)

static Value math_atan2(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_2(vm, args, nargs, "atan2", atan2);
}

static Value math_copysign(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_2(vm, args, nargs, "copysign", copysign);
}

static Value math_remainder(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_2(vm, args, nargs, "remainder", remainder);
}

static Value math_fmod(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x, y;
    if (!math_check_n(vm, "fmod", nargs, 2) || !math_double(vm, args[0], &x) || !math_double(vm, args[1], &y))
        return VALUE_ERROR;
    if (isinf(y) && isfinite(x)) return value_from_float(x);   /* fmod(x, +-inf) is x */
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return exc_raise(vm, &exc_ValueError, "math domain error");
    return value_from_float(r);
}

/* math_pow_impl: IEEE specials by hand (C99 Annex F), finite**finite to libm. */
static Value math_pow(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x, y, r;
    if (!math_check_n(vm, "pow", nargs, 2) || !math_double(vm, args[0], &x) || !math_double(vm, args[1], &y))
        return VALUE_ERROR;
    int err = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) r = odd_y ? x : fabs(x);
            else if (y == 0.0) r = 1.0;
            else r = odd_y ? copysign(0.0, x) : 0.0;
        } else {
            if (fabs(x) == 1.0) r = 1.0;
            else if (y > 0.0 && fabs(x) > 1.0) r = y;
            else if (y < 0.0 && fabs(x) < 1.0) r = -y;
            else r = 0.0;
        }
    } else {
        r = pow(x, y);
        if (isnan(r)) err = EDOM;
        else if (isinf(r)) err = x == 0.0 ? EDOM : ERANGE;
    }
    if (err && math_is_error(vm, r, err)) return VALUE_ERROR;
    return value_from_float(r);
}

/* loghelper(): ints are checked for positivity first (so log(0) is a domain error, not -inf);
 * ints too big for a float are scaled down by powers of two as _PyLong_Frexp does. The scaling here
 * truncates 64 bits at a time before rounding, which can differ from CPython's correctly rounded
 * frexp in the last bit of the mantissa (only for ints beyond 1e308). */
static int math_loghelper(VM *vm, Value v, double (*func)(double), double *out) {
    if (value_is_exact_int(v) || value_is_bool(v)) {
        Value n = math_index(vm, v);
        int pos = math_cmp(vm, MATH_CMP_GT, n, value_from_int(0));
        if (pos < 0) return 0;
        if (!pos) {
            exc_raise(vm, &exc_ValueError, "math domain error");
            return 0;
        }
        double x;
        int64_t e = 0;
        while (!num_as_double(vm, n, &x)) {
            if (!value_is_kind(vm->exc, OBJ_EXCEPTION) ||
                ((Exception *)value_as_obj(vm->exc))->type != &exc_OverflowError)
                return 0;
            vm->exc = VALUE_NULL;
            n = op_binary(vm, NB_RSHIFT, n, value_from_int(64));
            if (n == VALUE_ERROR) return 0;
            e += 64;
        }
        if (e == 0) {
            *out = func(x);
        } else {
            int e2;
            x = frexp(x, &e2);
            *out = func(x) + func(2.0) * (double)(e + e2);
        }
        return 1;
    }
    double x;
    if (!math_double(vm, v, &x)) return 0;
    double r = func(x);
    if ((isnan(r) && !isnan(x)) || (isinf(r) && isfinite(x))) {
        exc_raise(vm, &exc_ValueError, "math domain error");
        return 0;
    }
    *out = r;
    return 1;
}

/* m_log and friends: log(0) and log(negative) give -inf and nan, which loghelper turns into
 * domain errors. */
static double math_m_log(double x) { return x > 0.0 || !isfinite(x) ? log(x) : x == 0.0 ? -HUGE_VAL : NAN; }
static double math_m_log2(double x) { return x > 0.0 || !isfinite(x) ? log2(x) : x == 0.0 ? -HUGE_VAL : NAN; }
static double math_m_log10(double x) { return x > 0.0 || !isfinite(x) ? log10(x) : x == 0.0 ? -HUGE_VAL : NAN; }

static Value math_log(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double num, den;
    if (nargs < 1 || nargs > 2) return exc_raise(vm, &exc_TypeError, "math.log requires 1 to 2 arguments");
    if (!math_loghelper(vm, args[0], math_m_log, &num)) return VALUE_ERROR;
    if (nargs == 1) return value_from_float(num);
    if (!math_loghelper(vm, args[1], math_m_log, &den)) return VALUE_ERROR;
    if (den == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float division by zero");
    return value_from_float(num / den);
}

static Value math_log2(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double r;
    if (!math_check_one(vm, "log2", nargs, kwnames) || !math_loghelper(vm, args[0], math_m_log2, &r)) return VALUE_ERROR;
    return value_from_float(r);
}

static Value math_log10(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double r;
    if (!math_check_one(vm, "log10", nargs, kwnames) || !math_loghelper(vm, args[0], math_m_log10, &r)) return VALUE_ERROR;
    return value_from_float(r);
}

/* floor, ceil and trunc: an int is its own result (int.__floor__), a float goes through
 * PyLong_FromDouble; anything else is converted with PyFloat_AsDouble (trunc: no __trunc__).
 * TODO: classes defining __floor__, __ceil__ or __trunc__ are not consulted yet. */
static Value math_rounding(VM *vm, Value *args, int nargs, Tuple *kwnames, const char *name, double (*func)(double)) {
    if (!math_check_one(vm, name, nargs, kwnames)) return VALUE_ERROR;
    Value x = args[0];
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    if (value_is_exact_int(x)) return x;
    if (!value_is_float(x) && func == trunc)
        return exc_raise(vm, &exc_TypeError, "type %s doesn't define __trunc__ method", type_of(x)->name);
    double d;
    if (!math_double(vm, x, &d)) return VALUE_ERROR;
    return math_int_from_double(vm, func(d));
}

static Value math_floor(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_rounding(vm, args, nargs, kwnames, "floor", floor);
}

static Value math_ceil(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_rounding(vm, args, nargs, kwnames, "ceil", ceil);
}

static Value math_trunc(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_rounding(vm, args, nargs, kwnames, "trunc", trunc);
}

static const double math_deg_to_rad = 3.141592653589793238462643383279502884197 / 180.0;
static const double math_rad_to_deg = 180.0 / 3.141592653589793238462643383279502884197;

static Value math_degrees(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x;
    if (!math_check_one(vm, "degrees", nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    return value_from_float(x * math_rad_to_deg);
}

static Value math_radians(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x;
    if (!math_check_one(vm, "radians", nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    return value_from_float(x * math_deg_to_rad);
}

static Value math_classify(VM *vm, Value *args, int nargs, Tuple *kwnames, const char *name, int which) {
    double x;
    if (!math_check_one(vm, name, nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    return value_from_bool(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}

static Value math_isfinite(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_classify(vm, args, nargs, kwnames, "isfinite", 0);
}

static Value math_isinf(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_classify(vm, args, nargs, kwnames, "isinf", 1);
}

static Value math_isnan(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    return math_classify(vm, args, nargs, kwnames, "isnan", 2);
}

static Value math_pair(VM *vm, Value a, Value b) {
    Tuple *t = tuple_new(vm, 2);
    if (!t) return exc_raise_memory(vm);
    t->items[0] = a;
    t->items[1] = b;
    return value_from_ptr(t);
}

static Value math_modf(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x, ip;
    if (!math_check_one(vm, "modf", nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    if (isinf(x)) return math_pair(vm, value_from_float(copysign(0.0, x)), value_from_float(x));
    if (isnan(x)) return math_pair(vm, value_from_float(x), value_from_float(x));
    double frac = modf(x, &ip);
    return math_pair(vm, value_from_float(frac), value_from_float(ip));
}

static Value math_frexp(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x;
    int e = 0;
    if (!math_check_one(vm, "frexp", nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    if (isfinite(x) && x != 0.0) x = frexp(x, &e);
    return math_pair(vm, value_from_float(x), value_from_int(e));
}

static Value math_ldexp(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x, r;
    if (!math_check_n(vm, "ldexp", nargs, 2) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    Value i = args[1];
    if (!value_is_exact_int(i) && !value_is_bool(i))
        return exc_raise(vm, &exc_TypeError, "Expected an int as second argument to ldexp.");
    /* An exponent beyond a C long is clamped to LONG_MAX or LONG_MIN, as CPython does. */
    int64_t e;
    if (value_is_bool(i)) e = i == VALUE_TRUE;
    else if (value_is_int(i)) e = value_as_int(i);
    else {
        int neg = math_cmp(vm, MATH_CMP_LT, i, value_from_int(0));
        if (neg < 0) return VALUE_ERROR;
        e = neg ? INT64_MIN : INT64_MAX;
    }
    if (x == 0.0 || !isfinite(x)) r = x;
    else if (e > 100000) r = copysign(HUGE_VAL, x);
    else if (e < -100000) r = copysign(0.0, x);
    else r = ldexp(x, (int)e);
    if (isinf(r) && isfinite(x)) return exc_raise(vm, &exc_OverflowError, "math range error");
    return value_from_float(r);
}

static Value math_nextafter(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x, y;
    if (!math_check_n(vm, "nextafter", nargs, 2) || !math_double(vm, args[0], &x) || !math_double(vm, args[1], &y))
        return VALUE_ERROR;
    return value_from_float(nextafter(x, y));
}

static Value math_ulp(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    double x;
    if (!math_check_one(vm, "ulp", nargs, kwnames) || !math_double(vm, args[0], &x)) return VALUE_ERROR;
    if (isnan(x)) return value_from_float(x);
    x = fabs(x);
    if (isinf(x)) return value_from_float(x);
    double x2 = nextafter(x, HUGE_VAL);
    if (isinf(x2)) return value_from_float(x - nextafter(x, -HUGE_VAL));
    return value_from_float(x2 - x);
}

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): the symmetric test of PEP 485. */
static Value math_isclose(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"a", "b", "rel_tol", "abs_tol"};
    Value v[4];
    if (nargs > 2)
        return exc_raise(vm, &exc_TypeError, "isclose() takes exactly 2 positional arguments (%d given)", nargs);
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        int known = 0;
        for (int i = 0; i < 4; i++) known |= strcmp(name->data, params[i]) == 0;
        if (!known)
            return exc_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for isclose()", name->data);
    }
    /* Argument Clinic reports a missing a or b before an argument given twice. */
    for (int i = nargs; i < 2; i++) {
        int given = 0;
        for (uint32_t k = 0; kwnames && k < kwnames->len; k++)
            given |= strcmp(((Str *)value_as_ptr(kwnames->items[k]))->data, params[i]) == 0;
        if (!given)
            return exc_raise(vm, &exc_TypeError, "isclose() missing required argument '%s' (pos %d)", params[i], i + 1);
    }
    if (!args_bind(vm, "isclose", args, nargs, kwnames, params, 4, 2, v)) return VALUE_ERROR;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (!math_double(vm, v[0], &a) || !math_double(vm, v[1], &b)) return VALUE_ERROR;
    if (v[2] != VALUE_NULL && !math_double(vm, v[2], &rel_tol)) return VALUE_ERROR;
    if (v[3] != VALUE_NULL && !math_double(vm, v[3], &abs_tol)) return VALUE_ERROR;
    if (rel_tol < 0.0 || abs_tol < 0.0) return exc_raise(vm, &exc_ValueError, "tolerances must be non-negative");
    if (a == b) return VALUE_TRUE;
    if (isinf(a) || isinf(b)) return VALUE_FALSE;
    double diff = fabs(b - a);
    return value_from_bool(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

/* ---- fsum, hypot and dist ---- */

/* fsum: Shewchuk's exact partials with CPython's special-value handling and its final half-even
 * correction across partials (math_fsum in mathmodule.c). The iterator is rooted because
 * iterating a generator runs Python code, which may collect. */
static Value math_fsum(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!math_no_kwargs(vm, "fsum", kwnames) || !math_check_one(vm, "fsum", nargs, kwnames)) return VALUE_ERROR;
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return VALUE_ERROR;
    double ps_static[32], *p = ps_static;
    size_t n = 0, m = 32;
    double special_sum = 0.0, inf_sum = 0.0, hi, lo = 0.0, x, y, yr;
    Value result = VALUE_ERROR;
    for (;;) {
        Value item = op_iter_next(vm, it);
        if (item == VALUE_ERROR) goto done;
        if (item == VALUE_NULL) break;
        if (!math_double(vm, item, &x)) goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* A non-finite x is an intermediate overflow, or a nan or inf among the summands. */
                if (isfinite(xsave)) {
                    exc_raise(vm, &exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    double *np = malloc(2 * m * sizeof *np);
                    if (!np) {
                        exc_raise_memory(vm);
                        goto done;
                    }
                    memcpy(np, p, n * sizeof *np);
                    if (p != ps_static) free(p);
                    p = np;
                    m *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) exc_raise(vm, &exc_ValueError, "-inf + inf in fsum");
        else result = value_from_float(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* Sum the partials from the top, stopping when the sum becomes inexact. */
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up to ...02. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = value_from_float(hi);
done:
    if (p != ps_static) free(p);
    gc_root_pop(vm, 1);
    return result;
}

/* vector_norm as in CPython 3.10 and 3.11: scale by a power of two so the largest coordinate is in
 * [0.5, 1), accumulate the squares with Dekker's split into hi and lo halves and three
 * compensation terms, take the square root, then apply one Newton correction computed from the
 * residual. The same operations in the same order give the same bits as CPython. */
static double math_vector_norm(size_t n, double *vec, double max, int found_nan) {
    const double T27 = 134217729.0;   /* ldexp(1.0, 27) + 1.0 */
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0, t, hi, lo, h;
    int max_e;
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* ldexp(1.0, -max_e) would overflow: convert subnormals to normals first. */
        for (size_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * math_vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    scale = ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = 2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        frac3 += lo * lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    x = h;
    t = x * T27;
    hi = t - (t - x);
    lo = x - hi;
    x = -hi * hi;
    oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
}

static Value math_hypot(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!math_no_kwargs(vm, "hypot", kwnames)) return VALUE_ERROR;
    double stack[16], *coords = nargs <= 16 ? stack : malloc((size_t)nargs * sizeof *coords);
    if (!coords) return exc_raise_memory(vm);
    double max = 0.0;
    int found_nan = 0;
    Value result = VALUE_ERROR;
    for (int i = 0; i < nargs; i++) {
        double x;
        if (!math_double(vm, args[i], &x)) goto done;
        x = fabs(x);
        coords[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    result = value_from_float(math_vector_norm((size_t)nargs, coords, max, found_nan));
done:
    if (coords != stack) free(coords);
    return result;
}

/* The items of a point for dist: lists and tuples directly, other iterables as tuple(p) would. */
static int math_point(VM *vm, Value p, List **out) {
    List *l = list_new(vm, 4);
    if (!l) {
        exc_raise_memory(vm);
        return 0;
    }
    *out = l;
    if (!gc_root_push(vm, value_from_ptr(l))) return 0;
    Value it = op_get_iter(vm, p);
    int ok = it != VALUE_ERROR && gc_root_push(vm, it);
    if (!ok) {
        gc_root_pop(vm, 1);
        return 0;
    }
    for (;;) {
        Value item = op_iter_next(vm, it);
        if (item == VALUE_ERROR) ok = 0;
        if (item == VALUE_ERROR || item == VALUE_NULL) break;
        if (!list_append(vm, l, item)) {
            exc_raise_memory(vm);
            ok = 0;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return ok;
}

static Value math_dist(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!math_no_kwargs(vm, "dist", kwnames) || !math_check_n(vm, "dist", nargs, 2)) return VALUE_ERROR;
    List *p, *q;
    if (!math_point(vm, args[0], &p)) return VALUE_ERROR;
    if (!gc_root_push(vm, value_from_ptr(p))) return VALUE_ERROR;
    int ok = math_point(vm, args[1], &q);
    gc_root_pop(vm, 1);
    if (!ok) return VALUE_ERROR;
    if (p->len != q->len)
        return exc_raise(vm, &exc_ValueError, "both points must have the same number of dimensions");
    double *diffs = malloc((p->len ? p->len : 1) * sizeof *diffs);
    if (!diffs) return exc_raise_memory(vm);
    double max = 0.0;
    int found_nan = 0;
    Value result = VALUE_ERROR;
    for (uint32_t i = 0; i < p->len; i++) {
        double px, qx;
        if (!math_double(vm, p->items[i], &px) || !math_double(vm, q->items[i], &qx)) goto done;
        double x = fabs(px - qx);
        diffs[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    result = value_from_float(math_vector_norm(p->len, diffs, max, found_nan));
done:
    free(diffs);
    return result;
}

/* ---- the integer functions ---- */

/* The product lo * (lo+1) * ... * (hi-1) by binary splitting, so that big products multiply
 * numbers of similar size; runs of small factors are multiplied natively while they fit. */
static Value math_range_product(VM *vm, int64_t lo, int64_t hi) {
    if (hi - lo <= 16) {
        Value acc = value_from_int(1);
        int64_t run = 1;
        for (int64_t i = lo; i < hi; i++) {
            __int128 r = (__int128)run * i;
            if (r >= SMALLINT_MIN && r <= SMALLINT_MAX) {
                run = (int64_t)r;
                continue;
            }
            acc = op_binary(vm, NB_MULTIPLY, acc, value_from_int(run));
            if (acc == VALUE_ERROR) return VALUE_ERROR;
            run = i;
        }
        return op_binary(vm, NB_MULTIPLY, acc, value_from_int(run));
    }
    int64_t mid = lo + (hi - lo) / 2;
    Value a = math_range_product(vm, lo, mid);
    if (a == VALUE_ERROR) return VALUE_ERROR;
    Value b = math_range_product(vm, mid, hi);
    if (b == VALUE_ERROR) return VALUE_ERROR;
    return op_binary(vm, NB_MULTIPLY, a, b);
}

static Value math_factorial_of(VM *vm, Value n) {
    int neg = math_cmp(vm, MATH_CMP_LT, n, value_from_int(0));
    if (neg < 0) return VALUE_ERROR;
    if (neg) return exc_raise(vm, &exc_ValueError, "factorial() not defined for negative values");
    if (!value_is_int(n))
        return exc_raise(vm, &exc_OverflowError, "factorial() argument should not exceed %lld", (long long)INT64_MAX);
    return math_range_product(vm, 1, value_as_int(n) + 1);
}

static Value math_factorial(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!math_check_one(vm, "factorial", nargs, kwnames)) return VALUE_ERROR;
    Value n = math_index(vm, args[0]);
    return n == VALUE_ERROR ? n : math_factorial_of(vm, n);
}

/* n * (n-1) * ... * (n-k+1) for 0 <= k <= n, k a small int. */
static Value math_falling_product(VM *vm, Value n, int64_t k) {
    if (value_is_int(n)) return math_range_product(vm, value_as_int(n) - k + 1, value_as_int(n) + 1);
    Value acc = value_from_int(1);
    for (int64_t i = 0; i < k && acc != VALUE_ERROR; i++) {
        Value f = op_binary(vm, NB_SUBTRACT, n, value_from_int(i));
        acc = f == VALUE_ERROR ? f : op_binary(vm, NB_MULTIPLY, acc, f);
    }
    return acc;
}

/* comb and perm share their argument checks; returns k (a small int) in *kout, or -1 for k > n
 * (the result is 0). */
static int math_comb_args(VM *vm, const char *name, Value *args, Value *n, int64_t *kout, int for_comb) {
    *n = math_index(vm, args[0]);
    if (*n == VALUE_ERROR) return 0;
    Value k = math_index(vm, args[1]);
    if (k == VALUE_ERROR) return 0;
    int neg = math_cmp(vm, MATH_CMP_LT, *n, value_from_int(0));
    if (neg < 0) return 0;
    if (neg) {
        exc_raise(vm, &exc_ValueError, "n must be a non-negative integer");
        return 0;
    }
    neg = math_cmp(vm, MATH_CMP_LT, k, value_from_int(0));
    if (neg < 0) return 0;
    if (neg) {
        exc_raise(vm, &exc_ValueError, "k must be a non-negative integer");
        return 0;
    }
    int gt = math_cmp(vm, MATH_CMP_GT, k, *n);
    if (gt < 0) return 0;
    if (gt) {
        *kout = -1;
        return 1;
    }
    if (for_comb) {
        /* comb(n, k) == comb(n, n - k): use the smaller one. */
        Value nk = op_binary(vm, NB_SUBTRACT, *n, k);
        if (nk == VALUE_ERROR) return 0;
        int less = math_cmp(vm, MATH_CMP_LT, nk, k);
        if (less < 0) return 0;
        if (less) k = nk;
    }
    if (!value_is_int(k)) {
        exc_raise(vm, &exc_OverflowError, for_comb ? "min(n - k, k) must not exceed %lld" : "k must not exceed %lld",
                  (long long)INT64_MAX);
        return 0;
    }
    (void)name;
    *kout = value_as_int(k);
    return 1;
}

static Value math_perm(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 2)
        return exc_raise(vm, &exc_TypeError, "perm expected at %s %d argument%s, got %d", nargs < 1 ? "least" : "most",
                         nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
    if (nargs == 1 || args[1] == VALUE_NONE) {
        Value n = math_index(vm, args[0]);
        return n == VALUE_ERROR ? n : math_factorial_of(vm, n);
    }
    Value n;
    int64_t k;
    if (!math_comb_args(vm, "perm", args, &n, &k, 0)) return VALUE_ERROR;
    return k < 0 ? value_from_int(0) : math_falling_product(vm, n, k);
}

/* comb(n, k) = prod((n - k + i) / i for i in 1..k), each step exact, so the running value never
 * exceeds comb(n, k) * n; small values step natively, larger ones through op_binary. */
static Value math_comb(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    Value n;
    int64_t k;
    if (!math_check_n(vm, "comb", nargs, 2) || !math_comb_args(vm, "comb", args, &n, &k, 1)) return VALUE_ERROR;
    if (k < 0) return value_from_int(0);
    Value acc = value_from_int(1);
    for (int64_t i = 1; i <= k; i++) {
        if (value_is_int(acc) && value_is_int(n)) {
            __int128 r = (__int128)value_as_int(acc) * (value_as_int(n) - k + i) / i;
            if (r <= SMALLINT_MAX) {
                acc = value_from_int((int64_t)r);
                continue;
            }
        }
        Value f = op_binary(vm, NB_SUBTRACT, n, value_from_int(k - i));
        if (f != VALUE_ERROR) acc = op_binary(vm, NB_MULTIPLY, acc, f);
        if (f == VALUE_ERROR || acc == VALUE_ERROR) return VALUE_ERROR;
        if ((acc = op_binary(vm, NB_FLOOR_DIVIDE, acc, value_from_int(i))) == VALUE_ERROR) return VALUE_ERROR;
    }
    return acc;
}

/* gcd of two non-negative ints: natively for small ints, Euclid through op_binary otherwise. */
static Value math_gcd2(VM *vm, Value a, Value b) {
    if (value_is_int(a) && value_is_int(b)) {
        uint64_t x = (uint64_t)value_as_int(a), y = (uint64_t)value_as_int(b);
        while (y) {
            uint64_t t = x % y;
            x = y;
            y = t;
        }
        return value_from_int((int64_t)x);
    }
    for (;;) {
        int zero = math_cmp(vm, MATH_CMP_EQ, b, value_from_int(0));
        if (zero < 0) return VALUE_ERROR;
        if (zero) return a;
        Value t = op_binary(vm, NB_REMAINDER, a, b);
        if (t == VALUE_ERROR) return t;
        a = b;
        b = t;
    }
}

static Value math_gcd(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!math_no_kwargs(vm, "gcd", kwnames)) return VALUE_ERROR;
    Value g = value_from_int(0);
    for (int i = 0; i < nargs; i++) {
        Value x = math_index(vm, args[i]);
        if (x == VALUE_ERROR || (x = math_abs_int(vm, x)) == VALUE_ERROR) return VALUE_ERROR;
        if ((g = math_gcd2(vm, g, x)) == VALUE_ERROR) return VALUE_ERROR;
    }
    return g;
}

static Value math_lcm(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!math_no_kwargs(vm, "lcm", kwnames)) return VALUE_ERROR;
    Value l = value_from_int(1);
    for (int i = 0; i < nargs; i++) {
        Value x = math_index(vm, args[i]);
        if (x == VALUE_ERROR || (x = math_abs_int(vm, x)) == VALUE_ERROR) return VALUE_ERROR;
        int zero = math_cmp(vm, MATH_CMP_EQ, x, value_from_int(0));
        if (zero < 0) return VALUE_ERROR;
        if (zero) l = x;
        if (zero || math_cmp(vm, MATH_CMP_EQ, l, value_from_int(0)) == 1) continue;
        Value g = math_gcd2(vm, l, x);
        if (g == VALUE_ERROR) return g;
        l = op_binary(vm, NB_FLOOR_DIVIDE, l, g);
        if (l == VALUE_ERROR || (l = op_binary(vm, NB_MULTIPLY, l, x)) == VALUE_ERROR) return VALUE_ERROR;
    }
    return l;
}

/* isqrt: exact floor square root. Small ints correct a float estimate; larger ints run Newton's
 * iteration from above (any start >= the root converges to it). */
static Value math_isqrt(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!math_check_one(vm, "isqrt", nargs, kwnames)) return VALUE_ERROR;
    Value n = math_index(vm, args[0]);
    if (n == VALUE_ERROR) return n;
    int neg = math_cmp(vm, MATH_CMP_LT, n, value_from_int(0));
    if (neg < 0) return VALUE_ERROR;
    if (neg) return exc_raise(vm, &exc_ValueError, "isqrt() argument must be nonnegative");
    if (value_is_int(n)) {
        int64_t v = value_as_int(n), r = (int64_t)sqrt((double)v);
        while (r > 0 && r * r > v) r--;
        while ((r + 1) * (r + 1) <= v) r++;
        return value_from_int(r);
    }
    double d;
    Value x = n;
    if (num_as_double(vm, n, &d)) x = math_int_from_double(vm, sqrt(d) * (1.0 + 0x1p-40) + 2.0);
    else vm->exc = VALUE_NULL;
    if (x == VALUE_ERROR) return x;
    for (;;) {
        Value q = op_binary(vm, NB_FLOOR_DIVIDE, n, x);
        Value y = q == VALUE_ERROR ? q : op_binary(vm, NB_ADD, x, q);
        y = y == VALUE_ERROR ? y : op_binary(vm, NB_RSHIFT, y, value_from_int(1));
        if (y == VALUE_ERROR) return y;
        int ge = math_cmp(vm, MATH_CMP_GE, y, x);
        if (ge < 0) return VALUE_ERROR;
        if (ge) return x;
        x = y;
    }
}

/* prod(iterable, /, *, start=1): multiplies through op_binary, so any type with __mul__ works;
 * the iterator and the running product are rooted across the calls. */
static Value math_prod(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    uint32_t nkw = kwnames ? kwnames->len : 0;
    Value acc = value_from_int(1);
    for (uint32_t k = 0; k < nkw; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        if (strcmp(name->data, "start") != 0)
            return exc_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for prod()", name->data);
        acc = args[nargs + (int)k];
    }
    if (nargs != 1)
        return exc_raise(vm, &exc_TypeError, "prod() takes exactly 1 positional argument (%d given)", nargs);
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return VALUE_ERROR;
    for (;;) {
        if (!gc_root_push(vm, acc)) break;
        Value item = op_iter_next(vm, it);
        Value next = item == VALUE_ERROR || item == VALUE_NULL ? item : op_binary(vm, NB_MULTIPLY, acc, item);
        gc_root_pop(vm, 1);
        if (next == VALUE_NULL) {
            gc_root_pop(vm, 1);
            return acc;
        }
        if (next == VALUE_ERROR) break;
        acc = next;
    }
    gc_root_pop(vm, 1);
    return VALUE_ERROR;
}

static const BuiltinDef math_functions[] = {
    {"acos", math_acos, CALLKIND_O},
    {"acosh", math_acosh, CALLKIND_O},
    {"asin", math_asin, CALLKIND_O},
    {"asinh", math_asinh, CALLKIND_O},
    {"atan", math_atan, CALLKIND_O},
    {"atan2", math_atan2, CALLKIND_FAST},
    {"atanh", math_atanh, CALLKIND_O},
    {"cbrt", math_cbrt, CALLKIND_O},
    {"ceil", math_ceil, CALLKIND_O},
    {"comb", math_comb, CALLKIND_FAST},
    {"copysign", math_copysign, CALLKIND_FAST},
    {"cos", math_cos, CALLKIND_O},
    {"cosh", math_cosh, CALLKIND_O},
    {"degrees", math_degrees, CALLKIND_O},
    {"dist", math_dist, CALLKIND_FAST},
    {"erf", math_erf, CALLKIND_O},
    {"erfc", math_erfc, CALLKIND_O},
    {"exp", math_exp, CALLKIND_O},
    {"exp2", math_exp2, CALLKIND_O},
    {"expm1", math_expm1, CALLKIND_O},
    {"fabs", math_fabs, CALLKIND_O},
    {"factorial", math_factorial, CALLKIND_O},
    {"floor", math_floor, CALLKIND_O},
    {"fmod", math_fmod, CALLKIND_FAST},
    {"frexp", math_frexp, CALLKIND_O},
    {"fsum", math_fsum, CALLKIND_O},
    {"gcd", math_gcd, CALLKIND_FAST},
    {"hypot", math_hypot, CALLKIND_FAST},
    {"isclose", math_isclose, CALLKIND_FAST_WITH_KEYWORDS},
    {"isfinite", math_isfinite, CALLKIND_O},
    {"isinf", math_isinf, CALLKIND_O},
    {"isnan", math_isnan, CALLKIND_O},
    {"isqrt", math_isqrt, CALLKIND_O},
    {"lcm", math_lcm, CALLKIND_FAST},
    {"ldexp", math_ldexp, CALLKIND_FAST},
    {"log", math_log, CALLKIND_VARARGS},
    {"log10", math_log10, CALLKIND_O},
    {"log1p", math_log1p, CALLKIND_O},
    {"log2", math_log2, CALLKIND_O},
    {"modf", math_modf, CALLKIND_O},
    {"nextafter", math_nextafter, CALLKIND_FAST},
    {"perm", math_perm, CALLKIND_FAST},
    {"pow", math_pow, CALLKIND_FAST},
    {"prod", math_prod, CALLKIND_FAST_WITH_KEYWORDS},
    {"radians", math_radians, CALLKIND_O},
    {"remainder", math_remainder, CALLKIND_FAST},
    {"sin", math_sin, CALLKIND_O},
    {"sinh", math_sinh, CALLKIND_O},
    {"sqrt", math_sqrt, CALLKIND_O},
    {"tan", math_tan, CALLKIND_O},
    {"tanh", math_tanh, CALLKIND_O},
    {"trunc", math_trunc, CALLKIND_O},
    {"ulp", math_ulp, CALLKIND_O},
    {NULL, NULL, 0},
};

static int math_set(VM *vm, Dict *d, const char *name, Value v) {
    Str *key = str_intern(vm, name, strlen(name));
    if (!key || !dict_set_str(vm, d, key, v)) {
        exc_raise_memory(vm);
        return 0;
    }
    return 1;
}

static int math_init(VM *vm, Dict *d) {
    return math_set(vm, d, "pi", value_from_float(3.141592653589793238462643383279502884197)) &&
           math_set(vm, d, "e", value_from_float(2.718281828459045235360287471352662497757)) &&
           math_set(vm, d, "tau", value_from_float(6.283185307179586476925286766559005768394)) &&
           math_set(vm, d, "inf", value_from_float(HUGE_VAL)) && math_set(vm, d, "nan", value_from_float(NAN));
}

const ModuleDef module_math = {"math", math_functions, math_init};
