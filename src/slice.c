/* Slices: making them for BUILD_SLICE, and resolving start, stop and step against a sequence's
 * length (PySlice_GetIndicesEx). */
#include "bigint.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

/* Whether the subscript instruction next_op, about to take a slice as its key (operands[-1] the
 * container, operands[-2] the value for a store), uses it up with no
 * way for anything to keep it or see it: a subscript of an exact list, tuple or str, or a slice
 * assignment of an exact list or tuple to an exact list. These run no Python code (slice_indices
 * reads ints only; the assigned items are copied as they are) and keep no reference to the key. */
static int slice_dies_in(int next_op, const Value *operands) {
    switch (opcode_info[next_op].family) {
    case OP_BINARY_SUBSCR: {
        Type *t = type_of(operands[-1]);
        return t == &type_list || t == &type_tuple || t == &type_str;
    }
    case OP_STORE_SUBSCR: {
        Type *assigned = type_of(operands[-2]);
        return type_of(operands[-1]) == &type_list && (assigned == &type_list || assigned == &type_tuple);
    }
    default: return 0;
    }
}

Value slice_build(VM *vm, Value start, Value stop, Value step, int next_op, const Value *operands) {
    Slice *s;
    if (slice_dies_in(next_op, operands)) {
        s = &vm->scratch_slice;
    } else {
        s = gc_alloc(vm, sizeof(Slice), OBJ_SLICE);
        if (!s) return exc_raise_memory(vm);
    }
    s->start = start;
    s->stop = stop;
    s->step = step;
    return value_from_ptr(s);
}

static int slice_part(VM *vm, Value v, int64_t *out, int64_t dflt) {
    if (v == VALUE_NONE || v == VALUE_NULL) {
        *out = dflt;
        return 1;
    }
    if (!value_is_int(v) && !value_is_bool(v) && !value_is_kind(v, OBJ_BIGINT)) {
        exc_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    if (value_is_int(v)) *out = value_as_int(v);
    else if (value_is_bool(v)) *out = v == VALUE_TRUE;
    /* Big ints are clipped, as CPython's _PyEval_SliceIndex clips to the Py_ssize_t range. */
    else if (!bigint_to_int64(v, out)) *out = bigint_sign(v) < 0 ? -INT64_MAX : INT64_MAX;
    return 1;
}

int slice_indices(VM *vm, Slice *s, int64_t length, int64_t *start, int64_t *stop, int64_t *step,
                  int64_t *slicelength) {
    if (!slice_part(vm, s->step, step, 1)) return 0;
    if (*step == 0) {
        exc_raise(vm, &exc_ValueError, "slice step cannot be zero");
        return 0;
    }
    int64_t lo = *step < 0 ? -1 : 0, hi = *step < 0 ? length - 1 : length;
    if (!slice_part(vm, s->start, start, *step < 0 ? hi : lo)) return 0;
    if (!slice_part(vm, s->stop, stop, *step < 0 ? lo : hi)) return 0;
    if (s->start != VALUE_NONE && s->start != VALUE_NULL) {
        if (*start < 0) *start += length;
        if (*start < lo) *start = lo;
        if (*start > hi) *start = hi;
    }
    if (s->stop != VALUE_NONE && s->stop != VALUE_NULL) {
        if (*stop < 0) *stop += length;
        if (*stop < lo) *stop = lo;
        if (*stop > hi) *stop = hi;
    }
    /* Steps of 1 and -1, nearly every slice, need no division. */
    if (*step == 1) *slicelength = *stop > *start ? *stop - *start : 0;
    else if (*step == -1) *slicelength = *stop < *start ? *start - *stop : 0;
    else if (*step > 0) *slicelength = *stop > *start ? (*stop - *start - 1) / *step + 1 : 0;
    else *slicelength = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    return 1;
}
