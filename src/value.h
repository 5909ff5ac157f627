/* Values are 64-bit NaN-boxed words (the decision and its reasons are in docs/ARCHITECTURE.md).
 *
 *   a double             stored as itself; every NaN is canonicalized to 0x7ff8000000000000
 *   0xfff9 << 48 | i     a small int, 48-bit two's complement payload
 *   0xfffa << 48 | p     a pointer to a heap object (Obj)
 *   0xfffb << 48 | k     a special constant: None, False, True, the NULL marker, the error marker
 *
 * Every tag sits above 0xfff8, the top bits of the negative quiet NaN that x86 arithmetic makes,
 * so no double a computation can produce is mistaken for a tagged value. */
#ifndef ANOLE_VALUE_H
#define ANOLE_VALUE_H

#include <stdint.h>
#include <string.h>

typedef uint64_t Value;

/* For the small helpers of the evaluation loop's hot paths. clang, which compiles the
 * WebAssembly build, declines to inline even these into a function as large as the loop, and
 * under V8 a call costs more than such a helper's body. */
#define ALWAYS_INLINE inline __attribute__((always_inline))

#define VALUE_TAG_INT 0xfff9ull
#define VALUE_TAG_OBJ 0xfffaull
#define VALUE_TAG_SPECIAL 0xfffbull

#define VALUE_MAKE(tag, payload) (((tag) << 48) | (uint64_t)(payload))
#define VALUE_NONE VALUE_MAKE(VALUE_TAG_SPECIAL, 0)
#define VALUE_FALSE VALUE_MAKE(VALUE_TAG_SPECIAL, 2)
#define VALUE_TRUE VALUE_MAKE(VALUE_TAG_SPECIAL, 3)
/* The NULL marker: an empty local, the slot PUSH_NULL fills, "no value" in C APIs. */
#define VALUE_NULL VALUE_MAKE(VALUE_TAG_SPECIAL, 4)
/* Returned by operations that raised: the exception itself is in the VM. */
#define VALUE_ERROR VALUE_MAKE(VALUE_TAG_SPECIAL, 5)
/* The NotImplemented singleton that binary dunder methods return. */
#define VALUE_NOTIMPLEMENTED VALUE_MAKE(VALUE_TAG_SPECIAL, 6)

#define SMALLINT_MAX ((int64_t)0x7fffffffffff)
#define SMALLINT_MIN (-SMALLINT_MAX - 1)

static inline uint64_t value_tag(Value v) { return v >> 48; }
static inline int value_is_float(Value v) { return v < (VALUE_TAG_INT << 48); }
static inline int value_is_int(Value v) { return value_tag(v) == VALUE_TAG_INT; }
static inline int value_is_obj(Value v) { return value_tag(v) == VALUE_TAG_OBJ; }
static inline int value_is_bool(Value v) { return (v | 1) == VALUE_TRUE; }

static inline double value_as_float(Value v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}

static inline Value value_from_float(double d) {
    Value v;
    if (d != d) return 0x7ff8000000000000ull;
    memcpy(&v, &d, sizeof v);
    return v;
}

static inline int64_t value_as_int(Value v) { return (int64_t)(v << 16) >> 16; }
static inline int smallint_fits(int64_t i) { return i >= SMALLINT_MIN && i <= SMALLINT_MAX; }
/* x * y into *out; 1 if the product overflowed 64 bits. Operands of 32 bits cannot overflow and
 * multiply directly: under WebAssembly, __builtin_mul_overflow on 64-bit operands calls a 128-bit
 * multiplication routine (__multi3). */
static inline int smallint_mul_overflow(int64_t x, int64_t y, int64_t *out) {
    if ((((uint64_t)x + 0x80000000u) | ((uint64_t)y + 0x80000000u)) < 0x100000000u) {
        *out = x * y;
        return 0;
    }
    return __builtin_mul_overflow(x, y, out);
}
static inline Value value_from_int(int64_t i) {
    return VALUE_MAKE(VALUE_TAG_INT, (uint64_t)i & 0xffffffffffffull);
}
static inline Value value_from_bool(int b) { return b ? VALUE_TRUE : VALUE_FALSE; }

/* Copies n values between ranges that do not overlap. Up to eight by hand: compilers turn a copy
 * loop into a call of memcpy, which under WebAssembly is a loop in C, dearer than a few moves. */
static ALWAYS_INLINE void values_copy(Value *dst, const Value *src, size_t n) {
    switch (n) {
    case 8: dst[7] = src[7]; /* fall through */
    case 7: dst[6] = src[6]; /* fall through */
    case 6: dst[5] = src[5]; /* fall through */
    case 5: dst[4] = src[4]; /* fall through */
    case 4: dst[3] = src[3]; /* fall through */
    case 3: dst[2] = src[2]; /* fall through */
    case 2: dst[1] = src[1]; /* fall through */
    case 1: dst[0] = src[0]; /* fall through */
    case 0: break;
    default: memcpy(dst, src, n * sizeof(Value));
    }
}

static inline void *value_as_ptr(Value v) { return (void *)(uintptr_t)(v & 0xffffffffffffull); }
static inline Value value_from_ptr(const void *p) { return VALUE_MAKE(VALUE_TAG_OBJ, (uintptr_t)p); }

#endif
