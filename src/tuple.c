/* tuple: the object, its slots and its two methods. */
#include <string.h>

#include "containers.h"
#include "vm.h"

Tuple *tuple_new(VM *vm, uint32_t len) {
    Tuple *t = gc_alloc(vm, sizeof(Tuple) + len * sizeof(Value), OBJ_TUPLE);
    if (!t) return NULL;
    t->len = len;
    for (uint32_t i = 0; i < len; i++) t->items[i] = VALUE_NONE;
    return t;
}

Tuple *tuple_from(VM *vm, const Value *items, uint32_t n) {
    Tuple *t = tuple_new(vm, n);
    if (t && n) memcpy(t->items, items, n * sizeof(Value));
    return t;
}

Value tuple_from_iterable(VM *vm, Value iterable) {
    if (value_is_kind(iterable, OBJ_TUPLE)) return iterable;
    Value lv = list_from_iterable(vm, iterable);
    if (lv == VALUE_ERROR) return VALUE_ERROR;
    List *l = value_as_ptr(lv);
    Tuple *t = tuple_from(vm, l->items, l->len);
    return t ? value_from_ptr(t) : exc_raise_memory(vm);
}

static int tuple_repr(VM *vm, Value v, StrBuf *out) {
    Tuple *t = value_as_ptr(v);
    if (t->len == 0) {
        strbuf_puts(out, "()");
        return 1;
    }
    int r = repr_enter(vm, &t->hdr);
    if (r) {
        if (r > 0) strbuf_puts(out, "(...)");
        return r > 0;
    }
    strbuf_putc(out, '(');
    int ok = seq_repr_items(vm, t->items, t->len, out);
    if (t->len == 1) strbuf_putc(out, ',');
    strbuf_putc(out, ')');
    repr_leave(&t->hdr);
    return ok;
}

static Value tuple_compare(VM *vm, int op, Value a, Value b) {
    if (!value_is_kind(a, OBJ_TUPLE) || !value_is_kind(b, OBJ_TUPLE)) return VALUE_NULL;
    return seq_compare(vm, op, a, b);
}

static int64_t tuple_len(VM *vm, Value v) {
    (void)vm;
    return ((Tuple *)value_as_ptr(v))->len;
}

static Value tuple_getitem(VM *vm, Value c, Value key) {
    Tuple *t = value_as_ptr(c);
    if (value_is_kind(key, OBJ_SLICE)) {
        int64_t start, stop, step, n;
        if (!slice_indices(vm, value_as_ptr(key), t->len, &start, &stop, &step, &n)) return VALUE_ERROR;
        if (step == 1 && n == t->len) return c;
        Tuple *r = tuple_new(vm, (uint32_t)n);
        if (!r) return exc_raise_memory(vm);
        for (int64_t i = 0; i < n; i++) r->items[i] = t->items[start + i * step];
        return value_from_ptr(r);
    }
    int64_t i;
    if (!seq_index(vm, key, t->len, "tuple", "tuple", &i)) return VALUE_ERROR;
    return t->items[i];
}

static int tuple_contains(VM *vm, Value c, Value item) {
    Tuple *t = value_as_ptr(c);
    for (uint32_t i = 0; i < t->len; i++) {
        int eq = op_equal(vm, t->items[i], item);
        if (eq) return eq;
    }
    return 0;
}

static int tuple_is_int(Value v) { return value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT); }

static Value tuple_binary(VM *vm, int nb_op, Value a, Value b) {
    int op = nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op;
    if (op == NB_ADD && value_is_kind(a, OBJ_TUPLE)) {
        if (!value_is_kind(b, OBJ_TUPLE)) {
            /* A class on the right may still implement __radd__: leave it its turn. */
            if (value_is_kind(b, OBJ_INSTANCE)) return VALUE_NULL;
            return exc_raise(vm, &exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple", type_of(b)->name);
        }
        Tuple *x = value_as_ptr(a), *y = value_as_ptr(b);
        if (y->len == 0) return a;
        if (x->len == 0) return b;
        Tuple *t = tuple_new(vm, x->len + y->len);
        if (!t) return exc_raise_memory(vm);
        memcpy(t->items, x->items, x->len * sizeof(Value));
        memcpy(t->items + x->len, y->items, y->len * sizeof(Value));
        return value_from_ptr(t);
    }
    if (op == NB_MULTIPLY) {
        if (value_is_kind(a, OBJ_TUPLE) && tuple_is_int(b)) return seq_repeat(vm, a, b, 0);
        if (value_is_kind(b, OBJ_TUPLE) && tuple_is_int(a)) return seq_repeat(vm, b, a, 0);
        Value other = value_is_kind(a, OBJ_TUPLE) ? b : a;
        if (value_is_kind(other, OBJ_INSTANCE)) return VALUE_NULL;
        return exc_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'", type_of(other)->name);
    }
    return VALUE_NULL;
}

static Value tuple_m_index(VM *vm, Value *args, int nargs, Tuple *kw) {
    return seq_index_method(vm, args, nargs, kw, "tuple");
}

static Value tuple_m_count(VM *vm, Value *args, int nargs, Tuple *kw) {
    return seq_count_method(vm, args, nargs, kw, "tuple.count");
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_m_index, CALLKIND_FAST},
    {"count", tuple_m_count, CALLKIND_O},
    {NULL, NULL, 0},
};

static Value tuple_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "tuple() takes no keyword arguments");
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "tuple expected at most 1 argument, got %d", nargs);
    if (nargs == 0) {
        Tuple *t = tuple_new(vm, 0);
        return t ? value_from_ptr(t) : exc_raise_memory(vm);
    }
    return tuple_from_iterable(vm, args[0]);
}

static Value tuple_iter(VM *vm, Value v) { return iter_seq_new(vm, v); }

/* sys.version_info is a struct sequence in CPython: a tuple whose fields are also attributes.
 * Anole has no struct sequence type, so the tuple type answers those attribute names for a
 * tuple shaped like it (five items, the fourth the release level "final"). */
static Value tuple_getattr(VM *vm, Value obj, Str *name) {
    (void)vm;
    Tuple *t = value_as_ptr(obj);
    static const char *const fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    if (t->len != 5 || !value_is_kind(t->items[3], OBJ_STR) || !value_is_int(t->items[0]) ||
        strcmp(((Str *)value_as_ptr(t->items[3]))->data, "final") != 0)
        return VALUE_NULL;
    for (int i = 0; i < 5; i++)
        if (strcmp(name->data, fields[i]) == 0) return t->items[i];
    return VALUE_NULL;
}

void tuple_init_types(void) {
    type_tuple.getattr = tuple_getattr;
    type_tuple.construct = tuple_construct;
    type_tuple.methods = tuple_methods;
    type_tuple.repr = tuple_repr;
    type_tuple.compare = tuple_compare;
    type_tuple.hash = dict_tuple_hash;
    type_tuple.len = tuple_len;
    type_tuple.iter = tuple_iter;
    type_tuple.getitem = tuple_getitem;
    type_tuple.contains = tuple_contains;
    type_tuple.binary = tuple_binary;
}
