/* The random module, mirroring CPython 3.11: the Mersenne Twister of Modules/_randommodule.c
 * (genrand_uint32, init_genrand, init_by_array, random_seed, genrand_res53, getrandbits) and the
 * methods of Lib/random.py written out in C with the same arithmetic and the same order of draws,
 * so that a program seeded with the same int prints the same numbers as CPython.
 *
 * Known limitation: the generator state is one static per process, not one per VM (the VM struct
 * has no slot for module state yet), so two VMs in one process share the random sequence.
 * Not supported yet: bytes seeds (there is no bytes type), sample(counts=...),
 * the DeprecationWarning CPython prints for float arguments to randrange, and the distributions
 * (gauss, triangular, ...). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __EMSCRIPTEN__
int getentropy(void *buffer, size_t length);  /* unistd.h hides it under -std=c11 */
#endif

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
#ifdef __EMSCRIPTEN__
    /* No file system in the wasm build (-sFILESYSTEM=0): getentropy reads crypto.getRandomValues,
     * at most 256 bytes a call. */
    size_t got = RANDOM_N;
    for (size_t off = 0; off < sizeof key; off += 256) {
        size_t n = sizeof key - off < 256 ? sizeof key - off : 256;
        if (getentropy((char *)key + off, n) != 0) {
            got = 0;
            break;
        }
    }
#else
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(key, sizeof key[0], RANDOM_N, f) : 0;
    if (f) fclose(f);
#endif
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

/* ---- SHA-512 (FIPS 180-4), for str seeds: version 2 seeds with
 * int.from_bytes(s.encode() + sha512(s.encode()).digest(), 'big'). ---- */

static const uint64_t random_sha512_k[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull, 0x3956c25bf348b538ull,
    0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull, 0xd807aa98a3030242ull, 0x12835b0145706fbeull,
    0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull, 0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull,
    0xc19bf174cf692694ull, 0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull, 0x983e5152ee66dfabull,
    0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull, 0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
    0x06ca6351e003826full, 0x142929670a0e6e70ull, 0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull,
    0x53380d139d95b3dfull, 0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull, 0xd192e819d6ef5218ull,
    0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull, 0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull,
    0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull, 0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull,
    0x682e6ff3d6b2b8a3ull, 0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull, 0xca273eceea26619cull,
    0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull, 0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull,
    0x113f9804bef90daeull, 0x1b710b35131c471bull, 0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull,
    0x431d67c49c100d4cull, 0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static uint64_t random_ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void random_sha512_block(uint64_t h[8], const unsigned char *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int j = 0; j < 8; j++) w[i] = w[i] << 8 | p[i * 8 + j];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = random_ror64(w[i - 15], 1) ^ random_ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = random_ror64(w[i - 2], 19) ^ random_ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = hh + (random_ror64(e, 14) ^ random_ror64(e, 18) ^ random_ror64(e, 41)) + ((e & f) ^ (~e & g)) +
                      random_sha512_k[i] + w[i];
        uint64_t t2 = (random_ror64(a, 28) ^ random_ror64(a, 34) ^ random_ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

static void random_sha512(const unsigned char *data, size_t len, unsigned char out[64]) {
    uint64_t h[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
                     0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};
    size_t i = 0;
    for (; i + 128 <= len; i += 128) random_sha512_block(h, data + i);
    unsigned char tail[256] = {0};
    size_t rest = len - i;
    memcpy(tail, data + i, rest);
    tail[rest] = 0x80;
    size_t blocks = rest + 1 + 16 <= 128 ? 1 : 2;
    uint64_t bits = (uint64_t)len * 8;
    for (int j = 0; j < 8; j++) tail[blocks * 128 - 1 - j] = (unsigned char)(bits >> (8 * j));
    for (size_t b = 0; b < blocks; b++) random_sha512_block(h, tail + b * 128);
    for (int j = 0; j < 64; j++) out[j] = (unsigned char)(h[j / 8] >> (56 - 8 * (j % 8)));
}

/* Seeds from a str as version 2 does: the big-endian int of the UTF-8 bytes followed by their
 * SHA-512 digest, in 32-bit words from the least significant (init_by_array's key). */
static Value random_seed_str(VM *vm, Str *s) {
    size_t n = s->len + 64;
    unsigned char *bytes = malloc(n);
    uint32_t *key = malloc((n / 4 + 1) * sizeof *key);
    if (!bytes || !key) {
        free(bytes);
        free(key);
        return exc_raise_memory(vm);
    }
    memcpy(bytes, s->data, s->len);
    random_sha512((const unsigned char *)s->data, s->len, bytes + s->len);
    size_t start = 0;
    while (start < n && bytes[start] == 0) start++;
    size_t nkey = 0;
    for (size_t end = n; end > start; nkey++) {
        uint32_t w = 0;
        size_t from = end >= start + 4 ? end - 4 : start;
        for (size_t j = from; j < end; j++) w = w << 8 | bytes[j];
        key[nkey] = w;
        end = from;
    }
    if (nkey == 0) key[nkey++] = 0;
    random_init_by_array(key, nkey);
    free(bytes);
    free(key);
    return VALUE_NONE;
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
    if (value_is_kind(a, OBJ_STR)) {
        /* version=1 hashes str seeds another way (Lib/random.py's _randbelow-free loop). */
        if (v[1] != VALUE_NULL && !(value_is_int(v[1]) && value_as_int(v[1]) == 2))
            return exc_raise(vm, &exc_NotImplementedError, "random.seed() with a str and version 1 is not supported by Anole yet");
        return random_seed_str(vm, value_as_ptr(a));
    }
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
