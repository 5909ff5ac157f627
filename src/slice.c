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

/* A bound that is not None or a small int (slice_part's rare case). */
int slice_part_other(VM *vm, Value v, int64_t *out) {
    if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else if (!value_is_kind(v, OBJ_BIGINT)) {
        exc_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    /* Big ints are clipped, as CPython's _PyEval_SliceIndex clips to the Py_ssize_t range. */
    else if (!bigint_to_int64(v, out)) *out = bigint_sign(v) < 0 ? -INT64_MAX : INT64_MAX;
    return 1;
}

int slice_step_zero(VM *vm) {
    exc_raise(vm, &exc_ValueError, "slice step cannot be zero");
    return 0;
}
