/* The set and frozenset types: the algebra (following setobject.c's choices of which operand to
 * iterate, since that decides the resulting table's order), slots, methods and constructors.
 * Sets built here are rooted while Python code (__eq__, __hash__, iterators) may run. */
#include "containers.h"
#include "vm.h"

int set_add_entry(VM *vm, Dict *s, Value key, uint64_t hash);
int set_discard_entry(VM *vm, Dict *s, Value key, uint64_t hash);
int set_discard_key(VM *vm, Dict *s, Value key);
void set_clear(VM *vm, Dict *s);
int set_merge(VM *vm, Dict *s, Dict *other);
Dict *set_new_bare(VM *vm, int frozen);
Value set_pop(VM *vm, Dict *s);
int set_shrink_dummies(VM *vm, Dict *s);
void set_swap_bodies(Dict *a, Dict *b);
int set_frozenset_hash(VM *vm, Value v, uint64_t *out);

static int set_is_any(Value v) { return value_is_kind(v, OBJ_SET) || value_is_kind(v, OBJ_FROZENSET); }
static int set_is_frozen(Dict *s) { return s->hdr.kind == OBJ_FROZENSET; }
#define SET_OF(v) ((Dict *)value_as_ptr(v))

/* make_new_set: a set (or frozenset) with the items of iterable (VALUE_NULL: none). */
static Dict *set_make(VM *vm, int frozen, Value iterable) {
    /* From another set, bare: set_merge sizes its table for what it copies. */
    Dict *s = set_is_any(iterable) ? set_new_bare(vm, frozen) : set_new(vm, frozen);
    if (!s) {
        exc_raise_memory(vm);
        return NULL;
    }
    if (iterable == VALUE_NULL) return s;
    if (!gc_root_push(vm, value_from_ptr(s))) return NULL;
    int ok = set_update_from(vm, s, iterable);
    gc_root_pop(vm, 1);
    return ok ? s : NULL;
}

static Dict *set_copy(VM *vm, Dict *s) { return set_make(vm, set_is_frozen(s), value_from_ptr(s)); }

/* Runs fn(vm, result, other) with result rooted; returns result, or NULL on error. */
static Dict *set_rooted(VM *vm, Dict *result, Value other, int (*fn)(VM *, Dict *, Value)) {
    if (!result || !gc_root_push(vm, value_from_ptr(result))) return NULL;
    int ok = fn(vm, result, other);
    gc_root_pop(vm, 1);
    return ok ? result : NULL;
}

static Dict *set_intersection(VM *vm, Dict *so, Value other) {
    if (value_from_ptr(so) == other) return set_copy(vm, so);
    Dict *result = set_new(vm, set_is_frozen(so));
    if (!result) {
        exc_raise_memory(vm);
        return NULL;
    }
    if (!gc_root_push(vm, value_from_ptr(result))) return NULL;
    int ok = 1;
    if (set_is_any(other)) {
        Dict *o = SET_OF(other);
        if (o->count > so->count) {
            Dict *t = so;
            so = o;
            o = t;
        }
        int64_t pos = 0, i;
        while (ok && (i = set_next_entry(o, &pos)) >= 0) {
            DictEntry e = o->entries[i];
            int rv = set_contains_entry(vm, so, e.key, e.hash);
            ok = rv >= 0 && (!rv || set_add_entry(vm, result, e.key, e.hash));
        }
    } else {
        Value it = op_get_iter(vm, other);
        ok = it != VALUE_ERROR && gc_root_push(vm, it);
        if (ok) {
            for (;;) {
                Value k = op_iter_next(vm, it);
                if (k == VALUE_ERROR) ok = 0;
                if (k == VALUE_ERROR || k == VALUE_NULL) break;
                uint64_t hash;
                int rv = dict_hash(vm, k, &hash) ? set_contains_entry(vm, so, k, hash) : -1;
                if (rv < 0 || (rv && !set_add_entry(vm, result, k, hash))) {
                    ok = 0;
                    break;
                }
                if (rv && result->count >= so->count) break;
            }
            gc_root_pop(vm, 1);
        }
    }
    gc_root_pop(vm, 1);
    return ok ? result : NULL;
}

static int set_difference_update(VM *vm, Dict *so, Value other) {
    if (value_from_ptr(so) == other) {
        set_clear(vm, so);
        return 1;
    }
    if (set_is_any(other)) {
        Dict *o = SET_OF(other);
        if ((o->count >> 3) > so->count) {
            o = set_intersection(vm, so, other);
            if (!o) return 0;
        }
        int64_t pos = 0, i;
        while ((i = set_next_entry(o, &pos)) >= 0)
            if (set_discard_entry(vm, so, o->entries[i].key, o->entries[i].hash) < 0) return 0;
    } else {
        Value it = op_get_iter(vm, other);
        if (it == VALUE_ERROR || !gc_root_push(vm, it)) return 0;
        int ok = 1;
        for (;;) {
            Value k = op_iter_next(vm, it);
            if (k == VALUE_ERROR) ok = 0;
            if (k == VALUE_ERROR || k == VALUE_NULL) break;
            if (set_discard_key(vm, so, k) < 0) {
                ok = 0;
                break;
            }
        }
        gc_root_pop(vm, 1);
        if (!ok) return 0;
    }
    return set_shrink_dummies(vm, so);
}

static Dict *set_difference(VM *vm, Dict *so, Value other) {
    int64_t other_size;
    if (set_is_any(other)) other_size = SET_OF(other)->count;
    else if (value_is_kind(other, OBJ_DICT)) other_size = ((Dict *)value_as_ptr(other))->count;
    else return set_rooted(vm, set_copy(vm, so), other, set_difference_update);
    if ((so->count >> 2) > other_size) return set_rooted(vm, set_copy(vm, so), other, set_difference_update);
    Dict *result = set_new(vm, set_is_frozen(so));
    if (!result) {
        exc_raise_memory(vm);
        return NULL;
    }
    if (!gc_root_push(vm, value_from_ptr(result))) return NULL;
    int64_t pos = 0, i;
    int ok = 1;
    while (ok && (i = set_next_entry(so, &pos)) >= 0) {
        DictEntry e = so->entries[i];
        int rv;
        if (value_is_kind(other, OBJ_DICT)) {
            int32_t ix;
            rv = dict_find(vm, value_as_ptr(other), e.key, e.hash, &ix) ? ix >= 0 : -1;
        } else {
            rv = set_contains_entry(vm, SET_OF(other), e.key, e.hash);
        }
        ok = rv >= 0 && (rv || set_add_entry(vm, result, e.key, e.hash));
    }
    gc_root_pop(vm, 1);
    return ok ? result : NULL;
}

static int set_symmetric_difference_update(VM *vm, Dict *so, Value other) {
    if (value_from_ptr(so) == other) {
        set_clear(vm, so);
        return 1;
    }
    Dict *o;
    if (set_is_any(other)) o = SET_OF(other);
    else if (!(o = set_make(vm, set_is_frozen(so), other))) return 0;
    if (!gc_root_push(vm, value_from_ptr(o))) return 0;
    int64_t pos = 0, i;
    int ok = 1;
    while (ok && (i = set_next_entry(o, &pos)) >= 0) {
        DictEntry e = o->entries[i];
        int rv = set_discard_entry(vm, so, e.key, e.hash);
        ok = rv >= 0 && (rv || set_add_entry(vm, so, e.key, e.hash));
    }
    gc_root_pop(vm, 1);
    return ok;
}

static Dict *set_symmetric_difference(VM *vm, Dict *so, Value other) {
    Dict *result = set_make(vm, set_is_frozen(so), other);
    return set_rooted(vm, result, value_from_ptr(so), set_symmetric_difference_update);
}

static int set_union_update(VM *vm, Dict *so, Value other) { return set_update_from(vm, so, other); }

/* so <= other: 1, 0, -1 on error. */
static int set_issubset(VM *vm, Dict *so, Value other) {
    if (!set_is_any(other)) {
        Dict *tmp = set_intersection(vm, so, other);
        return tmp ? tmp->count == so->count : -1;
    }
    Dict *o = SET_OF(other);
    if (so->count > o->count) return 0;
    int64_t pos = 0, i;
    while ((i = set_next_entry(so, &pos)) >= 0) {
        int rv = set_contains_entry(vm, o, so->entries[i].key, so->entries[i].hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int set_issuperset(VM *vm, Dict *so, Value other) {
    if (set_is_any(other)) return set_issubset(vm, SET_OF(other), value_from_ptr(so));
    Value it = op_get_iter(vm, other);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return -1;
    int r = 1;
    for (;;) {
        Value k = op_iter_next(vm, it);
        if (k == VALUE_ERROR) r = -1;
        if (k == VALUE_ERROR || k == VALUE_NULL) break;
        int rv = set_contains_key(vm, so, k);
        if (rv <= 0) {
            r = rv;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

static int set_isdisjoint(VM *vm, Dict *so, Value other) {
    if (value_from_ptr(so) == other) return so->count == 0;
    if (set_is_any(other)) {
        Dict *o = SET_OF(other);
        if (o->count > so->count) {
            Dict *t = so;
            so = o;
            o = t;
        }
        int64_t pos = 0, i;
        while ((i = set_next_entry(o, &pos)) >= 0) {
            int rv = set_contains_entry(vm, so, o->entries[i].key, o->entries[i].hash);
            if (rv) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = op_get_iter(vm, other);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return -1;
    int r = 1;
    for (;;) {
        Value k = op_iter_next(vm, it);
        if (k == VALUE_ERROR) r = -1;
        if (k == VALUE_ERROR || k == VALUE_NULL) break;
        int rv = set_contains_key(vm, so, k);
        if (rv) {
            r = rv < 0 ? -1 : 0;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

Value set_view_op(VM *vm, int op, Value a, Value b) {
    if (op == NB_AND) {
        /* Iterate the other operand, keeping what the view contains (_PyDictView_Intersect). */
        int a_view = dictview_is_setlike(a);
        Value self = a_view ? a : b, other = a_view ? b : a;
        if (value_is_kind(other, OBJ_SET) && type_of(self)->len(vm, self) <= SET_OF(other)->count) {
            Dict *r = set_intersection(vm, SET_OF(other), self);
            return r ? value_from_ptr(r) : VALUE_ERROR;
        }
        Dict *result = set_new(vm, 0);
        if (!result) return exc_raise_memory(vm);
        if (!gc_root_push(vm, value_from_ptr(result))) return VALUE_ERROR;
        Value it = op_get_iter(vm, other);
        int ok = it != VALUE_ERROR && gc_root_push(vm, it);
        if (ok) {
            for (;;) {
                Value k = op_iter_next(vm, it);
                if (k == VALUE_ERROR) ok = 0;
                if (k == VALUE_ERROR || k == VALUE_NULL) break;
                Value in = op_contains(vm, self, k);
                if (in == VALUE_ERROR || (in == VALUE_TRUE && !set_add(vm, result, k))) {
                    ok = 0;
                    break;
                }
            }
            gc_root_pop(vm, 1);
        }
        gc_root_pop(vm, 1);
        return ok ? value_from_ptr(result) : VALUE_ERROR;
    }
    Dict *result = set_make(vm, 0, a);
    if (!result) return VALUE_ERROR;
    int (*fn)(VM *, Dict *, Value) = op == NB_SUBTRACT ? set_difference_update
                                     : op == NB_OR ? set_union_update
                                                   : set_symmetric_difference_update;
    return set_rooted(vm, result, b, fn) ? value_from_ptr(result) : VALUE_ERROR;
}

/* ---- slots ---- */

static Type setobj_iter_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "set_iterator", .base = &type_object};

/* The set iterator: v[0] the set, n[0] the table position, n[1] the size when it started. */
static Value setobj_iter(VM *vm, Value v) {
    IterObj *it = iter_new(vm, &setobj_iter_type);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = v;
    it->n[1] = SET_OF(v)->count;
    return value_from_ptr(it);
}

static Value setobj_iter_next(VM *vm, Value itv) {
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    Dict *s = SET_OF(it->v[0]);
    if (it->n[1] != s->count) {
        it->n[1] = -1;
        return exc_raise(vm, &exc_RuntimeError, "Set changed size during iteration");
    }
    int64_t i = set_next_entry(s, &it->n[0]);
    if (i >= 0) return s->entries[i].key;
    it->v[0] = VALUE_NULL;
    return VALUE_NULL;
}

static int setobj_repr(VM *vm, Value v, StrBuf *out) {
    Dict *s = SET_OF(v);
    const char *name = set_is_frozen(s) ? "frozenset" : "set";
    if (s->count == 0) {
        strbuf_printf(out, "%s()", name);
        return 1;
    }
    int r = repr_enter(vm, &s->hdr);
    if (r) {
        if (r > 0) strbuf_printf(out, "%s(...)", name);
        return r > 0;
    }
    if (set_is_frozen(s)) strbuf_puts(out, "frozenset(");
    strbuf_putc(out, '{');
    int64_t pos = 0, i;
    int ok = 1, first = 1;
    while (ok && (i = set_next_entry(s, &pos)) >= 0) {
        if (!first) strbuf_puts(out, ", ");
        first = 0;
        ok = op_repr_into(vm, s->entries[i].key, out);
    }
    strbuf_putc(out, '}');
    if (set_is_frozen(s)) strbuf_putc(out, ')');
    repr_leave(&s->hdr);
    return ok;
}

static Value setobj_compare(VM *vm, int op, Value a, Value b) {
    if (!set_is_any(a) || !set_is_any(b)) return VALUE_NULL;
    Dict *x = SET_OF(a), *y = SET_OF(b);
    int r;
    switch (op) {
    case 2: case 3: r = x->count == y->count ? set_issubset(vm, x, b) : 0; break;
    case 1: r = set_issubset(vm, x, b); break;
    case 5: r = set_issuperset(vm, x, b); break;
    case 0: r = x->count < y->count ? set_issubset(vm, x, b) : 0; break;
    default: r = x->count > y->count ? set_issuperset(vm, x, b) : 0; break;
    }
    if (r < 0) return VALUE_ERROR;
    return value_from_bool(op == 3 ? !r : r);
}

static int64_t setobj_len(VM *vm, Value v) {
    (void)vm;
    return SET_OF(v)->count;
}

static int setobj_contains(VM *vm, Value c, Value key) { return set_contains_key(vm, SET_OF(c), key); }

static Value setobj_result(Dict *r) { return r ? value_from_ptr(r) : VALUE_ERROR; }

static Value setobj_binary(VM *vm, int nb_op, Value a, Value b) {
    if (!set_is_any(a) || !set_is_any(b)) return VALUE_NULL;
    Dict *so = SET_OF(a);
    /* frozensets have no in-place operators: a |= b rebinds a to a | b. */
    int in_place = nb_op >= NB_INPLACE && !set_is_frozen(so);
    int op = nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op;
    if (in_place) {
        int ok;
        if (op == NB_OR) ok = set_update_from(vm, so, b);
        else if (op == NB_SUBTRACT) ok = set_difference_update(vm, so, b);
        else if (op == NB_XOR) ok = set_symmetric_difference_update(vm, so, b);
        else if (op == NB_AND) {
            Dict *tmp = set_intersection(vm, so, b);
            if ((ok = tmp != NULL)) set_swap_bodies(so, tmp);
        } else return VALUE_NULL;
        return ok ? a : VALUE_ERROR;
    }
    switch (op) {
    case NB_OR:
        if (a == b) return setobj_result(set_copy(vm, so));
        return setobj_result(set_rooted(vm, set_copy(vm, so), b, set_union_update));
    case NB_AND: return setobj_result(set_intersection(vm, so, b));
    case NB_SUBTRACT: return setobj_result(set_difference(vm, so, b));
    case NB_XOR: return setobj_result(set_symmetric_difference(vm, so, b));
    default: return VALUE_NULL;
    }
}

/* ---- methods (args[0] is the set) ---- */

#define SELF SET_OF(args[0])

static Value set_m_add(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.add", nargs - 1, kw)) return VALUE_ERROR;
    return set_add(vm, SELF, args[1]) ? VALUE_NONE : VALUE_ERROR;
}

static Value set_m_remove(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.remove", nargs - 1, kw)) return VALUE_ERROR;
    int rv = set_discard_key(vm, SELF, args[1]);
    if (rv < 0) return VALUE_ERROR;
    return rv ? VALUE_NONE : dict_key_error(vm, args[1]);
}

static Value set_m_discard(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.discard", nargs - 1, kw)) return VALUE_ERROR;
    return set_discard_key(vm, SELF, args[1]) < 0 ? VALUE_ERROR : VALUE_NONE;
}

static Value set_m_pop(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "set.pop", nargs - 1, kw)) return VALUE_ERROR;
    return set_pop(vm, SELF);
}

static Value set_m_clear(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "set.clear", nargs - 1, kw)) return VALUE_ERROR;
    set_clear(vm, SELF);
    return VALUE_NONE;
}

static Value set_m_copy(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, set_is_frozen(SELF) ? "frozenset.copy" : "set.copy", nargs - 1, kw)) return VALUE_ERROR;
    if (set_is_frozen(SELF)) return args[0];
    return setobj_result(set_copy(vm, SELF));
}

static int set_no_keywords(VM *vm, const char *name, Tuple *kw) {
    if (!kw || !kw->len) return 1;
    exc_raise(vm, &exc_TypeError, "%s() takes no keyword arguments", name);
    return 0;
}

static Value set_m_update(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.update", kw)) return VALUE_ERROR;
    for (int i = 1; i < nargs; i++)
        if (!set_update_from(vm, SELF, args[i])) return VALUE_ERROR;
    return VALUE_NONE;
}

static Value set_m_union(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.union", kw)) return VALUE_ERROR;
    Dict *r = set_copy(vm, SELF);
    if (!r || !gc_root_push(vm, value_from_ptr(r))) return VALUE_ERROR;
    int ok = 1;
    for (int i = 1; ok && i < nargs; i++)
        if (args[i] != args[0]) ok = set_update_from(vm, r, args[i]);
    gc_root_pop(vm, 1);
    return ok ? value_from_ptr(r) : VALUE_ERROR;
}

/* intersection(*others), also behind intersection_update. */
static Dict *set_intersection_multi(VM *vm, Value *args, int nargs) {
    if (nargs == 1) return set_copy(vm, SELF);
    Dict *r = SELF;
    for (int i = 1; r && i < nargs; i++) {
        if (!gc_root_push(vm, value_from_ptr(r))) return NULL;
        r = set_intersection(vm, r, args[i]);
        gc_root_pop(vm, 1);
    }
    return r;
}

static Value set_m_intersection(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.intersection", kw)) return VALUE_ERROR;
    return setobj_result(set_intersection_multi(vm, args, nargs));
}

static Value set_m_intersection_update(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.intersection_update", kw)) return VALUE_ERROR;
    Dict *r = set_intersection_multi(vm, args, nargs);
    if (!r) return VALUE_ERROR;
    set_swap_bodies(SELF, r);
    return VALUE_NONE;
}

static Value set_m_difference(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.difference", kw)) return VALUE_ERROR;
    if (nargs == 1) return setobj_result(set_copy(vm, SELF));
    Dict *r = set_difference(vm, SELF, args[1]);
    if (!r || !gc_root_push(vm, value_from_ptr(r))) return VALUE_ERROR;
    int ok = 1;
    for (int i = 2; ok && i < nargs; i++) ok = set_difference_update(vm, r, args[i]);
    gc_root_pop(vm, 1);
    return ok ? value_from_ptr(r) : VALUE_ERROR;
}

static Value set_m_difference_update(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!set_no_keywords(vm, "set.difference_update", kw)) return VALUE_ERROR;
    for (int i = 1; i < nargs; i++)
        if (!set_difference_update(vm, SELF, args[i])) return VALUE_ERROR;
    return VALUE_NONE;
}

static Value set_m_symmetric_difference(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.symmetric_difference", nargs - 1, kw)) return VALUE_ERROR;
    return setobj_result(set_symmetric_difference(vm, SELF, args[1]));
}

static Value set_m_symmetric_difference_update(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.symmetric_difference_update", nargs - 1, kw)) return VALUE_ERROR;
    return set_symmetric_difference_update(vm, SELF, args[1]) ? VALUE_NONE : VALUE_ERROR;
}

static Value set_bool_result(int r) { return r < 0 ? VALUE_ERROR : value_from_bool(r); }

static Value set_m_issubset(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.issubset", nargs - 1, kw)) return VALUE_ERROR;
    return set_bool_result(set_issubset(vm, SELF, args[1]));
}

static Value set_m_issuperset(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.issuperset", nargs - 1, kw)) return VALUE_ERROR;
    return set_bool_result(set_issuperset(vm, SELF, args[1]));
}

static Value set_m_isdisjoint(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "set.isdisjoint", nargs - 1, kw)) return VALUE_ERROR;
    return set_bool_result(set_isdisjoint(vm, SELF, args[1]));
}

static const MethodDef set_methods[] = {
    {"add", set_m_add, CALLKIND_O},
    {"remove", set_m_remove, CALLKIND_O},
    {"discard", set_m_discard, CALLKIND_O},
    {"pop", set_m_pop, CALLKIND_NOARGS},
    {"clear", set_m_clear, CALLKIND_NOARGS},
    {"copy", set_m_copy, CALLKIND_NOARGS},
    {"update", set_m_update, CALLKIND_VARARGS},
    {"union", set_m_union, CALLKIND_VARARGS},
    {"intersection", set_m_intersection, CALLKIND_VARARGS},
    {"intersection_update", set_m_intersection_update, CALLKIND_VARARGS},
    {"difference", set_m_difference, CALLKIND_VARARGS},
    {"difference_update", set_m_difference_update, CALLKIND_VARARGS},
    {"symmetric_difference", set_m_symmetric_difference, CALLKIND_O},
    {"symmetric_difference_update", set_m_symmetric_difference_update, CALLKIND_O},
    {"issubset", set_m_issubset, CALLKIND_O},
    {"issuperset", set_m_issuperset, CALLKIND_O},
    {"isdisjoint", set_m_isdisjoint, CALLKIND_O},
    {NULL, NULL, 0},
};

static const MethodDef frozenset_methods[] = {
    {"copy", set_m_copy, CALLKIND_NOARGS},
    {"union", set_m_union, CALLKIND_VARARGS},
    {"intersection", set_m_intersection, CALLKIND_VARARGS},
    {"difference", set_m_difference, CALLKIND_VARARGS},
    {"symmetric_difference", set_m_symmetric_difference, CALLKIND_O},
    {"issubset", set_m_issubset, CALLKIND_O},
    {"issuperset", set_m_issuperset, CALLKIND_O},
    {"isdisjoint", set_m_isdisjoint, CALLKIND_O},
    {NULL, NULL, 0},
};

static Value set_construct_kind(VM *vm, Value *args, int nargs, Tuple *kwnames, int frozen) {
    const char *name = frozen ? "frozenset" : "set";
    if (!set_no_keywords(vm, name, kwnames)) return VALUE_ERROR;
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "%s expected at most 1 argument, got %d", name, nargs);
    if (frozen && nargs == 1 && value_is_kind(args[0], OBJ_FROZENSET)) return args[0];
    return setobj_result(set_make(vm, frozen, nargs ? args[0] : VALUE_NULL));
}

static Value set_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    return set_construct_kind(vm, args, nargs, kwnames, 0);
}

static Value frozenset_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    return set_construct_kind(vm, args, nargs, kwnames, 1);
}

void set_init_types(void) {
    Type *types[] = {&type_set, &type_frozenset};
    for (int i = 0; i < 2; i++) {
        types[i]->repr = setobj_repr;
        types[i]->compare = setobj_compare;
        types[i]->len = setobj_len;
        types[i]->iter = setobj_iter;
        types[i]->contains = setobj_contains;
        types[i]->binary = setobj_binary;
    }
    type_set.construct = set_construct;
    type_set.methods = set_methods;
    type_frozenset.construct = frozenset_construct;
    type_frozenset.methods = frozenset_methods;
    type_frozenset.hash = set_frozenset_hash;
    setobj_iter_type.iter = iter_self;
    setobj_iter_type.next = setobj_iter_next;
}

Value set_frozenset_const(VM *vm, Tuple *items) {
    /* CPython folds the display into frozenset(items), then its compiler rebuilds that constant
     * from its own iteration order when merging constants: both steps shape the table. */
    Dict *first = set_make(vm, 1, value_from_ptr(items));
    if (!first || !gc_root_push(vm, value_from_ptr(first))) return VALUE_ERROR;
    Dict *r = set_new(vm, 1);
    int ok = r != NULL;
    if (!ok) exc_raise_memory(vm);
    int64_t pos = 0, i;
    while (ok && (i = set_next_entry(first, &pos)) >= 0)
        ok = set_add_entry(vm, r, first->entries[i].key, first->entries[i].hash);
    gc_root_pop(vm, 1);
    return ok ? value_from_ptr(r) : VALUE_ERROR;
}
