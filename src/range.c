/* range: the object, its slots (len, indexing and slicing, `in`, ==, hash), its iterator and
 * reversed iterator, and its methods. Bounds are 64-bit C integers. */
#include <string.h>

#include "bigint.h"
#include "containers.h"
#include "vm.h"

Type range_iter_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "range_iterator", .base = &type_object};
/* The iterator of a range whose values do not all fit a small int: the same state, values made as
 * big ints where needed (CPython's longrangeiterator). */
static Type range_big_iter_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "range_iterator", .base = &type_object};

static int64_t range_length(const Range *r) {
    /* The common step needs no 64-bit division (a slow one under WebAssembly). */
    if (r->step == 1) return r->start < r->stop ? (int64_t)((uint64_t)r->stop - (uint64_t)r->start) : 0;
    if (r->step > 0 && r->start < r->stop) return (int64_t)(((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1);
    if (r->step < 0 && r->start > r->stop)
        return (int64_t)(((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1);
    return 0;
}

static Range *range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
    Range *r = gc_alloc(vm, sizeof(Range), OBJ_RANGE);
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return r;
}

static Value range_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "range() takes no keyword arguments");
    if (nargs == 0) return exc_raise(vm, &exc_TypeError, "range expected at least 1 argument, got 0");
    if (nargs > 3) return exc_raise(vm, &exc_TypeError, "range expected at most 3 arguments, got %d", nargs);
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!seq_as_int(vm, args[i], &v[i])) return VALUE_ERROR;
    if (nargs == 3 && v[2] == 0) return exc_raise(vm, &exc_ValueError, "range() arg 3 must not be zero");
    Range *r = nargs == 1 ? range_new(vm, 0, v[0], 1) : range_new(vm, v[0], v[1], v[2]);
    return r ? value_from_ptr(r) : exc_raise_memory(vm);
}

/* Value i of the range from start by step (0 <= i < its length): it fits an int64, but i * step
 * on the way may not, so the arithmetic is modulo 2**64. */
static int64_t range_nth(int64_t start, int64_t step, int64_t i) {
    return (int64_t)((uint64_t)start + (uint64_t)i * (uint64_t)step);
}
static int64_t range_at(const Range *r, int64_t i) { return range_nth(r->start, r->step, i); }

static int range_repr(VM *vm, Value v, StrBuf *out) {
    (void)vm;
    Range *r = value_as_ptr(v);
    if (r->step == 1) strbuf_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else strbuf_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
    return 1;
}

static int64_t range_len(VM *vm, Value v) {
    int64_t n = range_length(value_as_ptr(v));
    /* A length of 2**63 or more wrapped around: CPython's len() cannot return it either. */
    if (n < 0) exc_raise(vm, &exc_OverflowError, "Python int too large to convert to C ssize_t");
    return n;
}

static Value range_getitem(VM *vm, Value c, Value key) {
    Range *r = value_as_ptr(c);
    int64_t n = range_length(r);
    if (value_is_kind(key, OBJ_SLICE)) {
        int64_t start, stop, step, len;
        if (!slice_indices(vm, value_as_ptr(key), n, &start, &stop, &step, &len)) return VALUE_ERROR;
        Range *s = range_new(vm, r->start + start * r->step, r->start + stop * r->step, r->step * step);
        return s ? value_from_ptr(s) : exc_raise_memory(vm);
    }
    int64_t i;
    if (!seq_index(vm, key, n, "range", "range object", &i)) return VALUE_ERROR;
    return bigint_from_i128(vm, range_at(r, i));
}

/* Whether the int x is one of r's values. */
static int range_has_int(const Range *r, int64_t x) {
    int in = r->step > 0 ? (x >= r->start && x < r->stop) : (x <= r->start && x > r->stop);
    return in && (x - r->start) % r->step == 0;
}

static int range_contains(VM *vm, Value c, Value item) {
    Range *r = value_as_ptr(c);
    if (value_is_int(item)) return range_has_int(r, value_as_int(item));
    if (value_is_bool(item)) return range_has_int(r, item == VALUE_TRUE);
    /* Other values (2.0, objects with __eq__) are compared with each element, as CPython does. */
    int64_t n = range_length(r);
    for (int64_t i = 0; i < n; i++) {
        Value x = bigint_from_i128(vm, range_at(r, i));
        if (x == VALUE_ERROR) return -1;
        int eq = op_equal(vm, x, item);
        if (eq) return eq;
    }
    return 0;
}

static Value range_compare(VM *vm, int op, Value a, Value b) {
    (void)vm;
    if ((op != 2 && op != 3) || !value_is_kind(a, OBJ_RANGE) || !value_is_kind(b, OBJ_RANGE)) return VALUE_NULL;
    Range *x = value_as_ptr(a), *y = value_as_ptr(b);
    int64_t n = range_length(x);
    int eq = n == range_length(y) && (n == 0 || (x->start == y->start && (n == 1 || x->step == y->step)));
    return value_from_bool(op == 2 ? eq : !eq);
}

/* hash((len, start, step)) with None for what does not matter, as CPython's range_hash. */
static int range_hash(VM *vm, Value v, uint64_t *out) {
    Range *r = value_as_ptr(v);
    int64_t n = range_length(r);
    Tuple *t = tuple_new(vm, 3);
    if (!t) {
        exc_raise_memory(vm);
        return 0;
    }
    t->items[0] = bigint_from_i128(vm, n);
    if (n > 0) t->items[1] = bigint_from_i128(vm, r->start);
    if (n > 1) t->items[2] = bigint_from_i128(vm, r->step);
    for (int i = 0; i < 3; i++)
        if (t->items[i] == VALUE_ERROR) return 0;
    return dict_hash(vm, value_from_ptr(t), out);
}

static Value range_getattr(VM *vm, Value obj, Str *name) {
    Range *r = value_as_ptr(obj);
    if (strcmp(name->data, "start") == 0) return bigint_from_i128(vm, r->start);
    if (strcmp(name->data, "stop") == 0) return bigint_from_i128(vm, r->stop);
    if (strcmp(name->data, "step") == 0) return bigint_from_i128(vm, r->step);
    return VALUE_NULL;
}

/* The iterator: n[0] the next value, n[1] how many are left, n[2] the step. Arithmetic on the
 * values is modulo 2**64, exact for every value the range has (they fit an int64). */
static Value range_iter_from(VM *vm, int64_t first, int64_t count, int64_t step) {
    int small = smallint_fits(first) && smallint_fits(range_nth(first, step, count > 0 ? count - 1 : 0));
    IterObj *it = iter_new(vm, small ? &range_iter_type : &range_big_iter_type);
    if (!it) return exc_raise_memory(vm);
    it->n[0] = first;
    it->n[1] = count;
    it->n[2] = step;
    return value_from_ptr(it);
}

static Value range_iter(VM *vm, Value v) {
    Range *r = value_as_ptr(v);
    return range_iter_from(vm, r->start, range_length(r), r->step);
}

Value range_reversed(VM *vm, Value v) {
    Range *r = value_as_ptr(v);
    int64_t n = range_length(r);
    return range_iter_from(vm, range_at(r, n > 0 ? n - 1 : 0), n, (int64_t)(0 - (uint64_t)r->step));
}

static Value range_iter_next(VM *vm, Value itv) {
    (void)vm;
    return range_iter_step(value_as_ptr(itv));
}

static Value range_big_iter_next(VM *vm, Value itv) {
    IterObj *it = value_as_ptr(itv);
    if (it->n[1] <= 0) return VALUE_NULL;
    int64_t v = it->n[0];
    it->n[0] = (int64_t)((uint64_t)it->n[0] + (uint64_t)it->n[2]);
    it->n[1]--;
    return bigint_from_i128(vm, v);   /* a small int when it fits */
}

static Value range_m_count(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "range.count", nargs - 1, kw)) return VALUE_ERROR;
    Range *r = value_as_ptr(args[0]);
    if (value_is_int(args[1]) || value_is_bool(args[1])) {
        int64_t x = value_is_int(args[1]) ? value_as_int(args[1]) : args[1] == VALUE_TRUE;
        return value_from_int(range_has_int(r, x));
    }
    int64_t n = range_length(r), count = 0;
    for (int64_t i = 0; i < n; i++) {
        Value x = bigint_from_i128(vm, range_at(r, i));
        int eq = x == VALUE_ERROR ? -1 : op_equal(vm, x, args[1]);
        if (eq < 0) return VALUE_ERROR;
        count += eq;
    }
    return value_from_int(count);
}

static Value range_m_index(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "range.index", nargs - 1, kw)) return VALUE_ERROR;
    Range *r = value_as_ptr(args[0]);
    if (value_is_int(args[1]) || value_is_bool(args[1])) {
        int64_t x = value_is_int(args[1]) ? value_as_int(args[1]) : args[1] == VALUE_TRUE;
        if (range_has_int(r, x)) {
            /* The distance and the step's size, which fit a uint64 even where their int64s overflow. */
            uint64_t dist = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
            uint64_t size = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
            return bigint_from_i128(vm, (int64_t)(dist / size));
        }
        return exc_raise(vm, &exc_ValueError, "%lld is not in range", (long long)x);
    }
    int64_t n = range_length(r);
    for (int64_t i = 0; i < n; i++) {
        Value x = bigint_from_i128(vm, range_at(r, i));
        int eq = x == VALUE_ERROR ? -1 : op_equal(vm, x, args[1]);
        if (eq < 0) return VALUE_ERROR;
        if (eq) return bigint_from_i128(vm, i);
    }
    return exc_raise(vm, &exc_ValueError, "sequence.index(x): x not in sequence");
}

static Value range_m_reversed(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "range.__reversed__", nargs - 1, kw)) return VALUE_ERROR;
    return range_reversed(vm, args[0]);
}

static const MethodDef range_methods[] = {
    {"count", range_m_count, CALLKIND_O},
    {"index", range_m_index, CALLKIND_O},
    {"__reversed__", range_m_reversed, CALLKIND_NOARGS_PENDING},
    {NULL, NULL, 0},
};

void range_init_types(void) {
    type_range.construct = range_construct;
    type_range.methods = range_methods;
    type_range.repr = range_repr;
    type_range.len = range_len;
    type_range.getitem = range_getitem;
    type_range.contains = range_contains;
    type_range.compare = range_compare;
    type_range.hash = range_hash;
    type_range.iter = range_iter;
    type_range.getattr = range_getattr;
    range_iter_type.iter = iter_self;
    range_iter_type.next = range_iter_next;
    range_big_iter_type.iter = iter_self;
    range_big_iter_type.next = range_big_iter_next;
}
