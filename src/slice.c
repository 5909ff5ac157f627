/* Slices: making them for BUILD_SLICE, and resolving start, stop and step against a sequence's
 * length (PySlice_GetIndicesEx). */
#include "bigint.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

/* Whether the subscript instruction next_op, about to take a slice as its key (operands[-1] the
 * container, operands[-2] the value for a store), uses it up with no way for anything to keep it
 * or see it: a subscript of a list, tuple or str, or a slice assignment of a list or tuple to a
 * list. These run no Python code (slice_indices reads ints only; the assigned items are copied
 * as they are) and keep no reference to the key. The kinds are the exact types: instances of
 * classes based on them are OBJ_INSTANCE. */
static int slice_dies_in(int next_op, const Value *operands) {
    switch (opcode_info[next_op].family) {
    case OP_BINARY_SUBSCR:
        return value_is_kind(operands[-1], OBJ_LIST) || value_is_kind(operands[-1], OBJ_TUPLE) ||
               value_is_kind(operands[-1], OBJ_STR);
    case OP_STORE_SUBSCR:
        return value_is_kind(operands[-1], OBJ_LIST) &&
               (value_is_kind(operands[-2], OBJ_LIST) || value_is_kind(operands[-2], OBJ_TUPLE));
    default: return 0;
    }
}

/* Out of line, so that slice_build's usual path calls nothing. */
__attribute__((noinline)) Value slice_new(VM *vm, Value start, Value stop, Value step) {
    Slice *s = gc_alloc(vm, sizeof(Slice), OBJ_SLICE);
    if (!s) return exc_raise_memory(vm);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return value_from_ptr(s);
}

Value slice_build(VM *vm, Value start, Value stop, Value step, int next_op, const Value *operands) {
    if (!slice_dies_in(next_op, operands)) return slice_new(vm, start, stop, step);
    vm->scratch_slice.start = start;
    vm->scratch_slice.stop = stop;
    vm->scratch_slice.step = step;
    return value_from_ptr(&vm->scratch_slice);
}

/* A bound that is not None or a small int. */
static int slice_part_other(VM *vm, Value v, int64_t *out) {
    if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else if (!value_is_kind(v, OBJ_BIGINT)) {
        exc_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    /* Big ints are clipped, as CPython's _PyEval_SliceIndex clips to the Py_ssize_t range. */
    else if (!bigint_to_int64(v, out)) *out = bigint_sign(v) < 0 ? -INT64_MAX : INT64_MAX;
    return 1;
}

/* A bound as an integer, dflt for None. Inline: three per subscript, and nearly all are None or
 * small ints. */
static ALWAYS_INLINE int slice_part(VM *vm, Value v, int64_t *out, int64_t dflt) {
    if (v == VALUE_NONE || v == VALUE_NULL) {
        *out = dflt;
        return 1;
    }
    if (value_is_int(v)) {
        *out = value_as_int(v);
        return 1;
    }
    return slice_part_other(vm, v, out);
}

int slice_indices(VM *vm, Slice *s, int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                  int64_t *slicelength) {
    /* In locals, written out at the end: the outputs are int64_t, which may alias the slice's
     * Values as far as the compiler knows, so working through them reloads everything. */
    Value vstart = s->start, vstop = s->stop;
    int64_t st, a, b, n;
    if (!slice_part(vm, s->step, &st, 1)) return 0;
    if (st == 0) {
        exc_raise(vm, &exc_ValueError, "slice step cannot be zero");
        return 0;
    }
    if (st < -INT64_MAX) st = -INT64_MAX;   /* as CPython clips it, so that -st exists */
    int64_t lo = st < 0 ? -1 : 0, hi = st < 0 ? length - 1 : length;
    if (!slice_part(vm, vstart, &a, st < 0 ? hi : lo)) return 0;
    if (!slice_part(vm, vstop, &b, st < 0 ? lo : hi)) return 0;
    if (vstart != VALUE_NONE && vstart != VALUE_NULL) {
        if (a < 0) a += length;
        if (a < lo) a = lo;
        if (a > hi) a = hi;
    }
    if (vstop != VALUE_NONE && vstop != VALUE_NULL) {
        if (b < 0) b += length;
        if (b < lo) b = lo;
        if (b > hi) b = hi;
    }
    /* Steps of 1 and -1, nearly every slice, need no division. */
    if (st == 1) n = b > a ? b - a : 0;
    else if (st == -1) n = b < a ? a - b : 0;
    else if (st > 0) n = b > a ? (b - a - 1) / st + 1 : 0;
    else n = b < a ? (a - b - 1) / (-st) + 1 : 0;
    *start = a;
    *stop = b;
    *step = st;
    *slicelength = n;
    return 1;
}
