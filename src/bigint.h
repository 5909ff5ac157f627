/* Arbitrary-precision ints: the heap representation of every int that does not fit the 48-bit
 * small ints of value.h, and the arithmetic num.c builds Python's int semantics on.
 *
 * A value is a small int exactly when it fits 48 bits: every function here that returns an int
 * normalizes its result, so a BigInt is never zero and never small enough to be a small int.
 * The functions take "exact ints" (small ints, bools and BigInts) and return VALUE_ERROR with the
 * exception set in the VM when they fail (MemoryError, OverflowError). */
#ifndef ANOLE_BIGINT_H
#define ANOLE_BIGINT_H

#include <stdint.h>

#include "runtime.h"

typedef struct BigInt {
    Obj hdr;
    int32_t size;        /* digit count, negative for a negative int */
    uint32_t digits[];   /* the magnitude in base 2**32, least significant first, top digit != 0 */
} BigInt;

Value bigint_from_i128(VM *vm, __int128 v);
/* The integer part of a finite double, exactly. */
Value bigint_from_double(VM *vm, double d);
/* Correctly rounded, half to even; OverflowError "int too large to convert to float". */
int bigint_to_double(VM *vm, Value v, double *out);
/* 0 when the int does not fit an int64_t (no exception is set). */
int bigint_to_int64(Value v, int64_t *out);

Value bigint_add(VM *vm, Value a, Value b);
Value bigint_sub(VM *vm, Value a, Value b);
Value bigint_mul(VM *vm, Value a, Value b);
/* Floor division and the matching modulo (sign of b); either output may be NULL. b != 0. */
int bigint_divmod(VM *vm, Value a, Value b, Value *q, Value *r);
/* a / b correctly rounded as CPython's long_true_divide; b != 0. */
Value bigint_true_divide(VM *vm, Value a, Value b);
/* a ** b for b >= 0. */
Value bigint_pow(VM *vm, Value a, Value b);
Value bigint_lshift(VM *vm, Value a, int64_t n);   /* n >= 0 */
Value bigint_rshift(VM *vm, Value a, int64_t n);   /* n >= 0, floors */
/* op is '&', '|' or '^', with two's complement semantics for negative operands. */
Value bigint_bitwise(VM *vm, int op, Value a, Value b);
Value bigint_negate(VM *vm, Value a);
Value bigint_abs(VM *vm, Value a);
Value bigint_invert(VM *vm, Value a);

int bigint_sign(Value a);                          /* -1, 0 or 1 */
int bigint_compare(Value a, Value b);              /* -1, 0 or 1 */
/* Exact comparison with a finite double, as CPython's float_richcompare. */
int bigint_compare_double(Value a, double d);
int64_t bigint_bit_length(Value a);
int bigint_is_odd(Value a);

/* Appends the digits in base 2, 8, 10 or 16, with '-' for negatives and no prefix. Base 10
 * enforces CPython's limit of 4300 digits (ValueError). 0 on error. */
int bigint_to_base(VM *vm, Value v, int base, StrBuf *out);
/* The int spelled by n characters of digits in base 2..36 (already validated; '_' skipped). */
Value bigint_from_digits(VM *vm, const char *s, size_t n, int base, int neg);

/* hash(n) as CPython: n mod (2**61 - 1) with n's sign, and -1 becomes -2. */
int64_t bigint_hash(Value v);

/* num.c helpers that builtins_num.c shares (not part of the runtime's API). */
/* divmod(a, b) of two numbers into *q and *r: VALUE_NONE, VALUE_ERROR, or VALUE_NULL when either
 * operand is not a number. */
Value num_divmod(VM *vm, Value a, Value b, Value *q, Value *r);
/* int(d): truncation towards zero; ValueError for NaN, OverflowError for infinities. */
Value num_float_to_int(VM *vm, double d);

#endif
