/* The random module, mirroring CPython 3.11: the Mersenne Twister of Modules/_randommodule.c
 * (genrand_uint32, init_genrand, init_by_array, random_seed, genrand_res53, getrandbits) and the
 * methods of Lib/random.py written out in C with the same arithmetic and the same order of draws,
 * so that a program seeded with the same int prints the same numbers as CPython.
 *
 * Known limitation: the generator state is one static per process, not one per VM (the VM struct
 * has no slot for module state yet), so two VMs in one process share the random sequence.
 * Not supported yet: str/bytes seeds (CPython hashes them with SHA-512), sample(counts=...),
 * the DeprecationWarning CPython prints for float arguments to randrange, and the distributions
 * (gauss, triangular, ...). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime.h"
#include "vm.h"

enum { RANDOM_NB_ADD = 0, RANDOM_NB_AND = 1, RANDOM_NB_FLOOR_DIVIDE = 2, RANDOM_NB_LSHIFT = 3,
       RANDOM_NB_MULTIPLY = 5, RANDOM_NB_OR = 7, RANDOM_NB_POWER = 8, RANDOM_NB_RSHIFT = 9,
       RANDOM_NB_SUBTRACT = 10 };
enum { RANDOM_CMP_LT = 0, RANDOM_CMP_LE = 1, RANDOM_CMP_EQ = 2, RANDOM_CMP_NE = 3, RANDOM_CMP_GT = 4,
       RANDOM_CMP_GE = 5 };

#define RANDOM_N 624
#define RANDOM_M 397

static struct {
    uint32_t mt[RANDOM_N];
    int index;
} random_state;

/* ---- the Mersenne Twister, as _randommodule.c ---- */

static uint32_t random_genrand_uint32(void) {
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    uint32_t *mt = random_state.mt, y;
    if (random_state.index >= RANDOM_N) {
        int kk;
        for (kk = 0; kk < RANDOM_N - RANDOM_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + RANDOM_M] ^ (y >> 1) ^ mag01[y & 1u];
        }
        for (; kk < RANDOM_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (RANDOM_M - RANDOM_N)] ^ (y >> 1) ^ mag01[y & 1u];
        }
        y = (mt[RANDOM_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[RANDOM_N - 1] = mt[RANDOM_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
        random_state.index = 0;
    }
    y = mt[random_state.index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static void random_init_genrand(uint32_t s) {
    uint32_t *mt = random_state.mt;
    mt[0] = s;
    for (int i = 1; i < RANDOM_N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    random_state.index = RANDOM_N;
}

static void random_init_by_array(const uint32_t *key, size_t key_length) {
    uint32_t *mt = random_state.mt;
    random_init_genrand(19650218u);
    size_t i = 1, j = 0;
    for (size_t k = RANDOM_N > key_length ? RANDOM_N : key_length; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= RANDOM_N) {
            mt[0] = mt[RANDOM_N - 1];
            i = 1;
        }
        if (j >= key_length) j = 0;
    }
    for (size_t k = RANDOM_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= RANDOM_N) {
            mt[0] = mt[RANDOM_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

/* random_seed_urandom, with random_seed_time_pid's fallback when there is no /dev/urandom. */
static void random_seed_urandom(void) {
    uint32_t key[RANDOM_N];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(key, sizeof key[0], RANDOM_N, f) : 0;
    if (f) fclose(f);
    if (got == RANDOM_N) {
        random_init_by_array(key, RANDOM_N);
        return;
    }
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    uint32_t fallback[4] = {(uint32_t)ts.tv_sec, (uint32_t)((uint64_t)ts.tv_sec >> 32), (uint32_t)ts.tv_nsec,
                            (uint32_t)(uintptr_t)&random_state};
    random_init_by_array(fallback, 4);
}

/* _Py_HashDouble of CPython 3.11: the float's value reduced modulo 2**61 - 1, which is what a
 * float seed is turned into. */
static uint64_t random_hash_double(double v) {
    const uint64_t modulus = (1ull << 61) - 1;
    if (isinf(v)) return v > 0 ? 314159u : (uint64_t)-314159;
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & modulus) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= modulus) x -= modulus;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & modulus) | x >> (61 - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return x;
}

/* ---- ints as Values: small ints natively, the rest through op_binary (big ints, later) ---- */

static int random_cmp(VM *vm, int op, Value a, Value b) {
    if (value_is_int(a) && value_is_int(b)) {
        int64_t x = value_as_int(a), y = value_as_int(b);
        switch (op) {
        case RANDOM_CMP_LT: return x < y;
        case RANDOM_CMP_LE: return x <= y;
        case RANDOM_CMP_EQ: return x == y;
        case RANDOM_CMP_NE: return x != y;
        case RANDOM_CMP_GT: return x > y;
        default: return x >= y;
        }
    }
    Value r = op_compare(vm, op, a, b);
    return r == VALUE_ERROR ? -1 : op_truthy(vm, r);
}

/* An unsigned 64-bit value as an int: small when it fits, else built as (hi << 32) | lo. */
static Value random_int_from_u64(VM *vm, uint64_t u) {
    if (u <= (uint64_t)SMALLINT_MAX) return value_from_int((int64_t)u);
    Value r = op_binary(vm, RANDOM_NB_LSHIFT, value_from_int((int64_t)(u >> 32)), value_from_int(32));
    return r == VALUE_ERROR ? r : op_binary(vm, RANDOM_NB_OR, r, value_from_int((int64_t)(u & 0xffffffffu)));
}

/* getrandbits(k): 32-bit words from least to most significant, the last one cut down to the bits
 * still wanted, exactly as random_getrandbits_impl fills its word array. */
static Value random_bits(VM *vm, int64_t k) {
    if (k == 0) return value_from_int(0);
    if (k <= 32) return value_from_int(random_genrand_uint32() >> (32 - k));
    if (k <= 64) {
        uint64_t lo = random_genrand_uint32(), hi = random_genrand_uint32();
        if (k < 64) hi >>= 64 - k;
        return random_int_from_u64(vm, hi << 32 | lo);
    }
    int64_t words = (k - 1) / 32 + 1;
    uint32_t *w = malloc((size_t)words * sizeof *w);
    if (!w) return exc_raise_memory(vm);
    for (int64_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = random_genrand_uint32();
        w[i] = k < 32 ? r >> (32 - k) : r;
    }
    Value acc = value_from_int(0);
    for (int64_t i = words - 1; i >= 0 && acc != VALUE_ERROR; i--) {
        acc = op_binary(vm, RANDOM_NB_LSHIFT, acc, value_from_int(32));
        if (acc != VALUE_ERROR) acc = op_binary(vm, RANDOM_NB_OR, acc, value_from_int(w[i]));
    }
    free(w);
    return acc;
}

static int random_bit_length(VM *vm, Value n, int64_t *out) {
    int64_t bits = 0;
    while (!value_is_int(n)) {
        n = op_binary(vm, RANDOM_NB_RSHIFT, n, value_from_int(32));
        if (n == VALUE_ERROR) return 0;
        bits += 32;
    }
    uint64_t u = (uint64_t)value_as_int(n);
    while (u) {
        bits++;
        u >>= 1;
    }
    *out = bits;
    return 1;
}

/* _randbelow_with_getrandbits(n), n > 0: k = n.bit_length(); draw k bits until below n. */
static Value random_below(VM *vm, Value n) {
    if (value_is_int(n)) {
        int64_t limit = value_as_int(n), k = 0;
        for (uint64_t u = (uint64_t)limit; u; u >>= 1) k++;
        for (;;) {
            Value r = random_bits(vm, k);
            if (value_as_int(r) < limit) return r;
        }
    }
    int64_t k;
    if (!random_bit_length(vm, n, &k)) return VALUE_ERROR;
    for (;;) {
        Value r = random_bits(vm, k);
        if (r == VALUE_ERROR) return r;
        int ge = random_cmp(vm, RANDOM_CMP_GE, r, n);
        if (ge < 0) return VALUE_ERROR;
        if (!ge) return r;
    }
}

static double random_res53(void) {
    uint32_t a = random_genrand_uint32() >> 5, b = random_genrand_uint32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- arguments, worded as CPython words them for the Python methods of random.Random ---- */

/* Binds like a Python function `Random.name(self, params...)`: positional or keyword parameters,
 * the first nrequired without defaults. The messages count self, as CPython's do. */
static int random_args(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames, const char *const *params,
                       int nparams, int nrequired, Value *out) {
    for (int i = 0; i < nparams; i++) out[i] = VALUE_NULL;
    if (nargs > nparams) {
        if (nrequired == nparams)
            exc_raise(vm, &exc_TypeError, "Random.%s() takes %d positional argument%s but %d were given", name,
                      nparams + 1, nparams ? "s" : "", nargs + 1);
        else
            exc_raise(vm, &exc_TypeError, "Random.%s() takes from %d to %d positional arguments but %d were given",
                      name, nrequired + 1, nparams + 1, nargs + 1);
        return 0;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *kw = value_as_ptr(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nparams; i++)
            if (strcmp(params[i], kw->data) == 0) found = i;
        if (found < 0) {
            exc_raise(vm, &exc_TypeError, "Random.%s() got an unexpected keyword argument '%s'", name, kw->data);
            return 0;
        }
        if (out[found] != VALUE_NULL) {
            exc_raise(vm, &exc_TypeError, "Random.%s() got multiple values for argument '%s'", name, kw->data);
            return 0;
        }
        out[found] = args[nargs + (int)k];
    }
    int missing = 0;
    char names[200] = "";
    for (int i = 0; i < nrequired; i++) missing += out[i] == VALUE_NULL;
    if (!missing) return 1;
    for (int i = 0, seen = 0; i < nrequired; i++) {
        if (out[i] != VALUE_NULL) continue;
        seen++;
        const char *sep = seen == 1 ? "" : seen == missing ? (missing == 2 ? " and " : ", and ") : ", ";
        size_t len = strlen(names);
        snprintf(names + len, sizeof names - len, "%s'%s'", sep, params[i]);
    }
    exc_raise(vm, &exc_TypeError, "Random.%s() missing %d required positional argument%s: %s", name, missing,
              missing == 1 ? "" : "s", names);
    return 0;
}

/* random() and getrandbits() are C methods of _random.Random (METH_NOARGS and METH_O). */
static int random_c_method(VM *vm, const char *name, int nargs, Tuple *kwnames, int want) {
    if (kwnames && kwnames->len) {
        exc_raise(vm, &exc_TypeError, "Random.%s() takes no keyword arguments", name);
        return 0;
    }
    if (nargs == want) return 1;
    if (want == 0) exc_raise(vm, &exc_TypeError, "Random.%s() takes no arguments (%d given)", name, nargs);
    else exc_raise(vm, &exc_TypeError, "Random.%s() takes exactly one argument (%d given)", name, nargs);
    return 0;
}

/* len(x) through the builtins' len, so sequences defined in Python work as they do in CPython. */
static int random_len(VM *vm, Value seq, int64_t *out) {
    Value len_fn = dict_get_str(vm->builtins, str_intern(vm, "len", 3));
    if (len_fn == VALUE_NULL) {
        exc_raise(vm, &exc_RuntimeError, "lost builtins.len");
        return 0;
    }
    Value n = vm_call(vm, len_fn, &seq, 1);
    if (n == VALUE_ERROR) return 0;
    return num_as_int64(vm, n, out);
}

/* operator.index, then random.py's fallback for floats: int(x), which must equal x. */
static Value random_int_arg(VM *vm, Value v, const char *what) {
    if (value_is_bool(v)) return value_from_int(v == VALUE_TRUE);
    if (value_is_exact_int(v)) return v;
    if (value_is_float(v)) {
        double d = value_as_float(v);
        if (isnan(d)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer");
        if (isinf(d)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer");
        if (d != trunc(d)) return exc_raise(vm, &exc_ValueError, "non-integer %s for randrange()", what);
        if (fabs(d) > (double)SMALLINT_MAX)
            return exc_raise(vm, &exc_OverflowError, "integer result too large (Anole's ints are limited to 48 bits for now)");
        return value_from_int((int64_t)d);
    }
    return exc_raise(vm, &exc_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                     type_of(v)->name);
}

/* ---- the functions ---- */

static Value random_seed(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"a", "version"};
    Value v[2];
    if (!random_args(vm, "seed", args, nargs, kwnames, params, 2, 0, v)) return VALUE_ERROR;
    Value a = v[0] == VALUE_NULL ? VALUE_NONE : v[0];
    if (a == VALUE_NONE || (value_is_float(a) && isnan(value_as_float(a)))) {
        random_seed_urandom();
        return VALUE_NONE;
    }
    if (value_is_kind(a, OBJ_STR))
        return exc_raise(vm, &exc_NotImplementedError, "random.seed() with a str is not supported by Anole yet");
    uint32_t key[2] = {0, 0};
    size_t nkey = 0;
    if (value_is_float(a) || value_is_int(a) || value_is_bool(a)) {
        /* Ints seed with abs(a); floats with hash(a) taken as an unsigned C size_t. */
        uint64_t u;
        if (value_is_float(a)) u = random_hash_double(value_as_float(a));
        else {
            int64_t i = value_is_bool(a) ? a == VALUE_TRUE : value_as_int(a);
            u = i < 0 ? (uint64_t)-i : (uint64_t)i;
        }
        key[nkey++] = (uint32_t)u;
        if (u >> 32) key[nkey++] = (uint32_t)(u >> 32);
        random_init_by_array(key, nkey);
        return VALUE_NONE;
    }
    if (!value_is_exact_int(a))
        return exc_raise(vm, &exc_TypeError,
                         "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    /* A big int: its 32-bit chunks from the least significant, through op_binary. */
    uint32_t *big = NULL;
    size_t cap = 0;
    int neg = random_cmp(vm, RANDOM_CMP_LT, a, value_from_int(0));
    if (neg < 0 || (neg && (a = op_unary_negative(vm, a)) == VALUE_ERROR)) return VALUE_ERROR;
    while (random_cmp(vm, RANDOM_CMP_NE, a, value_from_int(0)) == 1) {
        Value chunk = op_binary(vm, RANDOM_NB_AND, a, value_from_int(0xffffffff));
        a = chunk == VALUE_ERROR ? chunk : op_binary(vm, RANDOM_NB_RSHIFT, a, value_from_int(32));
        if (a == VALUE_ERROR) {
            free(big);
            return VALUE_ERROR;
        }
        if (nkey == cap) {
            uint32_t *nb = realloc(big, (cap = cap ? cap * 2 : 16) * sizeof *nb);
            if (!nb) {
                free(big);
                return exc_raise_memory(vm);
            }
            big = nb;
        }
        big[nkey++] = (uint32_t)value_as_int(chunk);
    }
    if (nkey == 0) random_init_by_array(key, 1);
    else random_init_by_array(big, nkey);
    free(big);
    return VALUE_NONE;
}

static Value random_random(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)args;
    if (!random_c_method(vm, "random", nargs, kwnames, 0)) return VALUE_ERROR;
    return value_from_float(random_res53());
}

static Value random_getrandbits(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    int64_t k;
    if (!random_c_method(vm, "getrandbits", nargs, kwnames, 1) || !num_as_int64(vm, args[0], &k)) return VALUE_ERROR;
    if (k < 0) return exc_raise(vm, &exc_ValueError, "number of bits must be non-negative");
    return random_bits(vm, k);
}

/* Random.randrange as in random.py 3.11, including its error messages. */
static Value random_randrange_of(VM *vm, Value start, Value stop, Value step) {
    Value istart = random_int_arg(vm, start, "arg 1");
    if (istart == VALUE_ERROR) return istart;
    if (stop == VALUE_NULL || stop == VALUE_NONE) {
        if (step != VALUE_NULL) return exc_raise(vm, &exc_TypeError, "Missing a non-None stop argument");
        int pos = random_cmp(vm, RANDOM_CMP_GT, istart, value_from_int(0));
        if (pos < 0) return VALUE_ERROR;
        if (pos) return random_below(vm, istart);
        return exc_raise(vm, &exc_ValueError, "empty range for randrange()");
    }
    Value istop = random_int_arg(vm, stop, "stop");
    if (istop == VALUE_ERROR) return istop;
    Value width = op_binary(vm, RANDOM_NB_SUBTRACT, istop, istart);
    if (width == VALUE_ERROR) return width;
    Value istep = step == VALUE_NULL ? value_from_int(1) : random_int_arg(vm, step, "step");
    if (istep == VALUE_ERROR) return istep;
    if (value_is_int(istep) && value_as_int(istep) == 1) {
        int pos = random_cmp(vm, RANDOM_CMP_GT, width, value_from_int(0));
        if (pos < 0) return VALUE_ERROR;
        if (pos) {
            Value r = random_below(vm, width);
            return r == VALUE_ERROR ? r : op_binary(vm, RANDOM_NB_ADD, istart, r);
        }
        StrBuf b;
        strbuf_init(&b);
        strbuf_append(&b, "empty range for randrange() (", 29);
        int ok = op_repr_into(vm, istart, &b);
        strbuf_append(&b, ", ", 2);
        ok = ok && op_repr_into(vm, istop, &b);
        strbuf_append(&b, ", ", 2);
        ok = ok && op_repr_into(vm, width, &b);
        Value r = ok ? exc_raise(vm, &exc_ValueError, "%s)", strbuf_cstr(&b)) : VALUE_ERROR;
        strbuf_free(&b);
        return r;
    }
    int pos = random_cmp(vm, RANDOM_CMP_GT, istep, value_from_int(0));
    int neg = random_cmp(vm, RANDOM_CMP_LT, istep, value_from_int(0));
    if (pos < 0 || neg < 0) return VALUE_ERROR;
    if (!pos && !neg) return exc_raise(vm, &exc_ValueError, "zero step for randrange()");
    /* n = (width + istep - 1) // istep, or (width + istep + 1) // istep for a negative step. */
    Value n = op_binary(vm, RANDOM_NB_ADD, width, istep);
    if (n != VALUE_ERROR) n = op_binary(vm, pos ? RANDOM_NB_SUBTRACT : RANDOM_NB_ADD, n, value_from_int(1));
    if (n != VALUE_ERROR) n = op_binary(vm, RANDOM_NB_FLOOR_DIVIDE, n, istep);
    if (n == VALUE_ERROR) return n;
    int empty = random_cmp(vm, RANDOM_CMP_LE, n, value_from_int(0));
    if (empty < 0) return VALUE_ERROR;
    if (empty) return exc_raise(vm, &exc_ValueError, "empty range for randrange()");
    Value r = random_below(vm, n);
    if (r != VALUE_ERROR) r = op_binary(vm, RANDOM_NB_MULTIPLY, istep, r);
    return r == VALUE_ERROR ? r : op_binary(vm, RANDOM_NB_ADD, istart, r);
}

static Value random_randrange(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"start", "stop", "step"};
    Value v[3];
    if (!random_args(vm, "randrange", args, nargs, kwnames, params, 3, 1, v)) return VALUE_ERROR;
    return random_randrange_of(vm, v[0], v[1], v[2]);
}

static Value random_randint(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"a", "b"};
    Value v[2];
    if (!random_args(vm, "randint", args, nargs, kwnames, params, 2, 2, v)) return VALUE_ERROR;
    Value stop = op_binary(vm, RANDOM_NB_ADD, v[1], value_from_int(1));
    return stop == VALUE_ERROR ? stop : random_randrange_of(vm, v[0], stop, VALUE_NULL);
}

static Value random_choice(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"seq"};
    Value v[1];
    int64_t n;
    if (!random_args(vm, "choice", args, nargs, kwnames, params, 1, 1, v) || !random_len(vm, v[0], &n))
        return VALUE_ERROR;
    if (n == 0) return exc_raise(vm, &exc_IndexError, "Cannot choose from an empty sequence");
    /* len() is called twice in random.py; a second call cannot differ for a sane sequence. */
    Value i = random_below(vm, value_from_int(n));
    return i == VALUE_ERROR ? i : op_subscr(vm, v[0], i);
}

/* shuffle: Fisher-Yates from the end, j = _randbelow(i + 1). Lists swap in place; other mutable
 * sequences go through __getitem__/__setitem__ with the two items rooted meanwhile. */
static Value random_shuffle(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"x"};
    Value v[1];
    int64_t n;
    if (!random_args(vm, "shuffle", args, nargs, kwnames, params, 1, 1, v) || !random_len(vm, v[0], &n))
        return VALUE_ERROR;
    Value x = v[0];
    for (int64_t i = n - 1; i >= 1; i--) {
        Value jv = random_below(vm, value_from_int(i + 1));
        if (jv == VALUE_ERROR) return jv;
        int64_t j = value_as_int(jv);
        if (value_is_kind(x, OBJ_LIST) && ((List *)value_as_obj(x))->len == (uint32_t)n) {
            List *l = (List *)value_as_obj(x);
            Value t = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = t;
            continue;
        }
        Value xj = op_subscr(vm, x, jv);
        if (xj == VALUE_ERROR || !gc_root_push(vm, xj)) return VALUE_ERROR;
        Value xi = op_subscr(vm, x, value_from_int(i));
        if (xi == VALUE_ERROR || !gc_root_push(vm, xi)) {
            gc_root_pop(vm, 1);
            return VALUE_ERROR;
        }
        Value r = op_store_subscr(vm, x, value_from_int(i), xj);
        if (r != VALUE_ERROR) r = op_store_subscr(vm, x, jv, xi);
        gc_root_pop(vm, 2);
        if (r == VALUE_ERROR) return r;
    }
    return VALUE_NONE;
}

static Value random_uniform(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"a", "b"};
    Value v[2];
    if (!random_args(vm, "uniform", args, nargs, kwnames, params, 2, 2, v)) return VALUE_ERROR;
    /* a + (b - a) * random(), with Python's operators so ints and floats mix as they do there. */
    Value d = op_binary(vm, RANDOM_NB_SUBTRACT, v[1], v[0]);
    if (d != VALUE_ERROR) d = op_binary(vm, RANDOM_NB_MULTIPLY, d, value_from_float(random_res53()));
    return d == VALUE_ERROR ? d : op_binary(vm, RANDOM_NB_ADD, v[0], d);
}

/* The built-in sequences random.py's isinstance(population, Sequence) accepts. */
static int random_is_sequence(Value v) {
    return value_is_kind(v, OBJ_LIST) || value_is_kind(v, OBJ_TUPLE) || value_is_kind(v, OBJ_STR) ||
           value_is_kind(v, OBJ_RANGE);
}

/* sample(population, k): a pool of the population for small populations, else a set of the
 * indexes drawn so far, with random.py's exact threshold between the two. */
static Value random_sample(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"population", "k", "counts"};
    Value v[3];
    int64_t n, k;
    if (nargs > 2)
        return exc_raise(vm, &exc_TypeError, "Random.sample() takes 3 positional arguments but %d were given", nargs + 1);
    if (!random_args(vm, "sample", args, nargs, kwnames, params, 3, 2, v)) return VALUE_ERROR;
    Value pop = v[0];
    if (!random_is_sequence(pop))
        return exc_raise(vm, &exc_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (v[2] != VALUE_NULL && v[2] != VALUE_NONE)
        return exc_raise(vm, &exc_NotImplementedError, "sample() with counts is not supported by Anole yet");
    if (!random_len(vm, pop, &n) || !num_as_int64(vm, v[1], &k)) return VALUE_ERROR;
    if (k < 0 || k > n) return exc_raise(vm, &exc_ValueError, "Sample larger than population or is negative");
    int64_t setsize = 21;
    if (k > 5) setsize += (int64_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    List *result = list_new(vm, (uint32_t)k);
    if (!result) return exc_raise_memory(vm);
    if (n <= setsize) {
        Value *pool = malloc((size_t)(n ? n : 1) * sizeof *pool);
        if (!pool) return exc_raise_memory(vm);
        for (int64_t i = 0; i < n; i++)
            if ((pool[i] = op_subscr(vm, pop, value_from_int(i))) == VALUE_ERROR) {
                free(pool);
                return VALUE_ERROR;
            }
        for (int64_t i = 0; i < k; i++) {
            int64_t j = value_as_int(random_below(vm, value_from_int(n - i)));
            if (!list_append(vm, result, pool[j])) {
                free(pool);
                return exc_raise_memory(vm);
            }
            pool[j] = pool[n - i - 1];
        }
        free(pool);
        return value_from_ptr(result);
    }
    /* The selected indexes, in an open-addressed table twice k's size (k < n here). */
    size_t cap = 16;
    while (cap < (size_t)k * 2) cap *= 2;
    int64_t *seen = malloc(cap * sizeof *seen);
    if (!seen) return exc_raise_memory(vm);
    for (size_t s = 0; s < cap; s++) seen[s] = -1;
    for (int64_t i = 0; i < k; i++) {
        int64_t j;
        size_t slot;
        for (;;) {
            j = value_as_int(random_below(vm, value_from_int(n)));
            for (slot = (size_t)j * 0x9e3779b97f4a7c15ull & (cap - 1); seen[slot] >= 0 && seen[slot] != j;)
                slot = (slot + 1) & (cap - 1);
            if (seen[slot] != j) break;
        }
        seen[slot] = j;
        Value item = op_subscr(vm, pop, value_from_int(j));
        if (item == VALUE_ERROR || !list_append(vm, result, item)) {
            free(seen);
            return item == VALUE_ERROR ? item : exc_raise_memory(vm);
        }
    }
    free(seen);
    return value_from_ptr(result);
}

/* choices(population, weights=None, *, cum_weights=None, k=1): floor(random() * n) without
 * weights, else bisect_right over the running totals (accumulated in floats, which equals
 * random.py's int-or-float sums while they stay below 2**53). */
static Value random_choices(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"population", "weights", "cum_weights", "k"};
    Value v[4];
    int64_t n, k = 1;
    if (nargs > 2)
        return exc_raise(vm, &exc_TypeError, "Random.choices() takes from 2 to 3 positional arguments but %d were given",
                         nargs + 1);
    if (!random_args(vm, "choices", args, nargs, kwnames, params, 4, 1, v) || !random_len(vm, v[0], &n)) return VALUE_ERROR;
    if (v[3] != VALUE_NULL && !num_as_int64(vm, v[3], &k)) return VALUE_ERROR;
    Value weights = v[1] == VALUE_NULL ? VALUE_NONE : v[1], cum = v[2] == VALUE_NULL ? VALUE_NONE : v[2];
    List *result = list_new(vm, k > 0 ? (uint32_t)k : 0);
    if (!result || !gc_root_push(vm, value_from_ptr(result))) return result ? VALUE_ERROR : exc_raise_memory(vm);
    double *cw = NULL, total = 0.0;
    Value out = VALUE_ERROR;
    if (weights != VALUE_NONE || cum != VALUE_NONE) {
        if (weights != VALUE_NONE && cum != VALUE_NONE) {
            exc_raise(vm, &exc_TypeError, "Cannot specify both weights and cumulative weights");
            goto done;
        }
        Value src = weights != VALUE_NONE ? weights : cum;
        int64_t m;
        if (!random_len(vm, src, &m)) goto done;
        if (m != n) {
            exc_raise(vm, &exc_ValueError, "The number of weights does not match the population");
            goto done;
        }
        if (!(cw = malloc((size_t)(m ? m : 1) * sizeof *cw))) {
            exc_raise_memory(vm);
            goto done;
        }
        for (int64_t i = 0; i < m; i++) {
            Value w = op_subscr(vm, src, value_from_int(i));
            double d;
            if (w == VALUE_ERROR || !num_as_double(vm, w, &d)) goto done;
            cw[i] = weights != VALUE_NONE && i > 0 ? cw[i - 1] + d : d;
        }
        if (m == 0) {
            exc_raise(vm, &exc_IndexError, "list index out of range");
            goto done;
        }
        total = cw[m - 1] + 0.0;
        if (total <= 0.0) {
            exc_raise(vm, &exc_ValueError, "Total of weights must be greater than zero");
            goto done;
        }
        if (!isfinite(total)) {
            exc_raise(vm, &exc_ValueError, "Total of weights must be finite");
            goto done;
        }
    }
    for (int64_t i = 0; i < k; i++) {
        int64_t idx;
        if (cw) {
            double x = random_res53() * total;
            int64_t lo = 0, hi = n - 1;
            while (lo < hi) {
                int64_t mid = (lo + hi) / 2;
                if (x < cw[mid]) hi = mid;
                else lo = mid + 1;
            }
            idx = lo;
        } else {
            idx = (int64_t)floor(random_res53() * (double)n);
        }
        Value item = op_subscr(vm, v[0], value_from_int(idx));
        if (item == VALUE_ERROR) goto done;
        if (!list_append(vm, result, item)) {
            exc_raise_memory(vm);
            goto done;
        }
    }
    out = value_from_ptr(result);
done:
    free(cw);
    gc_root_pop(vm, 1);
    return out;
}

static const BuiltinDef random_functions[] = {
    {"seed", random_seed, CALLKIND_VARARGS},
    {"random", random_random, CALLKIND_VARARGS},
    {"getrandbits", random_getrandbits, CALLKIND_VARARGS},
    {"randrange", random_randrange, CALLKIND_VARARGS},
    {"randint", random_randint, CALLKIND_VARARGS},
    {"choice", random_choice, CALLKIND_VARARGS},
    {"choices", random_choices, CALLKIND_VARARGS},
    {"shuffle", random_shuffle, CALLKIND_VARARGS},
    {"sample", random_sample, CALLKIND_VARARGS},
    {"uniform", random_uniform, CALLKIND_VARARGS},
    {NULL, NULL, 0},
};

/* Importing random seeds the generator from the OS, as CPython's module-level Random() does. */
static int random_init(VM *vm, Dict *d) {
    (void)vm;
    (void)d;
    random_seed_urandom();
    return 1;
}

const ModuleDef module_random = {"random", random_functions, random_init};
