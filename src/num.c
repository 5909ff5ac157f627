/* int and float arithmetic with Python's semantics: floor division and modulo round towards
 * negative infinity, true division of ints gives a float, and floats print with the shortest repr
 * that round-trips. Ints are the 48-bit small ints of value.h; results beyond them raise
 * OverflowError until arbitrary-precision ints land. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

int num_is_number(Value v) { return value_is_float(v) || value_is_int(v) || value_is_bool(v); }

static int64_t num_int_of(Value v) { return value_is_bool(v) ? (v == VALUE_TRUE) : value_as_int(v); }

static double num_float_of(Value v) {
    return value_is_float(v) ? value_as_float(v) : (double)num_int_of(v);
}

static Value num_int_result(VM *vm, __int128 r) {
    if (r < SMALLINT_MIN || r > SMALLINT_MAX)
        return exc_raise(vm, &exc_OverflowError,
                         "integer result too large (Anole's ints are limited to 48 bits for now)");
    return value_from_int((int64_t)r);
}

static Value num_int_pow(VM *vm, int64_t base, int64_t exp) {
    if (exp < 0) {
        if (base == 0) return exc_raise(vm, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return value_from_float(pow((double)base, (double)exp));
    }
    __int128 result = 1, b = base;
    while (exp) {
        if (exp & 1) {
            result *= b;
            if (result > SMALLINT_MAX || result < SMALLINT_MIN) return num_int_result(vm, result);
        }
        exp >>= 1;
        if (exp) {
            b *= b;
            if (b > SMALLINT_MAX || b < -SMALLINT_MAX) return num_int_result(vm, b);
        }
    }
    return value_from_int((int64_t)result);
}

static Value num_int_op(VM *vm, int op, int64_t a, int64_t b) {
    switch (op) {
    case 0: return num_int_result(vm, (__int128)a + b);
    case 10: return num_int_result(vm, (__int128)a - b);
    case 5: return num_int_result(vm, (__int128)a * b);
    case 11:
        if (b == 0) return exc_raise(vm, &exc_ZeroDivisionError, "division by zero");
        return value_from_float((double)a / (double)b);
    case 2: {
        if (b == 0) return exc_raise(vm, &exc_ZeroDivisionError, "integer division or modulo by zero");
        int64_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return value_from_int(q);
    }
    case 6: {
        if (b == 0) return exc_raise(vm, &exc_ZeroDivisionError, "integer modulo by zero");
        int64_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        return value_from_int(m);
    }
    case 8: return num_int_pow(vm, a, b);
    case 1: return value_from_int(a & b);
    case 7: return value_from_int(a | b);
    case 12: return value_from_int(a ^ b);
    case 3:
        if (b < 0) return exc_raise(vm, &exc_ValueError, "negative shift count");
        if (b >= 64 || (a != 0 && b > 47)) return num_int_result(vm, a == 0 ? 0 : (__int128)SMALLINT_MAX + 1);
        return num_int_result(vm, (__int128)a << b);
    case 9:
        if (b < 0) return exc_raise(vm, &exc_ValueError, "negative shift count");
        return value_from_int(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    }
    return VALUE_NULL;
}

/* CPython's float_divmod, so that signs and zeros come out the same. */
static void num_float_divmod(double vx, double wx, double *floordiv, double *mod) {
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static Value num_float_op(VM *vm, int op, double a, double b) {
    double q, m;
    switch (op) {
    case 0: return value_from_float(a + b);
    case 10: return value_from_float(a - b);
    case 5: return value_from_float(a * b);
    case 11:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float division by zero");
        return value_from_float(a / b);
    case 2:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float floor division by zero");
        num_float_divmod(a, b, &q, &m);
        return value_from_float(q);
    case 6:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float modulo");
        num_float_divmod(a, b, &q, &m);
        return value_from_float(m);
    case 8: {
        if (a == 0.0 && b < 0.0)
            return exc_raise(vm, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (a < 0.0 && b != floor(b) && isfinite(b))
            return exc_raise(vm, &exc_ValueError, "complex numbers are not supported by Anole yet");
        double r = pow(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b))
            return exc_raise(vm, &exc_OverflowError, "(34, 'Numerical result out of range')");
        return value_from_float(r);
    }
    }
    return VALUE_NULL;
}

Value num_binary_op(VM *vm, int op, Value a, Value b) {
    if (!num_is_number(a) || !num_is_number(b)) return VALUE_NULL;
    if (op >= 13) op -= 13;
    if (!value_is_float(a) && !value_is_float(b)) return num_int_op(vm, op, num_int_of(a), num_int_of(b));
    if (op == 1 || op == 3 || op == 4 || op == 7 || op == 9 || op == 12) return VALUE_NULL;
    return num_float_op(vm, op, num_float_of(a), num_float_of(b));
}

Value num_negate(VM *vm, Value v) {
    if (value_is_float(v)) return value_from_float(-value_as_float(v));
    return num_int_result(vm, -(__int128)num_int_of(v));
}

int num_compare(Value a, Value b, int op, int *result) {
    if (!num_is_number(a) || !num_is_number(b)) return 0;
    int c;
    if (!value_is_float(a) && !value_is_float(b)) {
        int64_t x = num_int_of(a), y = num_int_of(b);
        c = x < y ? -1 : x > y;
    } else {
        /* 48-bit ints convert to double exactly, so this comparison is exact. */
        double x = num_float_of(a), y = num_float_of(b);
        if (x != x || y != y) {
            *result = op == 3;
            return 1;
        }
        c = x < y ? -1 : x > y;
    }
    switch (op) {
    case 0: *result = c < 0; break;
    case 1: *result = c <= 0; break;
    case 2: *result = c == 0; break;
    case 3: *result = c != 0; break;
    case 4: *result = c > 0; break;
    default: *result = c >= 0; break;
    }
    return 1;
}

void num_float_repr(double d, StrBuf *out) {
    if (isnan(d)) { strbuf_puts(out, "nan"); return; }
    if (isinf(d)) { strbuf_puts(out, d > 0 ? "inf" : "-inf"); return; }
    if (d == 0) { strbuf_puts(out, signbit(d) ? "-0.0" : "0.0"); return; }
    /* The shortest digit string that reads back as the same double (what repr promises). */
    char buf[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    char digits[24];
    int nd = 0, neg = buf[0] == '-';
    const char *p = buf + neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    int exp10 = atoi(p + 1);
    int decpt = exp10 + 1;   /* position of the decimal point relative to the digits */
    if (neg) strbuf_putc(out, '-');
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            strbuf_puts(out, "0.");
            for (int i = 0; i < -decpt; i++) strbuf_putc(out, '0');
            strbuf_append(out, digits, (size_t)nd);
        } else if (decpt >= nd) {
            strbuf_append(out, digits, (size_t)nd);
            for (int i = nd; i < decpt; i++) strbuf_putc(out, '0');
            strbuf_puts(out, ".0");
        } else {
            strbuf_append(out, digits, (size_t)decpt);
            strbuf_putc(out, '.');
            strbuf_append(out, digits + decpt, (size_t)(nd - decpt));
        }
    } else {
        strbuf_putc(out, digits[0]);
        if (nd > 1) {
            strbuf_putc(out, '.');
            strbuf_append(out, digits + 1, (size_t)(nd - 1));
        }
        strbuf_printf(out, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    }
}


int value_is_exact_int(Value v) { return value_is_int(v) || value_is_kind(v, OBJ_BIGINT); }

int num_int_to_base(VM *vm, Value v, int base, StrBuf *out) {
    (void)vm;
    int64_t i = value_is_bool(v) ? v == VALUE_TRUE : value_as_int(v);
    uint64_t u = i < 0 ? (uint64_t)(-(i + 1)) + 1 : (uint64_t)i;
    char buf[72];
    int n = 0;
    do {
        buf[n++] = "0123456789abcdef"[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    if (i < 0) strbuf_putc(out, '-');
    while (n) strbuf_putc(out, buf[--n]);
    return 1;
}

int num_as_int64(VM *vm, Value v, int64_t *out) {
    if (value_is_int(v)) *out = value_as_int(v);
    else if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else {
        exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(v)->name);
        return 0;
    }
    return 1;
}

int num_as_double(VM *vm, Value v, double *out) {
    if (!num_is_number(v)) {
        exc_raise(vm, &exc_TypeError, "must be real number, not %s", type_of(v)->name);
        return 0;
    }
    *out = num_float_of(v);
    return 1;
}

int num_index(VM *vm, Value v, int64_t *out) { return num_as_int64(vm, v, out); }

static Value num_float_to_int(VM *vm, double d) {
    if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
    if (d > (double)SMALLINT_MAX || d < (double)SMALLINT_MIN)
        return exc_raise(vm, &exc_OverflowError, "integer result too large (Anole's ints are limited to 48 bits for now)");
    return value_from_int((int64_t)d);
}

static Value num_construct_float(VM *vm, Value *args, int nargs, Tuple *kwnames) {
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

static Value num_construct_int(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return value_from_int(0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "int() takes at most 2 arguments (%d given)", nargs);
    Value x = args[0];
    if (value_is_int(x)) return x;
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    if (value_is_float(x)) return num_float_to_int(vm, trunc(value_as_float(x)));
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

static Value num_construct_bool(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return VALUE_FALSE;
    int t = op_truthy(vm, args[0]);
    return t < 0 ? VALUE_ERROR : value_from_bool(t);
}

void num_init_types(void) {
    type_int.construct = num_construct_int;
    type_float.construct = num_construct_float;
    type_bool.construct = num_construct_bool;
}
