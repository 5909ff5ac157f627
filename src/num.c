/* int, float and bool with Python's semantics: floor division and modulo round towards negative
 * infinity, true division of ints is correctly rounded, ints grow without bound (small ints in
 * the Value itself, BigInts beyond 48 bits; bigint.c), comparisons between ints and floats are
 * exact, and hashes agree across the types so that 1, 1.0 and True are the same dict key.
 * Parsing and the constructors are in the second half of the file. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "class.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

int value_is_exact_int(Value v) { return value_is_int(v) || value_is_kind(v, OBJ_BIGINT); }

/* An int of any size, bools included. */
static int num_is_integer(Value v) { return value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT); }

int num_is_number(Value v) { return value_is_float(v) || num_is_integer(v); }

static int num_is_small(Value v) { return value_is_int(v) || value_is_bool(v); }

static int64_t num_small_of(Value v) { return value_is_bool(v) ? (v == VALUE_TRUE) : value_as_int(v); }

static Value num_int_pow(VM *vm, Value a, Value b);
static Value num_float_op(VM *vm, int op, double a, double b);

static Value num_shift(VM *vm, int op, Value a, Value b) {
    if (bigint_sign(b) < 0) return exc_raise(vm, &exc_ValueError, "negative shift count");
    int64_t n;
    if (!bigint_to_int64(b, &n)) {
        /* A shift by more than 2**63 bits: only right shifts and zero survive it. */
        if (op == NB_RSHIFT) return value_from_int(bigint_sign(a) < 0 ? -1 : 0);
        return bigint_sign(a) == 0 ? value_from_int(0) : exc_raise_memory(vm);
    }
    if (op == NB_RSHIFT) {
        if (num_is_small(a)) return value_from_int(n >= 63 ? (num_small_of(a) < 0 ? -1 : 0) : num_small_of(a) >> n);
        return bigint_rshift(vm, a, n);
    }
    if (num_is_small(a) && n < 64) {
        __int128 x = num_small_of(a);
        return bigint_from_i128(vm, x * ((__int128)1 << n));
    }
    return bigint_lshift(vm, a, n);
}

/* The int operators for operands of any size (bools count as ints). */
static Value num_int_op(VM *vm, int op, Value a, Value b) {
    int small = num_is_small(a) && num_is_small(b);
    int64_t x = small ? num_small_of(a) : 0, y = small ? num_small_of(b) : 0;
    Value q, r;
    switch (op) {
    case NB_ADD: return small ? bigint_from_i128(vm, (__int128)x + y) : bigint_add(vm, a, b);
    case NB_SUBTRACT: return small ? bigint_from_i128(vm, (__int128)x - y) : bigint_sub(vm, a, b);
    case NB_MULTIPLY: return small ? bigint_from_i128(vm, (__int128)x * y) : bigint_mul(vm, a, b);
    case NB_TRUE_DIVIDE:
        if (bigint_sign(b) == 0) return exc_raise(vm, &exc_ZeroDivisionError, "division by zero");
        /* Small ints convert to double exactly, so one division rounds correctly. */
        return small ? value_from_float((double)x / (double)y) : bigint_true_divide(vm, a, b);
    case NB_FLOOR_DIVIDE:
    case NB_REMAINDER:
        if (bigint_sign(b) == 0)
            return exc_raise(vm, &exc_ZeroDivisionError,
                             op == NB_REMAINDER ? "integer modulo by zero" : "integer division or modulo by zero");
        if (small) {
            int64_t qq, rr;
            num_floor_divmod(x, y, &qq, &rr);
            /* Only SMALLINT_MIN // -1 leaves the small ints. */
            return op == NB_REMAINDER ? value_from_int(rr) : bigint_from_i128(vm, qq);
        }
        if (!bigint_divmod(vm, a, b, &q, &r)) return VALUE_ERROR;
        return op == NB_REMAINDER ? r : q;
    case NB_POWER: return num_int_pow(vm, a, b);
    case NB_AND: return small ? value_from_int(x & y) : bigint_bitwise(vm, '&', a, b);
    case NB_OR: return small ? value_from_int(x | y) : bigint_bitwise(vm, '|', a, b);
    case NB_XOR: return small ? value_from_int(x ^ y) : bigint_bitwise(vm, '^', a, b);
    case NB_LSHIFT:
    case NB_RSHIFT: return num_shift(vm, op, a, b);
    }
    return VALUE_NULL;
}

static Value num_int_pow(VM *vm, Value a, Value b) {
    if (bigint_sign(b) < 0) {
        /* A negative exponent makes a float, computed as float ** float (CPython's long_pow). */
        double x, y;
        if (!num_as_double(vm, a, &x) || !num_as_double(vm, b, &y)) return VALUE_ERROR;
        return num_float_op(vm, NB_POWER, x, y);
    }
    if (num_is_small(a) && num_is_small(b)) {
        /* Fast path while the result stays within 64 bits. */
        __int128 result = 1, base = num_small_of(a);
        int64_t e = num_small_of(b);
        while (e) {
            if (e & 1) {
                result *= base;
                if (result > INT64_MAX || result < INT64_MIN) return bigint_pow(vm, a, b);
            }
            e >>= 1;
            if (e) {
                base *= base;
                if (base > INT64_MAX) return bigint_pow(vm, a, b);
            }
        }
        return bigint_from_i128(vm, result);
    }
    return bigint_pow(vm, a, b);
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

/* CPython's float_pow: the special cases C's pow may get wrong, and errors for overflow. */
static Value num_float_pow(VM *vm, double a, double b) {
    if (b == 0.0) return value_from_float(1.0);
    if (isnan(a)) return value_from_float(a);
    if (isnan(b)) return value_from_float(a == 1.0 ? 1.0 : b);
    if (a == 0.0 && b < 0.0 && isfinite(b))
        return exc_raise(vm, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    if (a < 0.0 && b != floor(b) && isfinite(b))
        return exc_raise(vm, &exc_ValueError,
                         "negative number cannot be raised to a fractional power (complex numbers are not supported by Anole)");
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b))
        return exc_raise(vm, &exc_OverflowError, "(34, 'Numerical result out of range')");
    return value_from_float(r);
}

static Value num_float_op(VM *vm, int op, double a, double b) {
    double q, m;
    switch (op) {
    case NB_ADD: return value_from_float(a + b);
    case NB_SUBTRACT: return value_from_float(a - b);
    case NB_MULTIPLY: return value_from_float(a * b);
    case NB_TRUE_DIVIDE:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float division by zero");
        return value_from_float(a / b);
    case NB_FLOOR_DIVIDE:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float floor division by zero");
        num_float_divmod(a, b, &q, &m);
        return value_from_float(q);
    case NB_REMAINDER:
        if (b == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float modulo");
        num_float_divmod(a, b, &q, &m);
        return value_from_float(m);
    case NB_POWER: return num_float_pow(vm, a, b);
    }
    return VALUE_NULL;
}

Value num_binary_op(VM *vm, int op, Value a, Value b) {
    if (!num_is_number(a) || !num_is_number(b)) return VALUE_NULL;
    if (op >= 13) op -= 13;
    /* bool's own &, | and ^ keep bools (bool_and, bool_or, bool_xor). */
    if (value_is_bool(a) && value_is_bool(b)) {
        int x = a == VALUE_TRUE, y = b == VALUE_TRUE;
        if (op == NB_AND) return value_from_bool(x & y);
        if (op == NB_OR) return value_from_bool(x | y);
        if (op == NB_XOR) return value_from_bool(x ^ y);
    }
    if (!value_is_float(a) && !value_is_float(b)) return num_int_op(vm, op, a, b);
    if (op == NB_AND || op == NB_LSHIFT || op == NB_MATRIX_MULTIPLY || op == NB_OR || op == NB_RSHIFT || op == NB_XOR)
        return VALUE_NULL;
    double x, y;
    if (!num_as_double(vm, a, &x) || !num_as_double(vm, b, &y)) return VALUE_ERROR;
    return num_float_op(vm, op, x, y);
}

/* divmod(a, b) for numbers; VALUE_NULL when either is not a number. */
Value num_divmod(VM *vm, Value a, Value b, Value *q, Value *r) {
    if (!num_is_number(a) || !num_is_number(b)) return VALUE_NULL;
    if (!value_is_float(a) && !value_is_float(b)) {
        if (bigint_sign(b) == 0) return exc_raise(vm, &exc_ZeroDivisionError, "integer division or modulo by zero");
        return bigint_divmod(vm, a, b, q, r) ? VALUE_NONE : VALUE_ERROR;
    }
    double x, y, fq, fr;
    if (!num_as_double(vm, a, &x) || !num_as_double(vm, b, &y)) return VALUE_ERROR;
    if (y == 0.0) return exc_raise(vm, &exc_ZeroDivisionError, "float divmod()");
    num_float_divmod(x, y, &fq, &fr);
    *q = value_from_float(fq);
    *r = value_from_float(fr);
    return VALUE_NONE;
}

Value num_negate(VM *vm, Value v) {
    if (value_is_float(v)) return value_from_float(-value_as_float(v));
    if (num_is_small(v)) return bigint_from_i128(vm, -(__int128)num_small_of(v));
    return bigint_negate(vm, v);
}

/* Three-way comparison of two numbers, or 2 when they are unordered (a NaN is involved). Exact
 * for every pair, as CPython's float_richcompare: a big int is never rounded to a double. */
static int num_cmp3(Value a, Value b) {
    if (value_is_float(a) && value_is_float(b)) {
        double x = value_as_float(a), y = value_as_float(b);
        if (x != x || y != y) return 2;
        return x < y ? -1 : x > y;
    }
    if (!value_is_float(a) && !value_is_float(b)) {
        if (num_is_small(a) && num_is_small(b)) {
            int64_t x = num_small_of(a), y = num_small_of(b);
            return x < y ? -1 : x > y;
        }
        return bigint_compare(a, b);
    }
    int flip = value_is_float(a);
    double d = value_as_float(flip ? a : b);
    Value i = flip ? b : a;
    int c;
    if (d != d) return 2;
    if (isinf(d)) c = d > 0 ? -1 : 1;
    else if (num_is_small(i)) {
        /* 48-bit ints convert to double exactly. */
        double x = (double)num_small_of(i);
        c = x < d ? -1 : x > d;
    } else {
        c = bigint_compare_double(i, d);
    }
    return flip ? -c : c;
}

int num_compare(Value a, Value b, int op, int *result) {
    if (!num_is_number(a) || !num_is_number(b)) return 0;
    int c = num_cmp3(a, b);
    if (c == 2) {
        *result = op == 3;
        return 1;
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

/* At a given precision the correctly rounded digits may miss d's round-trip interval while the
 * string one unit away in the last digit, on the other side of d, hits it (2**-44 is
 * 5.684341886080802e-14, not ...801e-14). Tries both neighbors of the "%.*e" string in buf and
 * rewrites buf with the one that reads back as d. */
static int num_float_repr_neighbor(char *buf, double d) {
    char *e = strchr(buf, 'e');
    if (!e) return 0;
    for (int delta = -1; delta <= 1; delta += 2) {
        char cand[40];
        size_t n = (size_t)(e - buf);
        memcpy(cand, buf, n);
        strcpy(cand + n, e);
        /* Add delta to the last digit, carrying or borrowing through the digits. */
        ptrdiff_t i = (ptrdiff_t)n - 1;
        for (; i >= 0; i--) {
            if (cand[i] < '0' || cand[i] > '9') continue;
            if (delta > 0 ? cand[i] < '9' : cand[i] > '0') {
                cand[i] = (char)(cand[i] + delta);
                break;
            }
            cand[i] = delta > 0 ? '0' : '9';
        }
        const char *first = cand + (cand[0] == '-');
        /* A carry out of the first digit or a borrow into a leading zero changes the digit
         * count; a shorter precision covers those. */
        if (i < 0 || *first == '0') continue;
        if (strtod(cand, NULL) == d) {
            strcpy(buf, cand);
            return 1;
        }
    }
    return 0;
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
        if (strtod(buf, NULL) == d || num_float_repr_neighbor(buf, d)) break;
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

/* CPython's _Py_HashDouble: the value of the double modulo 2**61 - 1, so that an integral float
 * hashes like the equal int. NaN hashes to 0 (CPython uses the object's identity). */
static int64_t num_hash_double(double v) {
    const int bits = 61;
    const uint64_t modulus = (1ull << 61) - 1;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) sign = -1, m = -m;
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & modulus) | x >> (bits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= modulus) x -= modulus;
    }
    e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
    x = ((x << e) & modulus) | x >> (bits - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int num_hash_slot(VM *vm, Value v, uint64_t *out) {
    (void)vm;
    *out = (uint64_t)(value_is_float(v) ? num_hash_double(value_as_float(v)) : bigint_hash(v));
    return 1;
}

int num_int_to_base(VM *vm, Value v, int base, StrBuf *out) {
    if (value_is_kind(v, OBJ_BIGINT)) return bigint_to_base(vm, v, base, out);
    int64_t i = num_small_of(v);
    uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
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
    if (num_is_small(v)) *out = num_small_of(v);
    else if (value_is_kind(v, OBJ_BIGINT)) {
        if (!bigint_to_int64(v, out)) {
            exc_raise(vm, &exc_OverflowError, "Python int too large to convert to C long");
            return 0;
        }
    } else {
        exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(v)->name);
        return 0;
    }
    return 1;
}

int num_as_double(VM *vm, Value v, double *out) {
    if (value_is_float(v)) *out = value_as_float(v);
    else if (num_is_small(v)) *out = (double)num_small_of(v);
    else if (value_is_kind(v, OBJ_BIGINT)) return bigint_to_double(vm, v, out);
    else {
        exc_raise(vm, &exc_TypeError, "must be real number, not %s", type_of(v)->name);
        return 0;
    }
    return 1;
}

static Value num_dunder_number(VM *vm, Value x, const char *name);

int num_index(VM *vm, Value v, int64_t *out) {
    if (!num_is_integer(v)) {
        Value r = num_dunder_number(vm, v, "__index__");
        if (r == VALUE_ERROR) return 0;
        if (r != VALUE_NULL) v = r;
    }
    return num_as_int64(vm, v, out);
}

/* int(x) for a float: truncation towards zero, exact for any magnitude. */
Value num_float_to_int(VM *vm, double d) {
    if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
    return bigint_from_double(vm, d);
}

/* ---- The type slots and methods. ---- */

static int num_repr_slot(VM *vm, Value v, StrBuf *out) {
    if (value_is_float(v)) num_float_repr(value_as_float(v), out);
    else if (value_is_bool(v)) strbuf_puts(out, v == VALUE_TRUE ? "True" : "False");
    else return num_int_to_base(vm, v, 10, out);
    return 1;
}

static int num_truthy_slot(VM *vm, Value v) {
    (void)vm;
    if (value_is_float(v)) return value_as_float(v) != 0.0;
    return bigint_sign(v) != 0;
}

static Value num_binary_slot(VM *vm, int nb_op, Value a, Value b) { return num_binary_op(vm, nb_op, a, b); }

static Value num_compare_slot(VM *vm, int op, Value a, Value b) {
    (void)vm;
    int result;
    return num_compare(a, b, op, &result) ? value_from_bool(result) : VALUE_NULL;
}

static Value num_unary_slot(VM *vm, int op, Value v) {
    if (!num_is_number(v)) return VALUE_NULL;
    if (op == OP_UNARY_NEGATIVE) return num_negate(vm, v);
    if (op == OP_UNARY_POSITIVE) return value_is_bool(v) ? value_from_int(v == VALUE_TRUE) : v;
    if (op == OP_UNARY_INVERT && !value_is_float(v))
        return num_is_small(v) ? value_from_int(~num_small_of(v)) : bigint_invert(vm, v);
    return VALUE_NULL;
}

static Value num_method_no_args(VM *vm, const char *name, int nargs) {
    return exc_raise(vm, &exc_TypeError, "%s() takes no arguments (%d given)", name, nargs - 1);
}

static Value num_int_bit_length(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "int.bit_length", nargs);
    return value_from_int(bigint_bit_length(args[0]));
}

static Value num_int_bit_count(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "int.bit_count", nargs);
    StrBuf b;
    strbuf_init(&b);
    if (!num_int_to_base(vm, args[0], 2, &b)) return VALUE_ERROR;
    int64_t n = 0;
    for (size_t i = 0; i < b.len; i++) n += b.data[i] == '1';
    strbuf_free(&b);
    return value_from_int(n);
}

static Value num_float_is_integer(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "float.is_integer", nargs);
    double d = value_as_float(args[0]);
    return value_from_bool(isfinite(d) && d == floor(d));
}

static Value num_float_as_integer_ratio(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "float.as_integer_ratio", nargs);
    double d = value_as_float(args[0]);
    if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    /* Scale the mantissa up until it is an integer; at most 1074 doublings for subnormals. */
    for (int i = 0; i < 1100 && m != floor(m); i++) m *= 2.0, e--;
    Value num = bigint_from_double(vm, m), den = value_from_int(1);
    if (num == VALUE_ERROR) return num;
    if (e > 0) num = bigint_lshift(vm, num, e);
    else den = bigint_lshift(vm, den, -e);
    if (num == VALUE_ERROR || den == VALUE_ERROR) return VALUE_ERROR;
    Tuple *t = tuple_new(vm, 2);
    if (!t) return exc_raise_memory(vm);
    t->items[0] = num;
    t->items[1] = den;
    return value_from_ptr(t);
}

static int num_is_space_c(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static int strncasecmp_c(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
        if (x != b[i]) return 1;
    }
    return 0;
}

static int num_digit_value(char c);

/* float.hex as CPython's float_hex: one hex digit before the point, thirteen after. */
static Value num_float_hex(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "float.hex", nargs);
    double x = value_as_float(args[0]);
    char buf[64];
    if (isnan(x) || isinf(x)) {
        StrBuf b;
        strbuf_init(&b);
        num_float_repr(x, &b);
        Value r = str_value(vm, strbuf_cstr(&b), b.len);
        strbuf_free(&b);
        return r;
    }
    if (x == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
        return str_value(vm, buf, strlen(buf));
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (-1021 - e > 0 ? -1021 - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[20];
    int n = 0;
    digits[n++] = "0123456789abcdef"[(int)m];
    m -= (int)m;
    digits[n++] = '.';
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        digits[n++] = "0123456789abcdef"[(int)m];
        m -= (int)m;
    }
    digits[n] = 0;
    snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+', e < 0 ? -e : e);
    return str_value(vm, buf, strlen(buf));
}

/* float.fromhex(s), a classmethod: called on the class, the string comes first; called on a
 * float, args[0] is that float. CPython's float_fromhex grammar (whitespace, sign, "inf",
 * "infinity", "nan", optional 0x, hex digits with one optional point, optional p exponent),
 * then C's strtod, which rounds hexadecimal input correctly. */
static Value num_float_fromhex(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "float.fromhex() takes no keyword arguments");
    if (nargs >= 1 && (value_is_kind(args[0], OBJ_TYPE) || value_is_float(args[0]))) args++, nargs--;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "float.fromhex() takes exactly one argument (%d given)", nargs);
    if (!value_is_kind(args[0], OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "bad argument type for built-in operation");
    Str *str = value_as_ptr(args[0]);
    const char *s = str->data, *end = str->data + str->len;
    while (s < end && num_is_space_c(*s)) s++;
    while (end > s && num_is_space_c(end[-1])) end--;
    int neg = 0;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    size_t n = (size_t)(end - s);
    if ((n == 3 || n == 8) && (strncasecmp_c(s, "inf", 3) == 0) && (n == 3 || strncasecmp_c(s, "infinity", 8) == 0))
        return value_from_float(neg ? -INFINITY : INFINITY);
    if (n == 3 && strncasecmp_c(s, "nan", 3) == 0) return value_from_float(neg ? -NAN : NAN);
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
    const char *body = s;
    int digits = 0, point = 0;
    for (; s < end; s++) {
        if (num_digit_value(*s) < 16) digits++;
        else if (*s == '.' && !point) point = 1;
        else break;
    }
    if (!digits) goto invalid;
    if (s < end && (*s == 'p' || *s == 'P')) {
        s++;
        if (s < end && (*s == '+' || *s == '-')) s++;
        if (s == end) goto invalid;
        while (s < end && *s >= '0' && *s <= '9') s++;
    }
    if (s != end) goto invalid;
    StrBuf b;
    strbuf_init(&b);
    strbuf_puts(&b, "0x");
    strbuf_append(&b, body, (size_t)(end - body));
    if (b.failed) {
        strbuf_free(&b);
        return exc_raise_memory(vm);
    }
    errno = 0;
    double d = strtod(strbuf_cstr(&b), NULL);
    int range = errno == ERANGE && isinf(d);
    strbuf_free(&b);
    if (range) return exc_raise(vm, &exc_OverflowError, "hexadecimal value too large to represent as a float");
    return value_from_float(neg ? -d : d);
invalid:
    return exc_raise(vm, &exc_ValueError, "invalid hexadecimal floating-point string");
}

/* x.conjugate(): a real number is its own conjugate (an int, for a bool). */
static Value num_conjugate(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return num_method_no_args(vm, "conjugate", nargs);
    return value_is_bool(args[0]) ? value_from_int(args[0] == VALUE_TRUE) : args[0];
}

/* The numbers' data attributes: real and imag, and for ints numerator and denominator. */
static Value num_getattr(VM *vm, Value obj, Str *name) {
    (void)vm;
    Value self = value_is_bool(obj) ? value_from_int(obj == VALUE_TRUE) : obj;
    if (strcmp(name->data, "real") == 0) return self;
    if (strcmp(name->data, "imag") == 0) return value_is_float(obj) ? value_from_float(0.0) : value_from_int(0);
    if (!value_is_float(obj)) {
        if (strcmp(name->data, "numerator") == 0) return self;
        if (strcmp(name->data, "denominator") == 0) return value_from_int(1);
    }
    return VALUE_NULL;
}

static const MethodDef num_int_methods[] = {
    {"bit_length", num_int_bit_length, CALLKIND_NOARGS},
    {"bit_count", num_int_bit_count, CALLKIND_NOARGS},
    {"conjugate", num_conjugate, CALLKIND_NOARGS},
    {NULL, NULL, 0},
};

static const MethodDef num_float_methods[] = {
    {"is_integer", num_float_is_integer, CALLKIND_NOARGS},
    {"conjugate", num_conjugate, CALLKIND_NOARGS},
    {"as_integer_ratio", num_float_as_integer_ratio, CALLKIND_NOARGS},
    {"hex", num_float_hex, CALLKIND_NOARGS},
    {"fromhex", num_float_fromhex, CALLKIND_O | METHODDEF_CLASSMETHOD},
    {NULL, NULL, 0},
};

/* ---- Parsing and the constructors int(), float(), bool(). ---- */

static int num_is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static int num_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Raises ValueError with `prefix` followed by repr(s), the repr cut at 200 characters as
 * CPython's %.200R does. */
static Value num_raise_with_repr(VM *vm, const char *prefix, Str *s) {
    StrBuf b;
    strbuf_init(&b);
    str_repr_into(s, &b);
    const char *r = strbuf_cstr(&b);
    size_t len = b.len, chars = 0, cut = 0;
    for (; cut < len && chars < 200; cut++)
        if (((unsigned char)r[cut] & 0xc0) != 0x80) chars++;
    while (cut < len && ((unsigned char)r[cut] & 0xc0) == 0x80) cut++;
    Value v = exc_raise(vm, &exc_ValueError, "%s%.*s", prefix, (int)cut, r);
    strbuf_free(&b);
    return v;
}

/* CPython's PyLong_FromString: whitespace, a sign, a base prefix (which base 0 requires to pick
 * the base), and digits with single underscores between them. */
static Value num_parse_int(VM *vm, Str *str, int base) {
    const char *s = str->data, *end = str->data + str->len;
    int orig_base = base, neg = 0;
    while (s < end && num_is_space(*s)) s++;
    while (end > s && num_is_space(end[-1])) end--;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    int zero_prefix_only = 0;
    if (base == 0) {
        if (s + 1 < end && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16;
        else if (s + 1 < end && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8;
        else if (s + 1 < end && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2;
        else {
            base = 10;
            /* Base 0 follows the literal syntax: no leading zeros before a non-zero digit. */
            zero_prefix_only = s < end && s[0] == '0';
        }
    }
    if (s + 1 < end && s[0] == '0' &&
        ((base == 16 && (s[1] == 'x' || s[1] == 'X')) || (base == 8 && (s[1] == 'o' || s[1] == 'O')) ||
         (base == 2 && (s[1] == 'b' || s[1] == 'B')))) {
        s += 2;
        if (s < end && *s == '_') s++;   /* one underscore may follow the prefix */
    }
    const char *digits = s;
    size_t ndigits = 0;
    int prev_underscore = 1, nonzero = 0;
    for (; s < end; s++) {
        if (*s == '_') {
            if (prev_underscore) goto invalid;
            prev_underscore = 1;
            continue;
        }
        if (num_digit_value(*s) >= base) goto invalid;
        nonzero |= *s != '0';
        prev_underscore = 0;
        ndigits++;
    }
    if (ndigits == 0 || prev_underscore) goto invalid;
    if (zero_prefix_only && nonzero) goto invalid;
    if ((base & (base - 1)) != 0 && ndigits > 4300)
        return exc_raise(vm, &exc_ValueError,
                         "Exceeds the limit (4300 digits) for integer string conversion: value has %zu digits; "
                         "use sys.set_int_max_str_digits() to increase the limit", ndigits);
    return bigint_from_digits(vm, digits, (size_t)(end - digits), base, neg);
invalid: {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "invalid literal for int() with base %d: ", orig_base);
        return num_raise_with_repr(vm, prefix, str);
    }
}

static int num_is_digit(char c) { return c >= '0' && c <= '9'; }

static int num_ascii_ieq(const char *s, size_t n, const char *word) {
    if (strlen(word) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] | 0x20) != word[i]) return 0;
    return 1;
}

/* float(str): CPython's grammar (decimal digits with single underscores between digits, an
 * optional fraction and exponent, or inf/infinity/nan), checked here before strtod converts. */
static Value num_parse_float(VM *vm, Str *str) {
    const char *s = str->data, *end = str->data + str->len;
    while (s < end && num_is_space(*s)) s++;
    while (end > s && num_is_space(end[-1])) end--;
    size_t n = (size_t)(end - s);
    char *buf = malloc(n + 1);
    if (!buf) return exc_raise_memory(vm);
    size_t k = 0;
    const char *p = s;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) neg = *p == '-', buf[k++] = *p++;
    double d;
    if (num_ascii_ieq(p, (size_t)(end - p), "inf") || num_ascii_ieq(p, (size_t)(end - p), "infinity")) {
        d = neg ? -INFINITY : INFINITY;
        goto done;
    }
    if (num_ascii_ieq(p, (size_t)(end - p), "nan")) {
        d = NAN;
        goto done;
    }
    int mantissa_digits = 0;
    for (int part = 0; part < 3; part++) {
        /* part 0: integer digits, 1: fraction, 2: exponent digits. */
        if (part == 1) {
            if (p < end && *p == '.') buf[k++] = *p++;
            else continue;
        }
        if (part == 2) {
            if (p < end && (*p == 'e' || *p == 'E')) buf[k++] = *p++;
            else break;
            if (p < end && (*p == '+' || *p == '-')) buf[k++] = *p++;
            if (p >= end || !num_is_digit(*p)) goto invalid;
        }
        int count = 0;
        while (p < end && (num_is_digit(*p) || *p == '_')) {
            if (*p == '_' && (!count || p + 1 >= end || !num_is_digit(p[1]) || !num_is_digit(p[-1]))) goto invalid;
            if (*p != '_') buf[k++] = *p, count++;
            p++;
        }
        if (part < 2) mantissa_digits += count;
    }
    if (p != end || mantissa_digits == 0) goto invalid;
    buf[k] = 0;
    d = strtod(buf, NULL);
done:
    free(buf);
    return value_from_float(d);
invalid:
    free(buf);
    return num_raise_with_repr(vm, "could not convert string to float: ", str);
}

/* x.__name__() for instances of classes defined in Python when the result is an int (a float
 * for __float__); VALUE_NULL when the class does not define it. */
static Value num_dunder_number(VM *vm, Value x, const char *name) {
    if (!type_of(x)->is_heap) return VALUE_NULL;
    Value r = call_dunder(vm, x, name, NULL, 0);
    if (r == VALUE_NULL || r == VALUE_ERROR) return r;
    int ok = strcmp(name, "__float__") == 0 ? value_is_float(r) : num_is_integer(r);
    if (!ok)
        return exc_raise(vm, &exc_TypeError, "%s returned non-%s (type %s)", name,
                         strcmp(name, "__float__") == 0 ? "float" : "int", type_of(r)->name);
    return r;
}

/* int(x) with no base: x is an int, bool, float or str. */
static Value num_int_of_value(VM *vm, Value x) {
    if (value_is_exact_int(x)) return x;
    Value r = num_dunder_number(vm, x, "__int__");
    if (r == VALUE_NULL) r = num_dunder_number(vm, x, "__index__");
    if (r != VALUE_NULL) return r;
    if (value_is_bool(x)) return value_from_int(x == VALUE_TRUE);
    if (value_is_float(x)) return num_float_to_int(vm, value_as_float(x));
    if (value_is_kind(x, OBJ_STR)) return num_parse_int(vm, value_as_ptr(x), 10);
    return exc_raise(vm, &exc_TypeError,
                     "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     type_of(x)->name);
}

static Value num_construct_int(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    Value x = nargs > 0 ? args[0] : VALUE_NULL, basev = nargs > 1 ? args[1] : VALUE_NULL;
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (nargs + nkw > 2) return exc_raise(vm, &exc_TypeError, "int() takes at most 2 arguments (%d given)", nargs + nkw);
    for (int k = 0; k < nkw; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        if (strcmp(name->data, "base") != 0 || basev != VALUE_NULL)
            return exc_raise(vm, &exc_TypeError, strcmp(name->data, "base") != 0
                                 ? "'%s' is an invalid keyword argument for int()"
                                 : "argument for int() given by name ('%s') and position (2)", name->data);
        basev = args[nargs + k];
    }
    if (basev == VALUE_NULL) return x == VALUE_NULL ? value_from_int(0) : num_int_of_value(vm, x);
    if (x == VALUE_NULL) return exc_raise(vm, &exc_TypeError, "int() missing string argument");
    int64_t base;
    if (!num_index(vm, basev, &base)) return VALUE_ERROR;
    if ((base != 0 && base < 2) || base > 36)
        return exc_raise(vm, &exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!value_is_kind(x, OBJ_STR)) return exc_raise(vm, &exc_TypeError, "int() can't convert non-string with explicit base");
    return num_parse_int(vm, value_as_ptr(x), (int)base);
}

static Value num_construct_float(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "float() takes no keyword arguments");
    if (nargs == 0) return value_from_float(0.0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "float expected at most 1 argument, got %d", nargs);
    Value x = args[0];
    if (value_is_float(x)) return x;
    if (num_is_integer(x)) {
        double d;
        return num_as_double(vm, x, &d) ? value_from_float(d) : VALUE_ERROR;
    }
    if (value_is_kind(x, OBJ_STR)) return num_parse_float(vm, value_as_ptr(x));
    Value r = num_dunder_number(vm, x, "__float__");
    if (r != VALUE_NULL) return r;
    if ((r = num_dunder_number(vm, x, "__index__")) != VALUE_NULL) {
        double d;
        return r == VALUE_ERROR ? r : num_as_double(vm, r, &d) ? value_from_float(d) : VALUE_ERROR;
    }
    return exc_raise(vm, &exc_TypeError, "float() argument must be a string or a real number, not '%s'", type_of(x)->name);
}

static Value num_construct_bool(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "bool() takes no keyword arguments");
    if (nargs == 0) return VALUE_FALSE;
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "bool expected at most 1 argument, got %d", nargs);
    int t = op_truthy(vm, args[0]);
    return t < 0 ? VALUE_ERROR : value_from_bool(t);
}

void num_init_types(void) {
    Type *types[] = {&type_int, &type_float, &type_bool};
    for (int i = 0; i < 3; i++) {
        types[i]->repr = num_repr_slot;
        types[i]->hash = num_hash_slot;
        types[i]->truthy = num_truthy_slot;
        types[i]->binary = num_binary_slot;
        types[i]->compare = num_compare_slot;
        types[i]->unary = num_unary_slot;
        types[i]->getattr = num_getattr;
    }
    type_int.methods = num_int_methods;
    type_bool.methods = num_int_methods;
    type_float.methods = num_float_methods;
    type_int.construct = num_construct_int;
    type_float.construct = num_construct_float;
    type_bool.construct = num_construct_bool;
}
