/* The dict type: its slots (repr, ==, subscripts, `in`, |) and methods, and dict(...). The table
 * itself is in dict.c, the views in dictview.c. */
#include <string.h>

#include "class.h"
#include "containers.h"
#include "vm.h"

Value dict_key_error(VM *vm, Value key) {
    /* KeyError(key): the message is the key itself (str(e) and the traceback show its repr, as
     * KeyError_str does for one argument); args is (key,). */
    Exception *e = exc_new(vm, &exc_KeyError, key);
    Tuple *args = e ? tuple_from(vm, &key, 1) : NULL;
    if (!args) return exc_raise_memory(vm);
    e->args = args;
    vm->exc = value_from_ptr(e);
    return VALUE_ERROR;
}

Dict *dict_copy(VM *vm, Dict *src) {
    Dict *d = dict_new(vm);
    if (!d) return NULL;
    for (uint32_t i = 0; i < src->nentries; i++) {
        DictEntry *e = &src->entries[i];
        if (e->key != VALUE_NULL && !dict_insert_new(vm, d, e->key, e->hash, e->value)) return NULL;
    }
    return d;
}

static int dict_update_pairs_rooted(VM *vm, Dict *d, Value iterable);

/* Adds the pairs of an iterable: each item must itself be an iterable of exactly two values. */
static int dict_update_pairs(VM *vm, Dict *d, Value iterable) {
    /* The dict may be new and unrooted; iterating may run Python code that collects. It stays
     * rooted (below the iterator) until the function returns. */
    if (!gc_root_push(vm, value_from_ptr(d))) return 0;
    int result = dict_update_pairs_rooted(vm, d, iterable);
    gc_root_pop(vm, 1);
    return result;
}

static int dict_update_pairs_rooted(VM *vm, Dict *d, Value iterable) {
    Value it = op_get_iter(vm, iterable);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return 0;
    int ok = 1;
    for (int64_t n = 0;; n++) {
        Value item = op_iter_next(vm, it);
        if (item == VALUE_ERROR) ok = 0;
        if (item == VALUE_ERROR || item == VALUE_NULL) break;
        Value pair = item;
        if (!value_is_kind(item, OBJ_TUPLE) && !value_is_kind(item, OBJ_LIST)) {
            if (!gc_root_push(vm, item)) {
                ok = 0;
                break;
            }
            Value probe = op_get_iter(vm, item);
            if (probe == VALUE_ERROR) {
                vm->exc = VALUE_NULL;
                exc_raise(vm, &exc_TypeError, "cannot convert dictionary update sequence element #%lld to a sequence",
                          (long long)n);
                gc_root_pop(vm, 1);
                ok = 0;
                break;
            }
            pair = list_from_iterable(vm, item);
            gc_root_pop(vm, 1);
            if (pair == VALUE_ERROR) {
                ok = 0;
                break;
            }
        }
        uint32_t len;
        Value *kv = seq_items(pair, &len);
        if (len != 2) {
            exc_raise(vm, &exc_ValueError, "dictionary update sequence element #%lld has length %u; 2 is required",
                      (long long)n, len);
            ok = 0;
            break;
        }
        Value key = kv[0], value = kv[1];
        if (!gc_root_push(vm, pair)) {
            ok = 0;
            break;
        }
        ok = dict_setitem(vm, d, key, value);
        gc_root_pop(vm, 1);
        if (!ok) break;
    }
    gc_root_pop(vm, 1);
    return ok;
}

int dict_update_from(VM *vm, Dict *d, Value other) {
    if (value_is_kind(other, OBJ_DICT)) {
        Dict *src = value_as_ptr(other);
        for (uint32_t i = 0; i < src->nentries; i++) {
            DictEntry e = src->entries[i];
            if (e.key == VALUE_NULL) continue;
            int32_t ix;
            if (!dict_find(vm, d, e.key, e.hash, &ix)) return 0;
            if (ix >= 0) d->entries[ix].value = e.value;
            else if (!dict_insert_new(vm, d, e.key, e.hash, e.value)) {
                exc_raise_memory(vm);
                return 0;
            }
        }
        return 1;
    }
    /* A mapping that is not a dict: anything with keys() (an instance of a class that defines
     * it, too); anything else is an iterable of pairs. */
    Value keys_method = dict_keys_method(vm, other);
    if (keys_method == VALUE_ERROR) return 0;
    if (keys_method == VALUE_NULL) return dict_update_pairs(vm, d, other);
    return dict_update_mapping(vm, d, other, keys_method);
}

Value dict_keys_method(VM *vm, Value other) {
    Str *name = str_intern(vm, "keys", 4);
    if (!name) return exc_raise_memory(vm);
    Value m = attr_get_opt(vm, other, name);
    return m == VALUE_NULL && vm->exc != VALUE_NULL ? VALUE_ERROR : m;
}

int dict_update_mapping(VM *vm, Dict *d, Value other, Value keys_method) {
    Value keys = vm_call(vm, keys_method, NULL, 0);
    if (keys == VALUE_ERROR) return 0;
    Value lv = list_from_iterable(vm, keys);
    if (lv == VALUE_ERROR || !gc_root_push(vm, lv)) return 0;
    List *kl = value_as_ptr(lv);
    int ok = 1;
    for (uint32_t i = 0; ok && i < kl->len; i++) {
        Value v = op_subscr(vm, other, kl->items[i]);
        ok = v != VALUE_ERROR && dict_setitem(vm, d, kl->items[i], v);
    }
    gc_root_pop(vm, 1);
    return ok;
}

/* ---- slots ---- */

static int dict_repr(VM *vm, Value v, StrBuf *out) {
    Dict *d = value_as_ptr(v);
    if (d->count == 0) {
        strbuf_puts(out, "{}");
        return 1;
    }
    int r = repr_enter(vm, &d->hdr);
    if (r) {
        if (r > 0) strbuf_puts(out, "{...}");
        return r > 0;
    }
    strbuf_putc(out, '{');
    int ok = 1, first = 1;
    for (uint32_t i = 0; ok && i < d->nentries; i++) {
        DictEntry e = d->entries[i];
        if (e.key == VALUE_NULL) continue;
        if (!first) strbuf_puts(out, ", ");
        first = 0;
        ok = op_repr_into(vm, e.key, out);
        strbuf_puts(out, ": ");
        ok = ok && op_repr_into(vm, e.value, out);
    }
    strbuf_putc(out, '}');
    repr_leave(&d->hdr);
    return ok;
}

static Value dict_compare(VM *vm, int op, Value a, Value b) {
    if ((op != 2 && op != 3) || !value_is_kind(a, OBJ_DICT) || !value_is_kind(b, OBJ_DICT)) return VALUE_NULL;
    Dict *x = value_as_ptr(a), *y = value_as_ptr(b);
    int equal = x->count == y->count;
    for (uint32_t i = 0; equal && i < x->nentries; i++) {
        DictEntry e = x->entries[i];
        if (e.key == VALUE_NULL) continue;
        int32_t ix;
        if (!dict_find(vm, y, e.key, e.hash, &ix)) return VALUE_ERROR;
        if (ix < 0) {
            equal = 0;
            break;
        }
        int eq = op_equal(vm, e.value, y->entries[ix].value);
        if (eq < 0) return VALUE_ERROR;
        equal = eq;
    }
    return value_from_bool(op == 2 ? equal : !equal);
}

static int64_t dict_len(VM *vm, Value v) {
    (void)vm;
    return ((Dict *)value_as_ptr(v))->count;
}

static Value dict_getitem_slot(VM *vm, Value c, Value key) {
    Value v = dict_getitem(vm, value_as_ptr(c), key);
    return v == VALUE_NULL ? dict_key_error(vm, key) : v;
}

static Value dict_setitem_slot(VM *vm, Value c, Value key, Value value) {
    Dict *d = value_as_ptr(c);
    if (value != VALUE_NULL) return dict_setitem(vm, d, key, value) ? VALUE_NONE : VALUE_ERROR;
    uint64_t hash;
    int32_t ix;
    if (!dict_hash(vm, key, &hash) || !dict_find(vm, d, key, hash, &ix)) return VALUE_ERROR;
    if (ix < 0) return dict_key_error(vm, key);
    dict_remove_at(d, ix);
    return VALUE_NONE;
}

static int dict_contains(VM *vm, Value c, Value key) {
    Value v = dict_getitem(vm, value_as_ptr(c), key);
    return v == VALUE_ERROR ? -1 : v != VALUE_NULL;
}

static Value dict_binary(VM *vm, int nb_op, Value a, Value b) {
    if (nb_op == NB_OR) {
        if (!value_is_kind(a, OBJ_DICT) || !value_is_kind(b, OBJ_DICT)) return VALUE_NULL;
        Dict *d = dict_copy(vm, value_as_ptr(a));
        if (!d) return exc_raise_memory(vm);
        if (!gc_root_push(vm, value_from_ptr(d))) return VALUE_ERROR;
        int ok = dict_update_from(vm, d, b);
        gc_root_pop(vm, 1);
        return ok ? value_from_ptr(d) : VALUE_ERROR;
    }
    if (nb_op == NB_OR + NB_INPLACE && value_is_kind(a, OBJ_DICT))
        return dict_update_from(vm, value_as_ptr(a), b) ? a : VALUE_ERROR;
    return VALUE_NULL;
}

/* ---- methods (args[0] is the dict) ---- */

#define DICT_SELF ((Dict *)value_as_ptr(args[0]))

static Value dict_m_get(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_range(vm, "get", nargs - 1, 1, 2, kw)) return VALUE_ERROR;
    Value v = dict_getitem(vm, DICT_SELF, args[1]);
    if (v == VALUE_NULL) return nargs > 2 ? args[2] : VALUE_NONE;
    return v;
}

static Value dict_m_setdefault(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_range(vm, "setdefault", nargs - 1, 1, 2, kw)) return VALUE_ERROR;
    Value v = dict_getitem(vm, DICT_SELF, args[1]);
    if (v != VALUE_NULL) return v;
    Value dflt = nargs > 2 ? args[2] : VALUE_NONE;
    return dict_setitem(vm, DICT_SELF, args[1], dflt) ? dflt : VALUE_ERROR;
}

static Value dict_m_pop(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_range(vm, "pop", nargs - 1, 1, 2, kw)) return VALUE_ERROR;
    Dict *d = DICT_SELF;
    uint64_t hash;
    int32_t ix;
    if (!dict_hash(vm, args[1], &hash) || !dict_find(vm, d, args[1], hash, &ix)) return VALUE_ERROR;
    if (ix < 0) return nargs > 2 ? args[2] : dict_key_error(vm, args[1]);
    Value v = d->entries[ix].value;
    dict_remove_at(d, ix);
    return v;
}

static Value dict_m_popitem(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.popitem", nargs - 1, kw)) return VALUE_ERROR;
    Dict *d = DICT_SELF;
    if (d->count == 0) {
        Value msg = str_value(vm, "popitem(): dictionary is empty", 30);
        return msg == VALUE_ERROR ? msg : dict_key_error(vm, msg);
    }
    uint32_t i = d->nentries;
    while (d->entries[i - 1].key == VALUE_NULL) i--;
    Value kv[2] = {d->entries[i - 1].key, d->entries[i - 1].value};
    Tuple *t = tuple_from(vm, kv, 2);
    if (!t) return exc_raise_memory(vm);
    dict_remove_at(d, (int32_t)(i - 1));
    return value_from_ptr(t);
}

static int dict_update_kwargs(VM *vm, Dict *d, Value *kwvalues, Tuple *kw) {
    for (uint32_t i = 0; kw && i < kw->len; i++)
        if (!dict_setitem(vm, d, kw->items[i], kwvalues[i])) return 0;
    return 1;
}

static Value dict_m_update(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (nargs > 2) return exc_raise(vm, &exc_TypeError, "update expected at most 1 argument, got %d", nargs - 1);
    if (nargs == 2 && !dict_update_from(vm, DICT_SELF, args[1])) return VALUE_ERROR;
    return dict_update_kwargs(vm, DICT_SELF, args + nargs, kw) ? VALUE_NONE : VALUE_ERROR;
}

static Value dict_m_copy(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.copy", nargs - 1, kw)) return VALUE_ERROR;
    Dict *d = dict_copy(vm, DICT_SELF);
    return d ? value_from_ptr(d) : exc_raise_memory(vm);
}

static Value dict_m_clear(VM *vm, Value *args, int nargs, Tuple *kw) {
    if (!methargs_none(vm, "dict.clear", nargs - 1, kw)) return VALUE_ERROR;
    dict_clear_all(vm, DICT_SELF);
    return VALUE_NONE;
}

static Value dict_m_fromkeys(VM *vm, Value *args, int nargs, Tuple *kw) {
    /* A classmethod: args[0] is the class (or a dict it was called on). Should a caller leave the
     * class out, the arguments start at args[0]; take them as they come. */
    int skip = nargs > 0 && (value_is_kind(args[0], OBJ_TYPE) || value_is_kind(args[0], OBJ_DICT));
    args += skip;
    nargs -= skip;
    if (!methargs_range(vm, "fromkeys", nargs, 1, 2, kw)) return VALUE_ERROR;
    Dict *d = dict_new(vm);
    if (!d) return exc_raise_memory(vm);
    Value value = nargs > 1 ? args[1] : VALUE_NONE;
    if (!gc_root_push(vm, value_from_ptr(d))) return VALUE_ERROR;
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) {
        gc_root_pop(vm, 1);
        return VALUE_ERROR;
    }
    Value r = value_from_ptr(d);
    for (;;) {
        Value k = op_iter_next(vm, it);
        if (k == VALUE_ERROR) r = VALUE_ERROR;
        if (k == VALUE_ERROR || k == VALUE_NULL) break;
        if (!dict_setitem(vm, d, k, value)) {
            r = VALUE_ERROR;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return r;
}

static Value dict_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "dict expected at most 1 argument, got %d", nargs);
    Dict *d = dict_new(vm);
    if (!d) return exc_raise_memory(vm);
    if (!gc_root_push(vm, value_from_ptr(d))) return VALUE_ERROR;
    int ok = (nargs == 0 || dict_update_from(vm, d, args[0])) && dict_update_kwargs(vm, d, args + nargs, kwnames);
    gc_root_pop(vm, 1);
    return ok ? value_from_ptr(d) : VALUE_ERROR;
}

Value dictview_keys(VM *vm, Value *args, int nargs, Tuple *kw);
Value dictview_values(VM *vm, Value *args, int nargs, Tuple *kw);
Value dictview_items(VM *vm, Value *args, int nargs, Tuple *kw);
Value dictview_reversed(VM *vm, Value *args, int nargs, Tuple *kw);
Value dictview_iter_keys(VM *vm, Value dict);

static const MethodDef dict_methods[] = {
    {"keys", dictview_keys, CALLKIND_NOARGS},
    {"values", dictview_values, CALLKIND_NOARGS},
    {"items", dictview_items, CALLKIND_NOARGS},
    {"get", dict_m_get, CALLKIND_FAST},
    {"setdefault", dict_m_setdefault, CALLKIND_FAST},
    {"pop", dict_m_pop, CALLKIND_FAST},
    {"popitem", dict_m_popitem, CALLKIND_NOARGS},
    {"update", dict_m_update, CALLKIND_VARARGS},
    {"copy", dict_m_copy, CALLKIND_NOARGS},
    {"clear", dict_m_clear, CALLKIND_NOARGS},
    {"fromkeys", dict_m_fromkeys, CALLKIND_FAST | METHODDEF_CLASSMETHOD},
    {"__reversed__", dictview_reversed, CALLKIND_NOARGS_PENDING},
    {NULL, NULL, 0},
};

void dict_init_types(void) {
    type_dict.construct = dict_construct;
    type_dict.methods = dict_methods;
    type_dict.repr = dict_repr;
    type_dict.compare = dict_compare;
    type_dict.len = dict_len;
    type_dict.iter = dictview_iter_keys;
    type_dict.getitem = dict_getitem_slot;
    type_dict.setitem = dict_setitem_slot;
    type_dict.contains = dict_contains;
    type_dict.binary = dict_binary;
    dictview_init_types();
}
