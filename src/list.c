/* list: the object, its slots (repr, comparison, indexing and slicing, concatenation) and its
 * methods; sorting is in listsort.c, tuple in tuple.c. Helpers shared by the sequences are here. */
#include <stdlib.h>
#include <string.h>

#include "containers.h"
#include "vm.h"

/* ---- shared sequence helpers ---- */

Value *seq_items(Value v, uint32_t *len) {
    if (value_is_kind(v, OBJ_LIST)) {
        List *l = value_as_ptr(v);
        *len = l->len;
        return l->items;
    }
    if (value_is_kind(v, OBJ_TUPLE)) {
        Tuple *t = value_as_ptr(v);
        *len = t->len;
        return t->items;
    }
    *len = 0;
    return NULL;
}

int seq_as_int(VM *vm, Value v, int64_t *out) {
    if (value_is_int(v)) *out = value_as_int(v);
    else if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else if (value_is_kind(v, OBJ_BIGINT)) return num_as_int64(vm, v, out);
    else {
        exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(v)->name);
        return 0;
    }
    return 1;
}

int seq_index(VM *vm, Value key, int64_t len, const char *what, const char *range_what, int64_t *out) {
    int64_t i;
    if (value_is_int(key)) i = value_as_int(key);
    else if (value_is_bool(key)) i = key == VALUE_TRUE;
    else if (value_is_kind(key, OBJ_BIGINT)) {
        exc_raise(vm, &exc_IndexError, "cannot fit 'int' into an index-sized integer");
        return 0;
    } else {
        exc_raise(vm, &exc_TypeError, "%s indices must be integers or slices, not %s", what, type_of(key)->name);
        return 0;
    }
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        exc_raise(vm, &exc_IndexError, "%s index out of range", range_what);
        return 0;
    }
    *out = i;
    return 1;
}

int seq_repr_items(VM *vm, const Value *items, uint32_t n, StrBuf *out) {
    for (uint32_t i = 0; i < n; i++) {
        if (i) strbuf_puts(out, ", ");
        if (!op_repr_into(vm, items[i], out)) return 0;
    }
    return 1;
}

/* ---- the list object ---- */

List *list_new(VM *vm, uint32_t cap) {
    List *l = gc_alloc(vm, sizeof(List), OBJ_LIST);
    if (!l) return NULL;
    if (cap) {
        l->items = gc_block_alloc(vm, cap * sizeof(Value));
        if (!l->items) return NULL;
        l->cap = cap;
        gc_track_bytes(vm, (long)(cap * sizeof(Value)));
    }
    return l;
}

/* Makes room for `need` items in all. 0 on MemoryError (not raised). */
static int list_reserve(VM *vm, List *l, uint64_t need) {
    if (need <= l->cap) return 1;
    if (need > (1u << 28)) return 0;
    uint64_t cap = l->cap < 4 ? 4 : l->cap + l->cap / 2 + 1;
    if (cap < need) cap = need;
    Value *items = gc_block_realloc(vm, l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    if (!items) return 0;
    gc_track_bytes(vm, (long)((cap - l->cap) * sizeof(Value)));
    l->items = items;
    l->cap = (uint32_t)cap;
    return 1;
}

int list_append(VM *vm, List *l, Value v) {
    if (l->len == l->cap && !list_reserve(vm, l, (uint64_t)l->len + 1)) return 0;
    l->items[l->len++] = v;
    return 1;
}

/* A new list holding n items. */
static Value list_of(VM *vm, const Value *items, uint32_t n) {
    List *l = list_new(vm, n);
    if (!l) return exc_raise_memory(vm);
    values_copy(l->items, items, n);
    l->len = n;
    return value_from_ptr(l);
}

int list_extend(VM *vm, List *l, Value iterable) {
    uint32_t n;
    Value *items = seq_items(iterable, &n);
    if (items) {
        /* l.extend(l) must copy the items as they were, so read them before growing. */
        if (!list_reserve(vm, l, (uint64_t)l->len + n)) {
            exc_raise_memory(vm);
            return 0;
        }
        items = seq_items(iterable, &n);
        if (n) memmove(l->items + l->len, items, n * sizeof(Value));
        l->len += n;
        return 1;
    }
    /* Making the iterator and iterating may run Python code (__iter__, a generator, __next__),
     * during which the collector may run: the list (perhaps just made) must be rooted first. */
    if (!gc_root_push(vm, value_from_ptr(l))) return 0;
    Value it = op_get_iter(vm, iterable);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) {
        gc_root_pop(vm, 1);
        return 0;
    }
    int ok = 1;
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR) ok = 0;
        if (v == VALUE_ERROR || v == VALUE_NULL) break;
        if (!list_append(vm, l, v)) {
            ok = 0;
            exc_raise_memory(vm);
            break;
        }
    }
    gc_root_pop(vm, 2);
    return ok;
}

Value list_from_iterable(VM *vm, Value iterable) {
    List *l = list_new(vm, 0);
    if (!l) return exc_raise_memory(vm);
    return list_extend(vm, l, iterable) ? value_from_ptr(l) : VALUE_ERROR;
}

/* Replaces items [lo, hi) by the n items of src (which must not point into l). */
static int list_replace(VM *vm, List *l, int64_t lo, int64_t hi, const Value *src, uint32_t n) {
    int64_t delta = (int64_t)n - (hi - lo);
    if (delta > 0 && !list_reserve(vm, l, (uint64_t)l->len + (uint64_t)delta)) {
        exc_raise_memory(vm);
        return 0;
    }
    if (delta && l->len > hi) memmove(l->items + hi + delta, l->items + hi, (size_t)(l->len - hi) * sizeof(Value));
    /* src may be l's own items only through a copy (list_assign_source). */
    values_copy(l->items + lo, src, n);
    l->len = (uint32_t)((int64_t)l->len + delta);
    return 1;
}

/* ---- slots ---- */

static int list_repr(VM *vm, Value v, StrBuf *out) {
    List *l = value_as_ptr(v);
    if (l->len == 0) {
        strbuf_puts(out, "[]");
        return 1;
    }
    int r = repr_enter(vm, &l->hdr);
    if (r) {
        if (r > 0) strbuf_puts(out, "[...]");
        return r > 0;
    }
    strbuf_putc(out, '[');
    /* An element's __repr__ may change the list, so the items are fetched afresh each time. */
    int ok = 1;
    for (uint32_t i = 0; ok && i < l->len; i++) {
        if (i) strbuf_puts(out, ", ");
        ok = op_repr_into(vm, l->items[i], out);
    }
    strbuf_putc(out, ']');
    repr_leave(&l->hdr);
    return ok;
}

/* Lexicographic comparison of two lists or two tuples: the first unequal pair decides, else the
 * lengths do. Items are re-fetched after each __eq__, which may mutate a list. */
Value seq_compare(VM *vm, int op, Value a, Value b) {
    uint32_t na, nb;
    int64_t i = 0;
    for (;; i++) {
        Value *xa = seq_items(a, &na), *xb = seq_items(b, &nb);
        if (i >= na || i >= nb) break;
        int eq = op_equal(vm, xa[i], xb[i]);
        if (eq < 0) return VALUE_ERROR;
        if (!eq) break;
    }
    Value *xa = seq_items(a, &na), *xb = seq_items(b, &nb);
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : na > nb;
        static const int table[6][3] = {{1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {1, 0, 1}, {0, 0, 1}, {0, 1, 1}};
        return value_from_bool(table[op][c + 1]);
    }
    if (op == 2) return VALUE_FALSE;
    if (op == 3) return VALUE_TRUE;
    return op_compare(vm, op, xa[i], xb[i]);
}

static Value list_compare(VM *vm, int op, Value a, Value b) {
    if (!value_is_kind(a, OBJ_LIST) || !value_is_kind(b, OBJ_LIST)) return VALUE_NULL;
    return seq_compare(vm, op, a, b);
}

static int64_t list_len(VM *vm, Value v) {
    (void)vm;
    return ((List *)value_as_ptr(v))->len;
}

static Value list_getitem(VM *vm, Value c, Value key) {
    List *l = value_as_ptr(c);
    if (value_is_kind(key, OBJ_SLICE)) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, value_as_ptr(key), l->len, &start, &stop, &step, &n)) return VALUE_ERROR;
        if (step == 1) return list_of(vm, l->items + start, (uint32_t)n);
        List *r = list_new(vm, (uint32_t)n);
        if (!r) return exc_raise_memory(vm);
        for (int64_t i = 0; i < n; i++) r->items[i] = l->items[start + i * step];
        r->len = (uint32_t)n;
        return value_from_ptr(r);
    }
    int64_t i;
    if (!seq_index(vm, key, l->len, "list", "list", &i)) return VALUE_ERROR;
    return l->items[i];
}

/* The items to assign to a slice of l: a tuple or another list as it is (copying them runs no
 * Python code, so nothing changes them meanwhile), a copy of l itself (l[:] = l), anything else
 * iterated into a fresh list. Returns the list or tuple, or VALUE_ERROR. */
static Value list_assign_source(VM *vm, List *l, Value value, const char *not_iterable) {
    if (value_is_kind(value, OBJ_TUPLE)) return value;
    if (value_is_kind(value, OBJ_LIST)) {
        List *src = value_as_ptr(value);
        return src == l ? list_of(vm, src->items, src->len) : value;
    }
    /* As PySequence_Fast: __iter__ once (a TypeError there gets the slice's wording), then the
     * items of that iterator. */
    Value it = op_get_iter(vm, value);
    if (it == VALUE_ERROR) {
        if (op_exc_is(vm, &exc_TypeError)) {
            vm->exc = VALUE_NULL;
            exc_raise(vm, &exc_TypeError, "%s", not_iterable);
        }
        return VALUE_ERROR;
    }
    return list_from_iterable(vm, it);
}

static Value list_setslice(VM *vm, List *l, Slice *s, Value value) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, s, l->len, &start, &stop, &step, &n)) return VALUE_ERROR;
    if (step == 1) {
        uint32_t m = 0;
        Value *src = NULL, srcv = VALUE_NULL;
        if (value != VALUE_NULL) {
            srcv = list_assign_source(vm, l, value, "can only assign an iterable");
            if (srcv == VALUE_ERROR) return VALUE_ERROR;
            src = seq_items(srcv, &m);
        }
        /* The source may have run Python code: take the bounds against the current length. */
        if (start > l->len) start = l->len;
        if (start + n > l->len) n = l->len - start;
        return list_replace(vm, l, start, start + n, src, m) ? VALUE_NONE : VALUE_ERROR;
    }
    if (value == VALUE_NULL) {
        /* Walk the deleted positions upwards and close the gaps as we go. */
        if (n == 0) return VALUE_NONE;
        if (step < 0) {
            start += step * (n - 1);
            step = -step;
        }
        int64_t w = start;
        for (int64_t r = start; r < l->len; r++)
            if (!(r < start + step * n && (r - start) % step == 0)) l->items[w++] = l->items[r];
        l->len = (uint32_t)w;
        return VALUE_NONE;
    }
    Value srcv = list_assign_source(vm, l, value, "must assign iterable to extended slice");
    if (srcv == VALUE_ERROR) return VALUE_ERROR;
    uint32_t m;
    Value *src = seq_items(srcv, &m);
    if ((int64_t)m != n)
        return exc_raise(vm, &exc_ValueError, "attempt to assign sequence of size %u to extended slice of size %lld",
                         m, (long long)n);
    if (n > 0 && start + step * (n - 1) >= l->len) return exc_raise(vm, &exc_IndexError, "list index out of range");
    for (int64_t i = 0; i < n; i++) l->items[start + i * step] = src[i];
    return VALUE_NONE;
}

static Value list_setitem(VM *vm, Value c, Value key, Value value) {
    List *l = value_as_ptr(c);
    if (value_is_kind(key, OBJ_SLICE)) return list_setslice(vm, l, value_as_ptr(key), value);
    int64_t i;
    if (!seq_index(vm, key, l->len, "list", "list assignment", &i)) return VALUE_ERROR;
    if (value != VALUE_NULL) {
        l->items[i] = value;
        return VALUE_NONE;
    }
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    return VALUE_NONE;
}

static int list_contains(VM *vm, Value c, Value item) {
    List *l = value_as_ptr(c);
    for (uint32_t i = 0; i < l->len; i++) {
        int eq = op_equal(vm, l->items[i], item);
        if (eq) return eq;
    }
    return 0;
}

/* seq * n for a list or tuple; n may be on either side. */
Value seq_repeat(VM *vm, Value seq, Value count, int in_place) {
    int64_t n;
    if (!seq_as_int(vm, count, &n)) {
        vm->exc = VALUE_NULL;
        return exc_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    if (n < 0) n = 0;
    uint32_t len;
    Value *items = seq_items(seq, &len);
    if (len && (uint64_t)n * len > (1u << 28)) return exc_raise_memory(vm);
    uint32_t total = (uint32_t)(n * len);
    if (in_place) {
        List *l = value_as_ptr(seq);
        if (!list_reserve(vm, l, total)) return exc_raise_memory(vm);
        for (uint32_t i = len; i < total; i++) l->items[i] = l->items[i % len];
        l->len = total;
        return seq;
    }
    if (value_is_kind(seq, OBJ_TUPLE)) {
        if (n == 1) return seq;
        Tuple *t = tuple_new(vm, total);
        if (!t) return exc_raise_memory(vm);
        for (uint32_t i = 0; i < total; i++) t->items[i] = items[i % len];
        return value_from_ptr(t);
    }
    List *r = list_new(vm, total);
    if (!r) return exc_raise_memory(vm);
    for (uint32_t i = 0; i < total; i++) r->items[i] = items[i % len];
    r->len = total;
    return value_from_ptr(r);
}

static int list_is_int(Value v) { return value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT); }

static Value list_binary(VM *vm, int nb_op, Value a, Value b) {
    int in_place = nb_op >= NB_INPLACE;
    int op = in_place ? nb_op - NB_INPLACE : nb_op;
    if (op == NB_ADD && value_is_kind(a, OBJ_LIST)) {
        if (in_place) return list_extend(vm, value_as_ptr(a), b) ? a : VALUE_ERROR;
        if (!value_is_kind(b, OBJ_LIST)) return VALUE_NULL;
        List *x = value_as_ptr(a), *y = value_as_ptr(b);
        List *l = list_new(vm, x->len + y->len);
        if (!l) return exc_raise_memory(vm);
        if (x->len) memcpy(l->items, x->items, x->len * sizeof(Value));
        if (y->len) memcpy(l->items + x->len, y->items, y->len * sizeof(Value));
        l->len = x->len + y->len;
        return value_from_ptr(l);
    }
    if (op == NB_MULTIPLY) {
        if (value_is_kind(a, OBJ_LIST) && list_is_int(b)) return seq_repeat(vm, a, b, in_place);
        if (value_is_kind(b, OBJ_LIST) && list_is_int(a)) return seq_repeat(vm, b, a, 0);
    }
    return VALUE_NULL;
}

/* ---- methods (args[0] is the list) ---- */

#define LIST_SELF ((List *)value_as_ptr(args[0]))

Value list_method_append(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "list.append", nargs - 1, kw)) return VALUE_ERROR;
    return list_append(vm, LIST_SELF, args[1]) ? VALUE_NONE : exc_raise_memory(vm);
}

static Value list_m_extend(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "list.extend", nargs - 1, kw)) return VALUE_ERROR;
    return list_extend(vm, LIST_SELF, args[1]) ? VALUE_NONE : VALUE_ERROR;
}

static Value list_m_insert(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_range(vm, "insert", nargs - 1, 2, 2, kw)) return VALUE_ERROR;
    List *l = LIST_SELF;
    int64_t i;
    if (!seq_as_int(vm, args[1], &i)) return VALUE_ERROR;
    if (i < 0) i += l->len;
    if (i < 0) i = 0;
    if (i > l->len) i = l->len;
    return list_replace(vm, l, i, i, &args[2], 1) ? VALUE_NONE : VALUE_ERROR;
}

static Value list_m_pop(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_range(vm, "pop", nargs - 1, 0, 1, kw)) return VALUE_ERROR;
    List *l = LIST_SELF;
    int64_t i = -1;
    if (nargs > 1 && !seq_as_int(vm, args[1], &i)) return VALUE_ERROR;
    if (l->len == 0) return exc_raise(vm, &exc_IndexError, "pop from empty list");
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return exc_raise(vm, &exc_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    return v;
}

static Value list_m_remove(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "list.remove", nargs - 1, kw)) return VALUE_ERROR;
    List *l = LIST_SELF;
    for (uint32_t i = 0; i < l->len; i++) {
        int eq = op_equal(vm, l->items[i], args[1]);
        if (eq < 0) return VALUE_ERROR;
        if (eq && i < l->len) {
            memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
            l->len--;
            return VALUE_NONE;
        }
    }
    return exc_raise(vm, &exc_ValueError, "list.remove(x): x not in list");
}

/* The start/stop arguments of index(): clamped like slice bounds. */
static int list_bounds(VM *vm, Value *args, int nargs, int64_t len, int64_t *lo, int64_t *hi) {
    *lo = 0;
    *hi = len;
    if (nargs > 0 && !seq_as_int(vm, args[0], lo)) return 0;
    if (nargs > 1 && !seq_as_int(vm, args[1], hi)) return 0;
    if (*lo < 0 && (*lo += len) < 0) *lo = 0;
    if (*hi < 0 && (*hi += len) < 0) *hi = 0;
    return 1;
}

/* index(x[, start[, stop]]) for lists and tuples. */
Value seq_index_method(VM *vm, Value *args, int nargs, Tuple *kw, const char *what) {
    if (!methargs_range(vm, "index", nargs - 1, 1, 3, kw)) return VALUE_ERROR;
    uint32_t n;
    seq_items(args[0], &n);
    int64_t lo, hi;
    if (!list_bounds(vm, args + 2, nargs - 2, n, &lo, &hi)) return VALUE_ERROR;
    for (int64_t i = lo; i < hi; i++) {
        Value *items = seq_items(args[0], &n);
        if (i >= n) break;
        int eq = op_equal(vm, items[i], args[1]);
        if (eq < 0) return VALUE_ERROR;
        if (eq) return value_from_int(i);
    }
    if (value_is_kind(args[0], OBJ_TUPLE)) return exc_raise(vm, &exc_ValueError, "tuple.index(x): x not in tuple");
    StrBuf b;
    strbuf_init(&b);
    int ok = op_repr_into(vm, args[1], &b);
    Value r = ok ? exc_raise(vm, &exc_ValueError, "%s is not in %s", strbuf_cstr(&b), what) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}

Value seq_count_method(VM *vm, Value *args, int nargs, Tuple *kw, const char *qualname) {
    if (!methargs_one(vm, qualname, nargs - 1, kw)) return VALUE_ERROR;
    int64_t count = 0;
    uint32_t n;
    for (uint32_t i = 0;; i++) {
        Value *items = seq_items(args[0], &n);
        if (i >= n) break;
        int eq = op_equal(vm, items[i], args[1]);
        if (eq < 0) return VALUE_ERROR;
        count += eq;
    }
    return value_from_int(count);
}

static Value list_m_index(VM *vm, Value *args, int nargs, Tuple *kw) {
    return seq_index_method(vm, args, nargs, kw, "list");
}

static Value list_m_count(VM *vm, Value *args, int nargs, Tuple *kw) {
    return seq_count_method(vm, args, nargs, kw, "list.count");
}

static Value list_m_reverse(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "list.reverse", nargs - 1, kw)) return VALUE_ERROR;
    List *l = LIST_SELF;
    for (uint32_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return VALUE_NONE;
}

static Value list_m_copy(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "list.copy", nargs - 1, kw)) return VALUE_ERROR;
    return list_of(vm, LIST_SELF->items, LIST_SELF->len);
}

static Value list_m_clear(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "list.clear", nargs - 1, kw)) return VALUE_ERROR;
    LIST_SELF->len = 0;
    return VALUE_NONE;
}

static Value list_m_sort(VM *vm, Value *args, int nargs, Tuple *kw) {
    static const char *const params[] = {"key", "reverse"};
    Value opt[2];
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "sort() takes no positional arguments");
    if (!args_bind(vm, "sort", args + 1, 0, kw, params, 2, 0, opt)) return VALUE_ERROR;
    int reverse = 0;
    if (opt[1] != VALUE_NULL) {
        int64_t r;
        if (!seq_as_int(vm, opt[1], &r)) return VALUE_ERROR;
        reverse = r != 0;
    }
    Value key = opt[0] == VALUE_NULL ? VALUE_NONE : opt[0];
    return list_sort(vm, LIST_SELF, key, reverse) ? VALUE_NONE : VALUE_ERROR;
}

static Value list_m_reversed(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "list.__reversed__", nargs - 1, kw)) return VALUE_ERROR;
    return iter_seq_reversed(vm, args[0]);
}

static const MethodDef list_methods[] = {
    {"append", list_method_append, CALLKIND_O},
    {"extend", list_m_extend, CALLKIND_O},
    {"insert", list_m_insert, CALLKIND_FAST},
    {"pop", list_m_pop, CALLKIND_FAST},
    {"remove", list_m_remove, CALLKIND_O},
    {"index", list_m_index, CALLKIND_FAST},
    {"count", list_m_count, CALLKIND_O},
    {"sort", list_m_sort, CALLKIND_FAST_WITH_KEYWORDS},
    {"reverse", list_m_reverse, CALLKIND_NOARGS},
    {"copy", list_m_copy, CALLKIND_NOARGS},
    {"clear", list_m_clear, CALLKIND_NOARGS},
    {"__reversed__", list_m_reversed, CALLKIND_NOARGS_PENDING},
    {NULL, NULL, 0},
};

static Value list_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "list() takes no keyword arguments");
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "list expected at most 1 argument, got %d", nargs);
    if (nargs == 0) {
        List *l = list_new(vm, 0);
        return l ? value_from_ptr(l) : exc_raise_memory(vm);
    }
    return list_from_iterable(vm, args[0]);
}

static Value list_iter(VM *vm, Value v) { return iter_seq_new(vm, v); }

void list_init_types(void) {
    type_list.construct = list_construct;
    type_list.methods = list_methods;
    type_list.repr = list_repr;
    type_list.compare = list_compare;
    type_list.len = list_len;
    type_list.iter = list_iter;
    type_list.getitem = list_getitem;
    type_list.setitem = list_setitem;
    type_list.contains = list_contains;
    type_list.binary = list_binary;
    tuple_init_types();
}
