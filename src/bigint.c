/* Arbitrary-precision int arithmetic (see bigint.h). Operands are read through a BigView, which
 * presents a small int, a bool or a BigInt alike as a sign and a magnitude of 32-bit digits.
 * Intermediate magnitudes live in malloc'd scratch buffers; only the final result becomes a heap
 * object, and only when it does not fit a small int (bigint_finish). Schoolbook multiplication
 * and Knuth's long division are quadratic, which is plenty for numbers of a few thousand digits. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "vm.h"

typedef struct {
    int neg;
    size_t n;              /* digit count without leading zeros */
    const uint32_t *d;
    uint32_t small[2];     /* storage for the magnitude of a small int */
} BigView;

/* Views must not be copied: d may point into the view's own small[]. */
static void bigint_view(Value v, BigView *w) {
    if (value_is_kind(v, OBJ_BIGINT)) {
        BigInt *b = value_as_ptr(v);
        w->neg = b->size < 0;
        w->n = (size_t)(b->size < 0 ? -(int64_t)b->size : b->size);
        w->d = b->digits;
        return;
    }
    int64_t i = value_is_bool(v) ? v == VALUE_TRUE : value_as_int(v);
    uint64_t m = i < 0 ? -(uint64_t)i : (uint64_t)i;
    w->neg = i < 0;
    w->small[0] = (uint32_t)m;
    w->small[1] = (uint32_t)(m >> 32);
    w->n = m == 0 ? 0 : (m >> 32) ? 2 : 1;
    w->d = w->small;
}

/* A zeroed scratch magnitude of n digits (at least one, so that NULL always means failure). */
static uint32_t *bigint_scratch(size_t n) { return calloc(n ? n : 1, sizeof(uint32_t)); }

static size_t mag_trim(const uint32_t *d, size_t n) {
    while (n && d[n - 1] == 0) n--;
    return n;
}

/* Turns a scratch magnitude into a Value, a small int whenever it fits; frees d. */
static Value bigint_finish(VM *vm, int neg, uint32_t *d, size_t n) {
    if (!d) return exc_raise_memory(vm);
    n = mag_trim(d, n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? d[0] : (d[0] | (uint64_t)d[1] << 32);
        if (m <= (uint64_t)SMALLINT_MAX || (neg && m == (uint64_t)SMALLINT_MAX + 1)) {
            free(d);
            return value_from_int(neg ? (int64_t)(0 - m) : (int64_t)m);
        }
    }
    BigInt *b = n < (1u << 28) ? gc_alloc(vm, sizeof(BigInt) + n * sizeof(uint32_t), OBJ_BIGINT) : NULL;
    if (!b) {
        free(d);
        return exc_raise_memory(vm);
    }
    memcpy(b->digits, d, n * sizeof(uint32_t));
    b->size = neg ? -(int32_t)n : (int32_t)n;
    free(d);
    return value_from_ptr(b);
}

static uint32_t *mag_copy(const uint32_t *d, size_t n, size_t cap) {
    uint32_t *r = bigint_scratch(cap > n ? cap : n);
    if (r && n) memcpy(r, d, n * sizeof(uint32_t));
    return r;
}

static int mag_cmp(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    na = mag_trim(a, na);
    nb = mag_trim(b, nb);
    if (na != nb) return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r = a + b; r has room for max(na, nb) + 1 digits. Returns the digit count. */
static size_t mag_add(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    uint64_t carry = 0;
    for (size_t i = 0; i < na; i++) {
        carry += (uint64_t)a[i] + (i < nb ? b[i] : 0);
        r[i] = (uint32_t)carry;
        carry >>= 32;
    }
    r[na] = (uint32_t)carry;
    return na + 1;
}

/* r = a - b where a >= b; r has room for na digits. */
static size_t mag_sub(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    int64_t borrow = 0;
    for (size_t i = 0; i < na; i++) {
        int64_t t = (int64_t)a[i] - (i < nb ? b[i] : 0) - borrow;
        borrow = t < 0;
        r[i] = (uint32_t)t;
    }
    return na;
}

/* r = a * b; r is zeroed and has room for na + nb digits. */
static void mag_mul(uint32_t *r, const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0, x = a[i];
        if (!x) continue;
        for (size_t j = 0; j < nb; j++) {
            carry += x * b[j] + r[i + j];
            r[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        r[i + nb] = (uint32_t)carry;
    }
}

/* Knuth's algorithm D (as in Hacker's Delight, divmnu): q gets na - nb + 1 digits and r gets nb
 * digits. Requires na >= nb >= 1 and b's top digit non-zero. 0 when scratch memory ran out. */
static int mag_divmod(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *q, uint32_t *r) {
    if (nb == 1) {
        uint64_t rem = 0;
        for (size_t i = na; i-- > 0;) {
            uint64_t cur = rem << 32 | a[i];
            q[i] = (uint32_t)(cur / b[0]);
            rem = cur % b[0];
        }
        r[0] = (uint32_t)rem;
        return 1;
    }
    int s = __builtin_clz(b[nb - 1]);
    uint32_t *un = bigint_scratch(na + 1), *vn = bigint_scratch(nb);
    if (!un || !vn) {
        free(un);
        free(vn);
        return 0;
    }
    for (size_t i = nb; i-- > 0;) vn[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
    un[na] = s ? a[na - 1] >> (32 - s) : 0;
    for (size_t i = na; i-- > 0;) un[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
    for (size_t j = na - nb + 1; j-- > 0;) {
        uint64_t num = (uint64_t)un[j + nb] << 32 | un[j + nb - 1];
        uint64_t qhat = num / vn[nb - 1], rhat = num % vn[nb - 1];
        while (qhat >> 32 || qhat * vn[nb - 2] > (rhat << 32 | un[j + nb - 2])) {
            qhat--;
            rhat += vn[nb - 1];
            if (rhat >> 32) break;
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xffffffffu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + nb] - k;
        un[j + nb] = (uint32_t)t;
        q[j] = (uint32_t)qhat;
        if (t < 0) {
            /* qhat was one too large: add the divisor back. */
            q[j]--;
            uint64_t c = 0;
            for (size_t i = 0; i < nb; i++) {
                c += (uint64_t)un[i + j] + vn[i];
                un[i + j] = (uint32_t)c;
                c >>= 32;
            }
            un[j + nb] += (uint32_t)c;
        }
    }
    for (size_t i = 0; i < nb; i++) r[i] = (un[i] >> s) | (s ? un[i + 1] << (32 - s) : 0);
    free(un);
    free(vn);
    return 1;
}

static int64_t mag_bit_length(const uint32_t *d, size_t n) {
    n = mag_trim(d, n);
    return n ? (int64_t)(n - 1) * 32 + (32 - __builtin_clz(d[n - 1])) : 0;
}

/* Bits [s, s + 64) of the magnitude, and whether any bit below s is set. */
static uint64_t mag_bits_at(const uint32_t *d, size_t n, int64_t s, int *sticky) {
    uint64_t r = 0;
    for (int k = 0; k < 64; k++) {
        int64_t bit = s + k;
        if ((size_t)(bit / 32) < n && (d[bit / 32] >> (bit % 32) & 1)) r |= 1ull << k;
    }
    *sticky = 0;
    for (int64_t i = 0; i < s / 32 && (size_t)i < n; i++)
        if (d[i]) *sticky = 1;
    if ((size_t)(s / 32) < n && s % 32 && (d[s / 32] & ((1u << (s % 32)) - 1))) *sticky = 1;
    return r;
}

Value bigint_from_i128(VM *vm, __int128 v) {
    if (v >= SMALLINT_MIN && v <= SMALLINT_MAX) return value_from_int((int64_t)v);
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    uint32_t *d = bigint_scratch(4);
    if (d)
        for (int i = 0; i < 4; i++) d[i] = (uint32_t)(m >> (32 * i));
    return bigint_finish(vm, v < 0, d, 4);
}

Value bigint_from_double(VM *vm, double x) {
    double t = trunc(x);
    if (fabs(t) <= (double)SMALLINT_MAX) return value_from_int((int64_t)t);
    int e;
    double m = frexp(fabs(t), &e);
    /* |t| = mant * 2**(e - 64) with mant exact, since a double has 53 significant bits. */
    uint64_t mant = (uint64_t)ldexp(m, 64);
    Value r = e >= 64 ? bigint_from_i128(vm, (__int128)mant) : bigint_from_i128(vm, (__int128)(mant >> (64 - e)));
    if (e > 64 && r != VALUE_ERROR) r = bigint_lshift(vm, r, e - 64);
    if (x < 0 && r != VALUE_ERROR) r = bigint_negate(vm, r);
    return r;
}

int bigint_to_double(VM *vm, Value v, double *out) {
    BigView a;
    bigint_view(v, &a);
    int64_t bits = mag_bit_length(a.d, a.n);
    double r;
    if (bits <= 64) {
        uint64_t m = 0;
        for (size_t i = a.n; i-- > 0;) m = m << 32 | a.d[i];
        r = (double)m;
    } else {
        /* The top 64 bits with the rest folded into a sticky low bit: the hardware's conversion
         * then rounds half to even exactly as rounding the whole number would. */
        int sticky;
        uint64_t top = mag_bits_at(a.d, a.n, bits - 64, &sticky);
        r = bits > 1100 ? INFINITY : ldexp((double)(top | (uint64_t)sticky), (int)(bits - 64));
    }
    if (isinf(r)) {
        exc_raise(vm, &exc_OverflowError, "int too large to convert to float");
        return 0;
    }
    *out = a.neg ? -r : r;
    return 1;
}

int bigint_to_int64(Value v, int64_t *out) {
    BigView a;
    bigint_view(v, &a);
    if (a.n > 2) return 0;
    uint64_t m = a.n == 0 ? 0 : a.n == 1 ? a.d[0] : (a.d[0] | (uint64_t)a.d[1] << 32);
    if (m > (uint64_t)INT64_MAX + a.neg) return 0;
    *out = a.neg ? (int64_t)(0 - m) : (int64_t)m;
    return 1;
}

static Value bigint_addsub(VM *vm, Value av, Value bv, int negate_b) {
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    int bneg = b.neg ^ negate_b;
    size_t cap = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t *r = bigint_scratch(cap);
    if (!r) return exc_raise_memory(vm);
    if (a.neg == bneg) return bigint_finish(vm, a.neg, r, mag_add(r, a.d, a.n, b.d, b.n));
    if (mag_cmp(a.d, a.n, b.d, b.n) >= 0) return bigint_finish(vm, a.neg, r, mag_sub(r, a.d, a.n, b.d, b.n));
    return bigint_finish(vm, bneg, r, mag_sub(r, b.d, b.n, a.d, a.n));
}

Value bigint_add(VM *vm, Value a, Value b) { return bigint_addsub(vm, a, b, 0); }
Value bigint_sub(VM *vm, Value a, Value b) { return bigint_addsub(vm, a, b, 1); }

Value bigint_mul(VM *vm, Value av, Value bv) {
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    uint32_t *r = bigint_scratch(a.n + b.n);
    if (r) mag_mul(r, a.d, a.n, b.d, b.n);
    return bigint_finish(vm, a.neg != b.neg, r, a.n + b.n);
}

int bigint_divmod(VM *vm, Value av, Value bv, Value *qv, Value *rv) {
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    size_t qn = a.n >= b.n ? a.n - b.n + 2 : 1;
    uint32_t *q = bigint_scratch(qn), *r = bigint_scratch(b.n);
    if (!q || !r) goto nomem;
    if (a.n >= b.n) {
        if (!mag_divmod(a.d, a.n, b.d, b.n, q, r)) goto nomem;
    } else {
        memcpy(r, a.d, a.n * sizeof(uint32_t));
    }
    /* Truncated division gave a = q*b + r with r of a's sign; floor division moves the quotient
     * down by one and the remainder over to b's sign when they differ. */
    int qneg = a.neg != b.neg, rneg = a.neg;
    if (mag_trim(r, b.n) && a.neg != b.neg) {
        uint64_t c = 1;
        for (size_t i = 0; i < qn && c; i++) {
            c += q[i];
            q[i] = (uint32_t)c;
            c >>= 32;
        }
        mag_sub(r, b.d, b.n, r, b.n);
        rneg = b.neg;
    }
    Value qr = qv ? bigint_finish(vm, qneg, q, qn) : (free(q), VALUE_NONE);
    if (qr == VALUE_ERROR) {
        free(r);
        return 0;
    }
    Value rr = rv ? bigint_finish(vm, rneg, r, b.n) : (free(r), VALUE_NONE);
    if (rr == VALUE_ERROR) return 0;
    if (qv) *qv = qr;
    if (rv) *rv = rr;
    return 1;
nomem:
    free(q);
    free(r);
    exc_raise_memory(vm);
    return 0;
}

Value bigint_true_divide(VM *vm, Value av, Value bv) {
    enum { MANT = 53, MIN_EXP = -1021, MAX_EXP = 1024 };
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    int neg = a.neg != b.neg;
    int64_t la = mag_bit_length(a.d, a.n), lb = mag_bit_length(b.d, b.n);
    if (la <= MANT && lb <= MANT) {
        double x, y;
        bigint_to_double(vm, av, &x);
        bigint_to_double(vm, bv, &y);
        return value_from_float(x / y);
    }
    if (a.n == 0) return value_from_float(neg ? -0.0 : 0.0);
    int64_t diff = la - lb;
    if (diff > MAX_EXP) goto overflow;
    if (diff < MIN_EXP - MANT - 1) return value_from_float(neg ? -0.0 : 0.0);
    /* Scale a so that the quotient has MANT + 2 bits (fewer for subnormal results), divide, and
     * round the quotient to MANT bits once, with every discarded bit remembered as "inexact". */
    int64_t shift = (diff > MIN_EXP ? diff : MIN_EXP) - MANT - 2;
    int inexact = 0;
    Value x = value_from_int(0);
    Value aabs = bigint_abs(vm, av), babs = bigint_abs(vm, bv);
    if (aabs == VALUE_ERROR || babs == VALUE_ERROR) return VALUE_ERROR;
    if (shift <= 0) {
        x = bigint_lshift(vm, aabs, -shift);
    } else {
        int sticky;
        mag_bits_at(a.d, a.n, shift, &sticky);
        inexact = sticky;
        x = bigint_rshift(vm, aabs, shift);
    }
    if (x == VALUE_ERROR) return VALUE_ERROR;
    Value q, r;
    if (!bigint_divmod(vm, x, babs, &q, &r)) return VALUE_ERROR;
    if (bigint_sign(r)) inexact = 1;
    int64_t qi;
    bigint_to_int64(q, &qi);
    uint64_t qu = (uint64_t)qi;
    int64_t xbits = mag_bit_length((uint32_t[]){(uint32_t)qu, (uint32_t)(qu >> 32)}, 2);
    int64_t extra = (xbits > MIN_EXP - shift ? xbits : MIN_EXP - shift) - MANT;
    uint64_t mask = 1ull << (extra - 1);
    uint64_t low = qu | (uint64_t)inexact;
    if ((low & mask) && (low & (3 * mask - 1))) qu += mask;
    qu &= ~(2 * mask - 1);
    double dx = (double)qu;
    if (shift + xbits >= MAX_EXP && (shift + xbits > MAX_EXP || dx == ldexp(1.0, (int)xbits))) goto overflow;
    double result = ldexp(dx, (int)shift);
    return value_from_float(neg ? -result : result);
overflow:
    return exc_raise(vm, &exc_OverflowError, "integer division result too large for a float");
}

Value bigint_pow(VM *vm, Value av, Value bv) {
    BigView a;
    bigint_view(av, &a);
    int64_t e;
    if (!bigint_to_int64(bv, &e) || e < 0) {
        /* Only 0, 1 and -1 can be raised to such a power without exhausting memory. */
        if (a.n == 0) return value_from_int(0);
        if (a.n == 1 && a.d[0] == 1) return value_from_int(a.neg && bigint_is_odd(bv) ? -1 : 1);
        return exc_raise_memory(vm);
    }
    if (e == 0) return value_from_int(1);
    if (a.n == 0) return value_from_int(0);
    int64_t bits = mag_bit_length(a.d, a.n);
    if ((double)bits * (double)e > 64.0 * (1u << 28)) return exc_raise_memory(vm);
    size_t cap = (size_t)(bits * e / 32) + 2, tcap = 2 * cap + a.n;
    uint32_t *r = bigint_scratch(cap), *t = bigint_scratch(tcap);
    if (!r || !t) {
        free(r);
        free(t);
        return exc_raise_memory(vm);
    }
    size_t rn = 1;
    r[0] = 1;
    /* Left-to-right binary exponentiation: square for each bit, multiply where it is set. */
    for (int k = 63 - __builtin_clzll((uint64_t)e); k >= 0; k--) {
        memset(t, 0, tcap * sizeof(uint32_t));
        mag_mul(t, r, rn, r, rn);
        rn = mag_trim(t, 2 * rn < cap ? 2 * rn : cap);
        memcpy(r, t, rn * sizeof(uint32_t));
        if ((uint64_t)e >> k & 1) {
            memset(t, 0, tcap * sizeof(uint32_t));
            mag_mul(t, r, rn, a.d, a.n);
            rn = mag_trim(t, rn + a.n < cap ? rn + a.n : cap);
            memcpy(r, t, rn * sizeof(uint32_t));
        }
    }
    free(t);
    return bigint_finish(vm, a.neg && (e & 1), r, rn);
}

Value bigint_lshift(VM *vm, Value av, int64_t n) {
    BigView a;
    bigint_view(av, &a);
    if (a.n == 0) return value_from_int(0);
    if (n > ((int64_t)1 << 33)) return exc_raise_memory(vm);
    size_t words = (size_t)(n / 32), rn = a.n + words + 1;
    int bits = (int)(n % 32);
    uint32_t *r = bigint_scratch(rn);
    if (r)
        for (size_t i = 0; i < a.n; i++) {
            r[i + words] |= a.d[i] << bits;
            if (bits) r[i + words + 1] = a.d[i] >> (32 - bits);
        }
    return bigint_finish(vm, a.neg, r, rn);
}

/* r = a >> n for magnitudes; r has room for na digits. */
static size_t mag_rshift(uint32_t *r, const uint32_t *a, size_t na, int64_t n) {
    size_t words = (size_t)(n / 32);
    int bits = (int)(n % 32);
    if (words >= na) return 0;
    size_t rn = na - words;
    for (size_t i = 0; i < rn; i++) {
        r[i] = a[i + words] >> bits;
        if (bits && i + words + 1 < na) r[i] |= a[i + words + 1] << (32 - bits);
    }
    return rn;
}

Value bigint_rshift(VM *vm, Value av, int64_t n) {
    BigView a;
    bigint_view(av, &a);
    uint32_t *r = bigint_scratch(a.n + 1);
    if (!r) return exc_raise_memory(vm);
    if (!a.neg) return bigint_finish(vm, 0, r, mag_rshift(r, a.d, a.n, n));
    /* Floor semantics for negatives: -a >> n == -(((a - 1) >> n) + 1). */
    uint32_t one = 1;
    uint32_t *t = bigint_scratch(a.n);
    if (!t) {
        free(r);
        return exc_raise_memory(vm);
    }
    mag_sub(t, a.d, a.n, &one, 1);
    size_t rn = mag_rshift(r, t, a.n, n);
    free(t);
    return bigint_finish(vm, 1, r, mag_add(r, r, rn, &one, 1));
}

/* The n-digit two's complement form of a view. */
static uint32_t *bigint_twos(const BigView *a, size_t n) {
    uint32_t *r = mag_copy(a->d, a->n, n);
    if (r && a->neg) {
        uint64_t c = 1;
        for (size_t i = 0; i < n; i++) {
            c += (uint32_t)~r[i];
            r[i] = (uint32_t)c;
            c >>= 32;
        }
    }
    return r;
}

Value bigint_bitwise(VM *vm, int op, Value av, Value bv) {
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    size_t n = (a.n > b.n ? a.n : b.n) + 1;
    uint32_t *x = bigint_twos(&a, n), *y = bigint_twos(&b, n);
    if (!x || !y) {
        free(x);
        free(y);
        return exc_raise_memory(vm);
    }
    for (size_t i = 0; i < n; i++) x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    free(y);
    int neg = x[n - 1] >> 31;
    BigView t = {.neg = 1, .n = n, .d = x};
    if (neg) {
        /* Back from two's complement: the magnitude is the complement plus one. */
        uint32_t *m = bigint_twos(&t, n);
        free(x);
        x = m;
    }
    return bigint_finish(vm, neg, x, n);
}

Value bigint_negate(VM *vm, Value av) {
    BigView a;
    bigint_view(av, &a);
    return bigint_finish(vm, !a.neg, mag_copy(a.d, a.n, a.n), a.n);
}

Value bigint_abs(VM *vm, Value av) {
    BigView a;
    bigint_view(av, &a);
    if (value_is_int(av) && !a.neg) return av;
    return bigint_finish(vm, 0, mag_copy(a.d, a.n, a.n), a.n);
}

Value bigint_invert(VM *vm, Value av) {
    Value t = bigint_add(vm, av, value_from_int(1));
    return t == VALUE_ERROR ? t : bigint_negate(vm, t);
}

int bigint_sign(Value av) {
    BigView a;
    bigint_view(av, &a);
    return a.n == 0 ? 0 : a.neg ? -1 : 1;
}

int bigint_compare(Value av, Value bv) {
    BigView a, b;
    bigint_view(av, &a);
    bigint_view(bv, &b);
    if (a.neg != b.neg) return a.neg ? -1 : 1;
    int c = mag_cmp(a.d, a.n, b.d, b.n);
    return a.neg ? -c : c;
}

int bigint_compare_double(Value av, double d) {
    BigView a;
    bigint_view(av, &a);
    int as = a.n == 0 ? 0 : a.neg ? -1 : 1, ds = d < 0 ? -1 : d > 0;
    if (as != ds) return as < ds ? -1 : 1;
    if (as == 0) return 0;
    /* Same sign: compare magnitudes, first by bit length, then bit by bit. */
    int64_t bits = mag_bit_length(a.d, a.n);
    int e, c;
    double m = frexp(fabs(d), &e);
    if (bits != e) {
        c = bits < e ? -1 : 1;
    } else {
        uint64_t mant = (uint64_t)ldexp(m, 53);   /* |d| = mant * 2**(e - 53) */
        int sticky;
        if (e >= 53) {
            uint64_t top = mag_bits_at(a.d, a.n, e - 53, &sticky);
            c = top != mant ? (top < mant ? -1 : 1) : sticky;
        } else {
            uint64_t x = mag_bits_at(a.d, a.n, 0, &sticky) << (53 - e);
            c = x < mant ? -1 : x > mant;
        }
    }
    return as < 0 ? -c : c;
}

int64_t bigint_bit_length(Value av) {
    BigView a;
    bigint_view(av, &a);
    return mag_bit_length(a.d, a.n);
}

int bigint_is_odd(Value av) {
    BigView a;
    bigint_view(av, &a);
    return a.n && (a.d[0] & 1);
}

/* CPython refuses to convert ints of more than this many decimal digits to or from text
 * (sys.int_info.default_max_str_digits), to bound the quadratic algorithms' running time. */
#define BIGINT_MAX_STR_DIGITS 4300

int bigint_to_base(VM *vm, Value v, int base, StrBuf *out) {
    BigView a;
    bigint_view(v, &a);
    if (a.n == 0) {
        strbuf_putc(out, '0');
        return 1;
    }
    int64_t bits = mag_bit_length(a.d, a.n);
    if (base == 10 && bits > 14300 + 64) goto too_many;
    size_t maxchars = (size_t)(bits / (base == 10 ? 3 : base == 8 ? 3 : base == 16 ? 4 : 1)) + 2;
    char *buf = malloc(maxchars);
    uint32_t *t = mag_copy(a.d, a.n, a.n);
    if (!buf || !t) {
        free(buf);
        free(t);
        exc_raise_memory(vm);
        return 0;
    }
    size_t nc = 0, tn = a.n;
    if (base == 10) {
        /* Divide by 10**9 repeatedly; each remainder gives nine digits, least significant first. */
        while (tn) {
            uint64_t rem = 0;
            for (size_t i = tn; i-- > 0;) {
                uint64_t cur = rem << 32 | t[i];
                t[i] = (uint32_t)(cur / 1000000000u);
                rem = cur % 1000000000u;
            }
            tn = mag_trim(t, tn);
            for (int k = 0; k < 9 && (tn || rem); k++) {
                buf[nc++] = (char)('0' + rem % 10);
                rem /= 10;
            }
        }
    } else {
        int shift = base == 2 ? 1 : base == 8 ? 3 : 4;
        for (int64_t bit = 0; bit < bits; bit += shift) {
            unsigned digit = 0;
            for (int k = 0; k < shift; k++) {
                int64_t b = bit + k;
                if (b < bits && (t[b / 32] >> (b % 32) & 1)) digit |= 1u << k;
            }
            buf[nc++] = "0123456789abcdef"[digit];
        }
    }
    free(t);
    if (base == 10 && nc > BIGINT_MAX_STR_DIGITS) {
        free(buf);
        goto too_many;
    }
    if (a.neg) strbuf_putc(out, '-');
    while (nc) strbuf_putc(out, buf[--nc]);
    free(buf);
    return 1;
too_many:
    exc_raise(vm, &exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
              "use sys.set_int_max_str_digits() to increase the limit", BIGINT_MAX_STR_DIGITS);
    return 0;
}

static int bigint_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

Value bigint_from_digits(VM *vm, const char *s, size_t n, int base, int neg) {
    /* Digits are consumed in chunks of k, the most that keep base**k within 32 bits, each folded
     * in by one multiply-add pass over the magnitude. */
    int k = 0;
    uint64_t chunk_base = 1;
    while (chunk_base * (uint64_t)base <= 0xffffffffu) chunk_base *= (uint64_t)base, k++;
    size_t cap = (size_t)(n * log2((double)base) / 32) + 2;
    uint32_t *r = bigint_scratch(cap);
    if (!r) return exc_raise_memory(vm);
    size_t rn = 0, i = 0;
    while (i < n) {
        uint64_t mul = 1, add = 0;
        int got = 0;
        for (; i < n && got < k; i++) {
            if (s[i] == '_') continue;
            add = add * (uint64_t)base + (uint64_t)bigint_digit_value(s[i]);
            mul *= (uint64_t)base;
            got++;
        }
        uint64_t carry = add;
        for (size_t j = 0; j < rn; j++) {
            carry += (uint64_t)r[j] * mul;
            r[j] = (uint32_t)carry;
            carry >>= 32;
        }
        if (carry && rn < cap) r[rn++] = (uint32_t)carry;
    }
    return bigint_finish(vm, neg, r, rn);
}

int64_t bigint_hash(Value v) {
    const uint64_t modulus = (1ull << 61) - 1;
    BigView a;
    bigint_view(v, &a);
    uint64_t x = 0;
    for (size_t i = a.n; i-- > 0;) x = (uint64_t)((((unsigned __int128)x << 32) | a.d[i]) % modulus);
    int64_t h = a.neg ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}
