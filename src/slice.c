/* Slices: resolving start, stop and step against a sequence's length (PySlice_GetIndicesEx). */
#include "runtime.h"
#include "vm.h"

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
    else *out = value_is_kind(v, OBJ_BIGINT) ? (num_as_int64(vm, v, out) ? *out : 0) : 0;
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
