/* dict views (keys(), values(), items()) and the dict iterators, forwards and reversed. A view
 * is an IterObj whose v[0] is the dict, so it stays live: it sees later changes. An iterator's
 * v[0] is the dict (VALUE_NULL once exhausted), n[0] its position in the entry array, n[1] the
 * dict's size when it started (a change raises RuntimeError, as in CPython), n[2] what it yields. */
#include "containers.h"
#include "vm.h"

enum { DV_KEYS, DV_VALUES, DV_ITEMS };

#define DV_TYPE(var, pyname) \
    static Type var = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = pyname, .base = &type_object};

DV_TYPE(dictview_keys_type, "dict_keys")
DV_TYPE(dictview_values_type, "dict_values")
DV_TYPE(dictview_items_type, "dict_items")
DV_TYPE(dictview_keyiter_type, "dict_keyiterator")
DV_TYPE(dictview_valueiter_type, "dict_valueiterator")
DV_TYPE(dictview_itemiter_type, "dict_itemiterator")
DV_TYPE(dictview_rkeyiter_type, "dict_reversekeyiterator")
DV_TYPE(dictview_rvalueiter_type, "dict_reversevalueiterator")
DV_TYPE(dictview_ritemiter_type, "dict_reverseitemiterator")

static Type *const dictview_iter_types[2][3] = {
    {&dictview_keyiter_type, &dictview_valueiter_type, &dictview_itemiter_type},
    {&dictview_rkeyiter_type, &dictview_rvalueiter_type, &dictview_ritemiter_type},
};

static int dictview_kind(Value v) {
    Type *t = type_of(v);
    return t == &dictview_keys_type ? DV_KEYS : t == &dictview_values_type ? DV_VALUES : DV_ITEMS;
}

static Dict *dictview_dict(Value v) { return value_as_ptr(((IterObj *)value_as_ptr(v))->v[0]); }

static Value dictview_new_iter(VM *vm, Value dict, int kind, int reversed) {
    IterObj *it = iter_new(vm, dictview_iter_types[reversed][kind]);
    if (!it) return exc_raise_memory(vm);
    Dict *d = value_as_ptr(dict);
    it->v[0] = dict;
    it->n[0] = reversed ? (int64_t)d->nentries - 1 : 0;
    it->n[1] = d->count;
    it->n[2] = kind;
    return value_from_ptr(it);
}

Value dictview_iter_keys(VM *vm, Value dict) { return dictview_new_iter(vm, dict, DV_KEYS, 0); }

static Value dictview_entry(VM *vm, DictEntry *e, int kind) {
    if (kind == DV_KEYS) return e->key;
    if (kind == DV_VALUES) return e->value;
    Value kv[2] = {e->key, e->value};
    Tuple *t = tuple_from(vm, kv, 2);
    return t ? value_from_ptr(t) : exc_raise_memory(vm);
}

static Value dictview_iter_next(VM *vm, Value itv) {
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    Dict *d = value_as_ptr(it->v[0]);
    if (it->n[1] != d->count) {
        it->n[1] = -1;
        return exc_raise(vm, &exc_RuntimeError, "dictionary changed size during iteration");
    }
    int reversed = it->type == &dictview_rkeyiter_type || it->type == &dictview_rvalueiter_type ||
                   it->type == &dictview_ritemiter_type;
    int64_t i = it->n[0];
    if (reversed) {
        if (i >= (int64_t)d->nentries) i = (int64_t)d->nentries - 1;
        while (i >= 0 && d->entries[i].key == VALUE_NULL) i--;
        if (i >= 0) {
            it->n[0] = i - 1;
            return dictview_entry(vm, &d->entries[i], (int)it->n[2]);
        }
    } else {
        while (i < (int64_t)d->nentries && d->entries[i].key == VALUE_NULL) i++;
        if (i < (int64_t)d->nentries) {
            it->n[0] = i + 1;
            return dictview_entry(vm, &d->entries[i], (int)it->n[2]);
        }
    }
    it->v[0] = VALUE_NULL;
    return VALUE_NULL;
}

/* ---- the views ---- */

static Value dictview_new(VM *vm, Value dict, Type *type) {
    IterObj *v = iter_new(vm, type);
    if (!v) return exc_raise_memory(vm);
    v->v[0] = dict;
    return value_from_ptr(v);
}

Value dictview_keys(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.keys", nargs - 1, kw)) return VALUE_ERROR;
    return dictview_new(vm, args[0], &dictview_keys_type);
}

Value dictview_values(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.values", nargs - 1, kw)) return VALUE_ERROR;
    return dictview_new(vm, args[0], &dictview_values_type);
}

Value dictview_items(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.items", nargs - 1, kw)) return VALUE_ERROR;
    return dictview_new(vm, args[0], &dictview_items_type);
}

Value dictview_reversed(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.__reversed__", nargs - 1, kw)) return VALUE_ERROR;
    return dictview_reversed_of(vm, args[0]);
}

Value dictview_reversed_of(VM *vm, Value v) {
    if (value_is_kind(v, OBJ_DICT)) return dictview_new_iter(vm, v, DV_KEYS, 1);
    Type *t = type_of(v);
    if (t == &dictview_keys_type || t == &dictview_values_type || t == &dictview_items_type)
        return dictview_new_iter(vm, ((IterObj *)value_as_ptr(v))->v[0], dictview_kind(v), 1);
    return VALUE_NULL;
}

static int64_t dictview_len(VM *vm, Value v) {
    (void)vm;
    return dictview_dict(v)->count;
}

static Value dictview_iter(VM *vm, Value v) {
    return dictview_new_iter(vm, ((IterObj *)value_as_ptr(v))->v[0], dictview_kind(v), 0);
}

static int dictview_contains(VM *vm, Value v, Value item) {
    Dict *d = dictview_dict(v);
    int kind = dictview_kind(v);
    if (kind == DV_KEYS) {
        Value r = dict_getitem(vm, d, item);
        return r == VALUE_ERROR ? -1 : r != VALUE_NULL;
    }
    if (kind == DV_ITEMS) {
        if (!value_is_kind(item, OBJ_TUPLE) || ((Tuple *)value_as_ptr(item))->len != 2) return 0;
        Tuple *t = value_as_ptr(item);
        Value r = dict_getitem(vm, d, t->items[0]);
        if (r == VALUE_ERROR) return -1;
        return r == VALUE_NULL ? 0 : op_equal(vm, r, t->items[1]);
    }
    for (uint32_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key == VALUE_NULL) continue;
        int eq = op_equal(vm, d->entries[i].value, item);
        if (eq) return eq;
    }
    return 0;
}

static int dictview_repr(VM *vm, Value v, StrBuf *out) {
    IterObj *view = value_as_ptr(v);
    int r = repr_enter(vm, &view->hdr);
    if (r) {
        if (r > 0) strbuf_puts(out, "...");
        return r > 0;
    }
    strbuf_printf(out, "%s([", view->type->name);
    Dict *d = dictview_dict(v);
    int kind = dictview_kind(v), ok = 1, first = 1;
    for (uint32_t i = 0; ok && i < d->nentries; i++) {
        DictEntry e = d->entries[i];
        if (e.key == VALUE_NULL) continue;
        if (!first) strbuf_puts(out, ", ");
        first = 0;
        if (kind == DV_ITEMS) {
            strbuf_putc(out, '(');
            ok = op_repr_into(vm, e.key, out);
            strbuf_puts(out, ", ");
            ok = ok && op_repr_into(vm, e.value, out);
            strbuf_putc(out, ')');
        } else {
            ok = op_repr_into(vm, kind == DV_KEYS ? e.key : e.value, out);
        }
    }
    strbuf_puts(out, "])");
    repr_leave(&view->hdr);
    return ok;
}

int dictview_is_setlike(Value v) {
    Type *t = type_of(v);
    return t == &dictview_keys_type || t == &dictview_items_type;
}

static int dictview_is_setlike_or_set(Value v) {
    return dictview_is_setlike(v) || value_is_kind(v, OBJ_SET) || value_is_kind(v, OBJ_FROZENSET);
}

/* Every item of a is in b: 1, 0, -1 on error. */
static int dictview_all_in(VM *vm, Value a, Value b) {
    Value it = op_get_iter(vm, a);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return -1;
    int r = 1;
    for (;;) {
        Value x = op_iter_next(vm, it);
        if (x == VALUE_ERROR) r = -1;
        if (x == VALUE_ERROR || x == VALUE_NULL) break;
        Value in = op_contains(vm, b, x);
        if (in == VALUE_ERROR) r = -1;
        if (in != VALUE_TRUE) {
            if (in == VALUE_FALSE) r = 0;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

static Value dictview_compare(VM *vm, int op, Value a, Value b) {
    if (!dictview_is_setlike_or_set(a) || !dictview_is_setlike_or_set(b)) return VALUE_NULL;
    Type *ta = type_of(a);
    if (ta != &dictview_keys_type && ta != &dictview_items_type) return VALUE_NULL;
    int64_t na = dictview_len(vm, a), nb = type_of(b)->len(vm, b);
    int r;
    switch (op) {
    case 2: case 3: r = na == nb ? dictview_all_in(vm, a, b) : 0; break;
    case 0: r = na < nb ? dictview_all_in(vm, a, b) : 0; break;
    case 1: r = na <= nb ? dictview_all_in(vm, a, b) : 0; break;
    case 4: r = na > nb ? dictview_all_in(vm, b, a) : 0; break;
    default: r = na >= nb ? dictview_all_in(vm, b, a) : 0; break;
    }
    if (r < 0) return VALUE_ERROR;
    return value_from_bool(op == 3 ? !r : r);
}

static Value dictview_binary(VM *vm, int nb_op, Value a, Value b) {
    int op = nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op;
    if (op != NB_AND && op != NB_OR && op != NB_SUBTRACT && op != NB_XOR) return VALUE_NULL;
    return set_view_op(vm, op, a, b);
}

static Value dictview_m_isdisjoint(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_one(vm, "dict_keys.isdisjoint", nargs - 1, kw)) return VALUE_ERROR;
    Value it = op_get_iter(vm, args[1]);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return VALUE_ERROR;
    Value r = VALUE_TRUE;
    for (;;) {
        Value x = op_iter_next(vm, it);
        if (x == VALUE_ERROR || x == VALUE_NULL) {
            if (x == VALUE_ERROR) r = x;
            break;
        }
        int in = dictview_contains(vm, args[0], x);
        if (in) {
            r = in < 0 ? VALUE_ERROR : VALUE_FALSE;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return r;
}

static const MethodDef dictview_setlike_methods[] = {
    {"isdisjoint", dictview_m_isdisjoint, CALLKIND_O},
    {NULL, NULL, 0},
};

void dictview_init_types(void) {
    Type *views[] = {&dictview_keys_type, &dictview_values_type, &dictview_items_type};
    for (int i = 0; i < 3; i++) {
        views[i]->len = dictview_len;
        views[i]->iter = dictview_iter;
        views[i]->contains = dictview_contains;
        views[i]->repr = dictview_repr;
    }
    for (int i = 0; i < 3; i += 2) {
        views[i]->compare = dictview_compare;
        views[i]->binary = dictview_binary;
        views[i]->methods = dictview_setlike_methods;
    }
    for (int r = 0; r < 2; r++)
        for (int k = 0; k < 3; k++) {
            dictview_iter_types[r][k]->iter = iter_self;
            dictview_iter_types[r][k]->next = dictview_iter_next;
        }
}
