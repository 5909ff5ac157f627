/* The builtins over iterables: the classes enumerate, zip, map, filter and reversed (static types
 * whose `construct` makes an IterObj), and the functions iter, next, sorted, min, max, sum, any
 * and all. Everything C holds across a call back into Python (an iterator, a partial result) is
 * rooted: a list used as a small holder keeps several values alive with one root. */
#include <string.h>

#include "bigint.h"
#include "containers.h"
#include "generator.h"
#include "vm.h"

#define BI_TYPE(var, pyname) \
    Type var = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = pyname, .base = &type_object};

BI_TYPE(type_enumerate, "enumerate")
BI_TYPE(type_zip, "zip")
BI_TYPE(type_map, "map")
BI_TYPE(type_filter, "filter")
BI_TYPE(type_reversed, "reversed")
static BI_TYPE(bi_callable_iter_type, "callable_iterator")

static int bi_no_keywords(VM *vm, const char *name, Tuple *kwnames) {
    if (!kwnames || kwnames->len == 0) return 1;
    exc_raise(vm, &exc_TypeError, "%s() takes no keyword arguments", name);
    return 0;
}

/* A tuple of iter(x) for each of the n values. */
static Value bi_iterators(VM *vm, Value *args, int n) {
    Tuple *t = tuple_new(vm, (uint32_t)n);
    if (!t) return exc_raise_memory(vm);
    if (!gc_root_push(vm, value_from_ptr(t))) return VALUE_ERROR;
    Value r = value_from_ptr(t);
    for (int i = 0; i < n; i++) {
        Value it = op_get_iter(vm, args[i]);
        if (it == VALUE_ERROR) {
            r = VALUE_ERROR;
            break;
        }
        t->items[i] = it;
    }
    gc_root_pop(vm, 1);
    return r;
}

/* ---- enumerate: v[0] the iterator, n[0] the next count ---- */

static Value bi_enumerate_new(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"iterable", "start"};
    Value a[2];
    if (!args_bind(vm, "enumerate", args, nargs, kwnames, params, 2, 1, a)) return VALUE_ERROR;
    /* The count is an int of any size, kept as a Value (v[1]). */
    Value count = value_from_int(0);
    if (a[1] != VALUE_NULL) {
        int64_t start;
        if (value_is_kind(a[1], OBJ_BIGINT)) count = a[1];
        else if (!seq_as_int(vm, a[1], &start)) return VALUE_ERROR;
        else count = bigint_from_i128(vm, start);   /* a small int when it fits */
        if (count == VALUE_ERROR) return VALUE_ERROR;
    }
    Value it = op_get_iter(vm, a[0]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    IterObj *e = iter_new(vm, &type_enumerate);
    if (!e) return exc_raise_memory(vm);
    e->v[0] = it;
    e->v[1] = count;
    return value_from_ptr(e);
}

static Value bi_enumerate_next(VM *vm, Value self) {
    IterObj *e = value_as_ptr(self);
    Value item = op_iter_next(vm, e->v[0]);
    if (item == VALUE_ERROR || item == VALUE_NULL) return item;
    Value count = e->v[1];
    Value next = value_is_int(count) && value_as_int(count) < SMALLINT_MAX ? value_from_int(value_as_int(count) + 1)
                                                                          : op_binary(vm, NB_ADD, count, value_from_int(1));
    if (next == VALUE_ERROR) return VALUE_ERROR;
    e->v[1] = next;
    Value pair[2] = {count, item};
    Tuple *t = tuple_from(vm, pair, 2);
    return t ? value_from_ptr(t) : exc_raise_memory(vm);
}

/* ---- zip: v[0] a tuple of the iterators, n[0] 1 for strict=True ---- */

static Value bi_zip_new(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    int strict = 0;
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        if (strcmp(name->data, "strict") != 0)
            return exc_raise(vm, &exc_TypeError, "zip() got an unexpected keyword argument '%s'", name->data);
        strict = op_truthy(vm, args[nargs + (int)k]);
        if (strict < 0) return VALUE_ERROR;
    }
    Value its = bi_iterators(vm, args, nargs);
    if (its == VALUE_ERROR) return VALUE_ERROR;
    IterObj *z = iter_new(vm, &type_zip);
    if (!z) return exc_raise_memory(vm);
    z->v[0] = its;
    z->n[0] = strict;
    return value_from_ptr(z);
}

static Value bi_zip_next(VM *vm, Value self) {
    IterObj *z = value_as_ptr(self);
    if (z->v[0] == VALUE_NULL) return VALUE_NULL;
    Tuple *its = value_as_ptr(z->v[0]);
    if (its->len == 0) return VALUE_NULL;
    Tuple *t = tuple_new(vm, its->len);
    if (!t) return exc_raise_memory(vm);
    if (!gc_root_push(vm, value_from_ptr(t))) return VALUE_ERROR;
    Value r = value_from_ptr(t);
    for (uint32_t i = 0; i < its->len; i++) {
        Value v = op_iter_next(vm, its->items[i]);
        if (v == VALUE_ERROR) {
            r = VALUE_ERROR;
            break;
        }
        if (v != VALUE_NULL) {
            t->items[i] = v;
            continue;
        }
        r = VALUE_NULL;
        if (z->n[0] && i > 0) {
            r = exc_raise(vm, &exc_ValueError, "zip() argument %u is shorter than argument%s%u", i + 1,
                          i == 1 ? " " : "s 1-", i);
        } else if (z->n[0]) {
            /* The first ran out: every other one must be exhausted too. */
            for (uint32_t j = 1; j < its->len && r == VALUE_NULL; j++) {
                Value w = op_iter_next(vm, its->items[j]);
                if (w == VALUE_ERROR) r = w;
                else if (w != VALUE_NULL)
                    r = exc_raise(vm, &exc_ValueError, "zip() argument %u is longer than argument%s%u", j + 1,
                                  j == 1 ? " " : "s 1-", j);
            }
        }
        z->v[0] = VALUE_NULL;
        break;
    }
    gc_root_pop(vm, 1);
    return r;
}

/* ---- map: v[0] the function, v[1] a tuple of the iterators ---- */

static Value bi_map_new(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!bi_no_keywords(vm, "map", kwnames)) return VALUE_ERROR;
    if (nargs < 2) return exc_raise(vm, &exc_TypeError, "map() must have at least two arguments.");
    Value its = bi_iterators(vm, args + 1, nargs - 1);
    if (its == VALUE_ERROR) return VALUE_ERROR;
    IterObj *m = iter_new(vm, &type_map);
    if (!m) return exc_raise_memory(vm);
    m->v[0] = args[0];
    m->v[1] = its;
    return value_from_ptr(m);
}

static Value bi_map_next(VM *vm, Value self) {
    IterObj *m = value_as_ptr(self);
    Tuple *its = value_as_ptr(m->v[1]);
    Tuple *a = tuple_new(vm, its->len);
    if (!a) return exc_raise_memory(vm);
    if (!gc_root_push(vm, value_from_ptr(a))) return VALUE_ERROR;
    Value r = VALUE_NONE;
    for (uint32_t i = 0; i < its->len && r == VALUE_NONE; i++) {
        Value v = op_iter_next(vm, its->items[i]);
        if (v == VALUE_ERROR || v == VALUE_NULL) r = v;
        else a->items[i] = v;
    }
    if (r == VALUE_NONE) r = vm_call(vm, m->v[0], a->items, (int)a->len);
    gc_root_pop(vm, 1);
    return r;
}

/* ---- filter: v[0] the function or None, v[1] the iterator ---- */

static Value bi_filter_new(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!bi_no_keywords(vm, "filter", kwnames)) return VALUE_ERROR;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "filter expected 2 arguments, got %d", nargs);
    Value it = op_get_iter(vm, args[1]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    IterObj *f = iter_new(vm, &type_filter);
    if (!f) return exc_raise_memory(vm);
    f->v[0] = args[0];
    f->v[1] = it;
    return value_from_ptr(f);
}

static Value bi_filter_next(VM *vm, Value self) {
    IterObj *f = value_as_ptr(self);
    for (;;) {
        Value item = op_iter_next(vm, f->v[1]);
        if (item == VALUE_ERROR || item == VALUE_NULL) return item;
        Value test = item;
        if (f->v[0] != VALUE_NONE && f->v[0] != value_from_ptr(&type_bool)) {
            if (!gc_root_push(vm, item)) return VALUE_ERROR;
            test = vm_call(vm, f->v[0], &item, 1);
            gc_root_pop(vm, 1);
            if (test == VALUE_ERROR) return VALUE_ERROR;
        }
        int t = op_truthy(vm, test);
        if (t < 0) return VALUE_ERROR;
        if (t) return item;
    }
}

/* ---- reversed: built-in sequences reverse themselves; anything else with len() and indexing
 * gets the generic "reversed" object: v[0] the sequence, n[0] the next index ---- */

static Value bi_reversed_new(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!bi_no_keywords(vm, "reversed", kwnames)) return VALUE_ERROR;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "reversed expected 1 argument, got %d", nargs);
    Value seq = args[0];
    if (value_is_kind(seq, OBJ_LIST)) return iter_seq_reversed(vm, seq);
    if (value_is_kind(seq, OBJ_RANGE)) return range_reversed(vm, seq);
    Value r = dictview_reversed_of(vm, seq);
    if (r != VALUE_NULL) return r;
    Type *t = type_of(seq);
    if (t->getattr && t->is_heap) {
        Str *name = vm->names.reversed;
        if (!name) return exc_raise_memory(vm);
        Value m = t->getattr(vm, seq, name);
        if (m == VALUE_ERROR) return m;
        if (m != VALUE_NULL) return vm_call(vm, m, NULL, 0);
    }
    int64_t len;
    if (value_is_kind(seq, OBJ_STR)) len = ((Str *)value_as_ptr(seq))->nchars;
    else if (value_is_kind(seq, OBJ_TUPLE)) len = ((Tuple *)value_as_ptr(seq))->len;
    else if (t->len && t->getitem && !value_is_kind(seq, OBJ_DICT) && !value_is_kind(seq, OBJ_SET) &&
             !value_is_kind(seq, OBJ_FROZENSET)) {
        len = t->len(vm, seq);
        if (len < 0) return VALUE_ERROR;
    } else {
        return exc_raise(vm, &exc_TypeError, "'%s' object is not reversible", t->name);
    }
    IterObj *it = iter_new(vm, &type_reversed);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = seq;
    it->n[0] = len - 1;
    return value_from_ptr(it);
}

static Value bi_reversed_next(VM *vm, Value self) {
    IterObj *it = value_as_ptr(self);
    if (it->v[0] == VALUE_NULL || it->n[0] < 0) {
        it->v[0] = VALUE_NULL;
        return VALUE_NULL;
    }
    Value item = op_subscr(vm, it->v[0], value_from_int(it->n[0]--));
    if (item == VALUE_ERROR) {
        Type *et = type_of(vm->exc);
        if (type_is_subtype(et, &exc_IndexError) || type_is_subtype(et, &exc_StopIteration)) {
            vm->exc = VALUE_NULL;
            it->v[0] = VALUE_NULL;
            return VALUE_NULL;
        }
    }
    return item;
}

/* ---- iter and next ---- */

static Value bi_callable_iter_next(VM *vm, Value self) {
    IterObj *it = value_as_ptr(self);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    Value r = vm_call(vm, it->v[0], NULL, 0);
    if (r == VALUE_ERROR) {
        if (type_is_subtype(type_of(vm->exc), &exc_StopIteration)) {
            vm->exc = VALUE_NULL;
            it->v[0] = VALUE_NULL;
            return VALUE_NULL;
        }
        return r;
    }
    if (!gc_root_push(vm, r)) return VALUE_ERROR;
    int eq = op_equal(vm, r, it->v[1]);
    gc_root_pop(vm, 1);
    if (eq < 0) return VALUE_ERROR;
    if (eq) {
        it->v[0] = VALUE_NULL;
        return VALUE_NULL;
    }
    return r;
}

static Value bi_iter(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!bi_no_keywords(vm, "iter", kwnames)) return VALUE_ERROR;
    if (nargs < 1) return exc_raise(vm, &exc_TypeError, "iter expected at least 1 argument, got %d", nargs);
    if (nargs > 2) return exc_raise(vm, &exc_TypeError, "iter expected at most 2 arguments, got %d", nargs);
    if (nargs == 1) return op_get_iter(vm, args[0]);
    IterObj *it = iter_new(vm, &bi_callable_iter_type);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = args[0];
    it->v[1] = args[1];
    return value_from_ptr(it);
}

static int bi_is_iterator(Value v) { return type_of(v)->next != NULL; }

static Value bi_next(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (!bi_no_keywords(vm, "next", kwnames)) return VALUE_ERROR;
    if (nargs < 1) return exc_raise(vm, &exc_TypeError, "next expected at least 1 argument, got %d", nargs);
    if (nargs > 2) return exc_raise(vm, &exc_TypeError, "next expected at most 2 arguments, got %d", nargs);
    if (!bi_is_iterator(args[0]))
        return exc_raise(vm, &exc_TypeError, "'%s' object is not an iterator", type_of(args[0])->name);
    Value v = op_iter_next(vm, args[0]);
    if (v != VALUE_NULL) return v;
    if (nargs == 2) return args[1];
    /* A finished generator's return value travels in StopIteration.value. */
    Value ret = VALUE_NULL;
    if (value_is_kind(args[0], OBJ_GENERATOR)) {
        Generator *g = value_as_ptr(args[0]);
        if (g->retval != VALUE_NONE) ret = g->retval;
        g->retval = VALUE_NONE;
    }
    Exception *e = exc_new(vm, &exc_StopIteration, ret);
    if (!e) return exc_raise_memory(vm);
    vm->exc = value_from_ptr(e);
    return VALUE_ERROR;
}

/* ---- sorted, min, max, sum, any, all ---- */

static Value bi_sorted(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"key", "reverse"};
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "sorted expected 1 argument, got %d", nargs);
    Value opt[2];
    if (!args_bind(vm, "sort", args + 1, 0, kwnames, params, 2, 0, opt)) return VALUE_ERROR;
    Value lv = list_from_iterable(vm, args[0]);
    if (lv == VALUE_ERROR) return VALUE_ERROR;
    int reverse = 0;
    if (opt[1] != VALUE_NULL) {
        int64_t r;
        if (!seq_as_int(vm, opt[1], &r)) return VALUE_ERROR;
        reverse = r != 0;
    }
    Value key = opt[0] == VALUE_NULL ? VALUE_NONE : opt[0];
    return list_sort(vm, value_as_ptr(lv), key, reverse) ? lv : VALUE_ERROR;
}

/* min and max: op is '<' (0) for min and '>' (4) for max, as CPython compares. */
static Value bi_minmax(VM *vm, Value *args, int nargs, Tuple *kwnames, int op, const char *name) {
    Value key = VALUE_NONE, dflt = VALUE_NULL;
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *kn = value_as_ptr(kwnames->items[k]);
        if (strcmp(kn->data, "key") == 0) key = args[nargs + (int)k];
        else if (strcmp(kn->data, "default") == 0) dflt = args[nargs + (int)k];
        else return exc_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for %s()", kn->data, name);
    }
    if (nargs == 0) return exc_raise(vm, &exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt != VALUE_NULL)
        return exc_raise(vm, &exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
    Value source = args[0];
    if (nargs > 1) {
        Tuple *t = tuple_from(vm, args, (uint32_t)nargs);
        if (!t) return exc_raise_memory(vm);
        source = value_from_ptr(t);
    }
    /* hold: [iterator, best item, best key, current item] under one root. */
    List *hold = list_new(vm, 4);
    if (!hold) return exc_raise_memory(vm);
    hold->len = 4;
    hold->items[0] = source;
    hold->items[1] = hold->items[2] = hold->items[3] = VALUE_NULL;
    if (!gc_root_push(vm, value_from_ptr(hold))) return VALUE_ERROR;
    Value r = VALUE_NULL;
    Value it = op_get_iter(vm, source);
    if (it == VALUE_ERROR) r = it;
    else hold->items[0] = it;
    while (r == VALUE_NULL) {
        Value item = op_iter_next(vm, it);
        if (item == VALUE_ERROR || item == VALUE_NULL) {
            if (item == VALUE_ERROR) r = item;
            break;
        }
        hold->items[3] = item;
        Value val = key == VALUE_NONE ? item : vm_call(vm, key, &item, 1);
        if (val == VALUE_ERROR) {
            r = val;
            break;
        }
        if (hold->items[1] == VALUE_NULL) {
            hold->items[1] = item;
            hold->items[2] = val;
            continue;
        }
        if (!gc_root_push(vm, val)) {
            r = VALUE_ERROR;
            break;
        }
        Value c = op_compare(vm, op, val, hold->items[2]);
        int better = c == VALUE_ERROR ? -1 : op_truthy(vm, c);
        gc_root_pop(vm, 1);
        if (better < 0) r = VALUE_ERROR;
        else if (better) {
            hold->items[1] = item;
            hold->items[2] = val;
        }
    }
    if (r == VALUE_NULL) {
        r = hold->items[1];
        if (r == VALUE_NULL) {
            r = dflt != VALUE_NULL ? dflt : exc_raise(vm, &exc_ValueError, "%s() arg is an empty sequence", name);
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

static Value bi_min(VM *vm, Value *args, int nargs, Tuple *kwnames) { return bi_minmax(vm, args, nargs, kwnames, 0, "min"); }

static Value bi_max(VM *vm, Value *args, int nargs, Tuple *kwnames) { return bi_minmax(vm, args, nargs, kwnames, 4, "max"); }

static Value bi_sum(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"iterable", "start"};
    Value a[2];
    if (nargs > 2) return exc_raise(vm, &exc_TypeError, "sum() takes at most 2 arguments (%d given)", nargs);
    if (!args_bind(vm, "sum", args, nargs, kwnames, params, 2, 1, a)) return VALUE_ERROR;
    Value total = a[1] == VALUE_NULL ? value_from_int(0) : a[1];
    if (value_is_kind(total, OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = op_get_iter(vm, a[0]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    List *hold = list_new(vm, 2);
    if (!hold) return exc_raise_memory(vm);
    hold->len = 2;
    hold->items[0] = it;
    hold->items[1] = total;
    if (!gc_root_push(vm, value_from_ptr(hold))) return VALUE_ERROR;
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR || v == VALUE_NULL) {
            if (v == VALUE_ERROR) total = v;
            break;
        }
        total = op_binary(vm, NB_ADD, total, v);
        if (total == VALUE_ERROR) break;
        hold->items[1] = total;
    }
    gc_root_pop(vm, 1);
    return total;
}

const BuiltinFn builtins_sum = bi_sum;

/* any (want 1) and all (want 0): stop at the first item whose truth is `want`. */
static Value bi_any_all(VM *vm, Value iterable, int want) {
    Value it = op_get_iter(vm, iterable);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return VALUE_ERROR;
    Value r = value_from_bool(!want);
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR || v == VALUE_NULL) {
            if (v == VALUE_ERROR) r = v;
            break;
        }
        int t = op_truthy(vm, v);
        if (t < 0 || t == want) {
            r = t < 0 ? VALUE_ERROR : value_from_bool(want);
            break;
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

static Value bi_any(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "any() takes exactly one argument (%d given)", nargs);
    return bi_any_all(vm, args[0], 1);
}

static Value bi_all(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "all() takes exactly one argument (%d given)", nargs);
    return bi_any_all(vm, args[0], 0);
}

const BuiltinDef builtins_iter[] = {
    {"iter", bi_iter, CALLKIND_FAST},
    {"next", bi_next, CALLKIND_FAST},
    {"sorted", bi_sorted, CALLKIND_FAST_WITH_KEYWORDS},
    {"min", bi_min, CALLKIND_VARARGS},
    {"max", bi_max, CALLKIND_VARARGS},
    {"sum", bi_sum, CALLKIND_FAST_WITH_KEYWORDS},
    {"any", bi_any, CALLKIND_O},
    {"all", bi_all, CALLKIND_O},
    {NULL, NULL, 0},
};

void builtins_iter_init_types(void) {
    Type *types[] = {&type_enumerate, &type_zip, &type_map, &type_filter, &type_reversed, &bi_callable_iter_type};
    BuiltinFn ctors[] = {bi_enumerate_new, bi_zip_new, bi_map_new, bi_filter_new, bi_reversed_new, NULL};
    Value (*nexts[])(VM *, Value) = {bi_enumerate_next, bi_zip_next, bi_map_next, bi_filter_next, bi_reversed_next,
                                     bi_callable_iter_next};
    for (int i = 0; i < 6; i++) {
        types[i]->construct = ctors[i];
        types[i]->iter = iter_self;
        types[i]->next = nexts[i];
    }
}
