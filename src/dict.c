/* dict: an insertion-ordered hash table (CPython's compact layout: an index table of positions
 * into a dense entry array), with keys versions for LOAD_GLOBAL's guards; and hashing, shared
 * with sets. The dict type's slots and methods are in dictobj.c, its views in dictview.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "containers.h"
#include "vm.h"

/* CPython's numeric hash: integers modulo the Mersenne prime 2**61 - 1, keeping the sign, so that
 * equal ints and floats hash alike; -1 is reserved and becomes -2. */
#define DICT_HASH_BITS 61
#define DICT_HASH_MODULUS (((uint64_t)1 << DICT_HASH_BITS) - 1)
#define DICT_HASH_INF 314159

static uint64_t dict_hash_int(int64_t i) {
    uint64_t m = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    /* Small ints and integral floats are below the modulus; skipping the remainder there matters
     * under WebAssembly, where it is a real 64-bit division. */
    if (m >= DICT_HASH_MODULUS) m %= DICT_HASH_MODULUS;
    int64_t h = i < 0 ? -(int64_t)m : (int64_t)m;
    if (h == -1) h = -2;
    return (uint64_t)h;
}

/* _Py_HashDouble: the float's value modulo 2**61 - 1, 28 bits at a time. */
static uint64_t dict_hash_double(double v) {
    if (isinf(v)) return v > 0 ? DICT_HASH_INF : (uint64_t)-DICT_HASH_INF;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0, y;
    while (m) {
        x = ((x << 28) & DICT_HASH_MODULUS) | x >> (DICT_HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= DICT_HASH_MODULUS) x -= DICT_HASH_MODULUS;
    }
    e = e >= 0 ? e % DICT_HASH_BITS : DICT_HASH_BITS - 1 - ((-1 - e) % DICT_HASH_BITS);
    x = ((x << e) & DICT_HASH_MODULUS) | x >> (DICT_HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1) x = (uint64_t)-2;
    return x;
}

/* CPython 3.11's tuplehash (xxHash's mixing) over the items' hashes. */
#define XXPRIME_1 11400714785074694791ull
#define XXPRIME_2 14029467366897019727ull
#define XXPRIME_5 2870177450012600261ull

static uint64_t dict_tuple_mix(uint64_t acc, uint64_t lane) {
    acc += lane * XXPRIME_2;
    acc = (acc << 31) | (acc >> 33);
    return acc * XXPRIME_1;
}

static uint64_t dict_tuple_finish(uint64_t acc, uint32_t len) {
    acc += len ^ (XXPRIME_5 ^ 3527539ull);
    return acc == (uint64_t)-1 ? 1546275796 : acc;
}

static int dict_hash_pure_at(Value v, uint64_t *out, int depth) {
    if (value_is_kind(v, OBJ_STR)) {
        *out = dict_fix_hash(str_hash((Str *)value_as_obj(v)));
        return 1;
    }
    if (value_is_int(v)) {
        *out = dict_hash_int(value_as_int(v));
        return 1;
    }
    if (value_is_float(v)) {
        double d = value_as_float(v);
        /* Integral floats hash exactly like the int they equal. */
        *out = (d == floor(d) && fabs(d) < 9e15) ? dict_hash_int((int64_t)d) : dict_hash_double(d);
        return 1;
    }
    if (value_is_bool(v)) {
        *out = v == VALUE_TRUE;
        return 1;
    }
    if (v == VALUE_NONE) {
        *out = 0xfca86420u;  /* CPython hashes None by address; any constant will do */
        return 1;
    }
    if (value_is_kind(v, OBJ_TUPLE) && depth < VM_MAX_PURE_DEPTH) {
        Tuple *t = value_as_ptr(v);
        uint64_t acc = XXPRIME_5, lane;
        for (uint32_t i = 0; i < t->len; i++) {
            if (!dict_hash_pure_at(t->items[i], &lane, depth + 1)) return 0;
            acc = dict_tuple_mix(acc, lane);
        }
        *out = dict_tuple_finish(acc, t->len);
        return 1;
    }
    return 0;
}

int dict_hash_pure(Value v, uint64_t *out) { return dict_hash_pure_at(v, out, 0); }

/* The tuple type's hash slot: like the pure hash, but items may be any hashable values. */
int dict_tuple_hash(VM *vm, Value v, uint64_t *out) {
    if (++vm->c_depth > VM_MAX_C_DEPTH) {
        vm->c_depth--;
        exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded while calculating hash");
        return 0;
    }
    Tuple *t = value_as_ptr(v);
    uint64_t acc = XXPRIME_5, lane;
    int ok = 1;
    for (uint32_t i = 0; i < t->len && ok; i++) {
        ok = dict_hash(vm, t->items[i], &lane);
        acc = dict_tuple_mix(acc, lane);
    }
    vm->c_depth--;
    if (ok) *out = dict_tuple_finish(acc, t->len);
    return ok;
}

int dict_hash(VM *vm, Value v, uint64_t *out) {
    /* str keys first and without a call: most keys are strs. */
    if (value_is_kind(v, OBJ_STR)) {
        *out = dict_fix_hash(str_hash(value_as_ptr(v)));
        return 1;
    }
    if (dict_hash_pure(v, out)) return 1;
    Type *t = type_of(v);
    if (t->hash) {
        if (!t->hash(vm, v, out)) return 0;
        *out = dict_fix_hash(*out);
        return 1;
    }
    /* No hash slot: the mutable built-in containers, slices (until 3.12) and classes that set
     * __hash__ to None are unhashable; every other object hashes by identity, as
     * object.__hash__ does. */
    if (t->is_heap || type_is_subtype(t, &type_list) || type_is_subtype(t, &type_dict) ||
        type_is_subtype(t, &type_set) || t == &type_slice) {
        exc_raise(vm, &exc_TypeError, "unhashable type: '%s'", t->name);
        return 0;
    }
    *out = dict_fix_hash((v >> 4) * 0x9e3779b97f4a7c15ull);
    return 1;
}

/* Whether equality of these two keys can be decided without calling Python code. */
static int dict_key_is_pure_at(Value v, int depth) {
    if (!value_is_obj(v)) return 1;
    if (value_is_kind(v, OBJ_STR)) return 1;
    if (value_is_kind(v, OBJ_TUPLE) && depth < VM_MAX_PURE_DEPTH) {
        Tuple *t = value_as_ptr(v);
        for (uint32_t i = 0; i < t->len; i++)
            if (!dict_key_is_pure_at(t->items[i], depth + 1)) return 0;
        return 1;
    }
    return 0;
}

static int dict_key_is_pure(Value v) { return dict_key_is_pure_at(v, 0); }

int dict_keys_equal(VM *vm, Value a, Value b) {
    if (a == b) return 1;
    if (value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR)) return str_equal(value_as_ptr(a), value_as_ptr(b));
    if (dict_key_is_pure(a) && dict_key_is_pure(b)) return op_key_equal(a, b);
    return op_equal(vm, a, b);
}

Dict *dict_new(VM *vm) { return gc_alloc(vm, sizeof(Dict), OBJ_DICT); }

int32_t dict_lookup(Dict *d, Value key, uint64_t hash) {
    if (!d->indexcap) return -1;
    /* Callers pass value_hash(key); the table is keyed by dict_hash, equal for the keys whose
     * hash needs no Python code, which are the only ones a VM-less lookup can compare anyway. */
    dict_hash_pure(key, &hash);
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = hash;
    for (uint32_t i = (uint32_t)hash & mask;; i = dict_probe_next(i, &perturb, mask)) {
        int32_t ix = d->index[i];
        if (ix == -1) return -1;
        if (ix < 0) continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == key || (e->hash == hash && op_key_equal(e->key, key))) return ix;
    }
}

int dict_find(VM *vm, Dict *d, Value key, uint64_t hash, int32_t *out) {
restart:
    *out = -1;
    if (!d->indexcap) return 1;
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = hash;
    for (uint32_t i = (uint32_t)hash & mask;; i = dict_probe_next(i, &perturb, mask)) {
        int32_t ix = d->index[i];
        if (ix == -1) return 1;
        if (ix < 0) continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == key) {
            *out = ix;
            return 1;
        }
        if (e->hash != hash) continue;
        Value startkey = e->key;
        DictEntry *entries = d->entries;
        int eq = dict_keys_equal(vm, startkey, key);
        if (eq < 0) return 0;
        /* __eq__ may have changed the dict: start over when the entry moved or went away. */
        if (entries != d->entries || d->indexcap - 1 != mask || d->entries[ix].key != startkey) goto restart;
        if (eq) {
            *out = ix;
            return 1;
        }
    }
}

/* A str key's probe sequence from its first slot i, which dict_find_str looked at for the key
 * itself only: an equal str that is another object (not interned, as the keys of a dict given to
 * type()) may be there too. */
__attribute__((noinline)) int32_t dict_find_str_probe(Dict *d, Value k, uint64_t hash, uint32_t i) {
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = hash;
    for (;; i = dict_probe_next(i, &perturb, mask)) {
        int32_t ix = d->index[i];
        if (ix == -1) return -1;
        if (ix < 0) continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == k || (e->hash == hash && op_key_equal(e->key, k))) return ix;
    }
}

Value dict_get_str(Dict *d, Str *key) { return dict_get_str_inline(d, key); }

/* Rebuilds the index (and compacts the entries) with room for at least `need` keys. */
static int dict_resize(VM *vm, Dict *d, uint32_t need) {
    uint32_t indexcap = 8;
    while (indexcap * 2 < need * 3) indexcap *= 2;
    uint32_t entcap = indexcap * 2 / 3;
    DictEntry *entries = gc_block_alloc(vm, entcap * sizeof(DictEntry));
    int32_t *index = gc_block_alloc(vm, indexcap * sizeof(int32_t));
    if (!entries || !index) {
        gc_block_free(vm, entries, entcap * sizeof(DictEntry));
        gc_block_free(vm, index, indexcap * sizeof(int32_t));
        return 0;
    }
    memset(index, 0xff, indexcap * sizeof(int32_t));
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key == VALUE_NULL) continue;
        entries[n] = d->entries[i];
        uint64_t perturb = entries[n].hash;
        uint32_t j = (uint32_t)perturb & (indexcap - 1);
        while (index[j] != -1) j = dict_probe_next(j, &perturb, indexcap - 1);
        index[j] = (int32_t)n++;
    }
    gc_track_bytes(vm, (long)(entcap * sizeof(DictEntry) + indexcap * sizeof(int32_t)) -
                           (long)(d->entcap * sizeof(DictEntry) + d->indexcap * sizeof(int32_t)));
    gc_block_free(vm, d->entries, d->entcap * sizeof(DictEntry));
    gc_block_free(vm, d->index, d->indexcap * sizeof(int32_t));
    d->entries = entries;
    d->index = index;
    d->entcap = entcap;
    d->indexcap = indexcap;
    d->nentries = n;
    return 1;
}

int dict_insert_new(VM *vm, Dict *d, Value key, uint64_t hash, Value value) {
    if (d->nentries == d->entcap && !dict_resize(vm, d, d->count + 1)) return 0;
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = hash;
    uint32_t i = (uint32_t)hash & mask;
    while (d->index[i] >= 0) i = dict_probe_next(i, &perturb, mask);
    d->index[i] = (int32_t)d->nentries;
    d->entries[d->nentries++] = (DictEntry){key, value, hash};
    d->count++;
    /* A new key invalidates every cached entry position: the keys version starts over. */
    d->keys_version = 0;
    return 1;
}

int dict_set(VM *vm, Dict *d, Value key, uint64_t hash, Value value) {
    dict_hash_pure(key, &hash);
    int32_t ix = dict_lookup(d, key, hash);
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 1;
    }
    return dict_insert_new(vm, d, key, hash, value);
}

int dict_set_str(VM *vm, Dict *d, Str *key, Value value) {
    int32_t ix = dict_find_str(d, key);
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 1;
    }
    return dict_insert_new(vm, d, value_from_ptr(key), dict_fix_hash(str_hash(key)), value);
}

/* DICT_FIND_STR_OTHER: a key of another kind has the str key's hash, and comparing them may run
 * Python code (its __eq__), which dict_find knows how to do. */
#define DICT_FIND_STR_OTHER (-2)

/* dict_find for a str key, as d[k] and d[k] = v see them most: no out-parameters, which under
 * WebAssembly put the caller's locals in memory. The index of the key, -1 when it is absent, or
 * DICT_FIND_STR_OTHER. */
static int32_t dict_find_str_key(Dict *d, Value key, uint64_t hash) {
    if (!d->indexcap) return -1;
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = hash;
    for (uint32_t i = (uint32_t)hash & mask;; i = dict_probe_next(i, &perturb, mask)) {
        int32_t ix = d->index[i];
        if (ix == -1) return -1;
        if (ix < 0) continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == key) return ix;
        if (e->hash != hash) continue;
        if (!value_is_kind(e->key, OBJ_STR)) return DICT_FIND_STR_OTHER;
        if (str_equal(value_as_ptr(e->key), value_as_ptr(key))) return ix;
    }
}

int dict_set_str_unhinted(VM *vm, Dict *d, Str *key, Value value, uint32_t *hint) {
    int32_t ix = dict_find_str(d, key);
    if (ix >= 0) {
        d->entries[ix].value = value;
    } else {
        if (!dict_insert_new(vm, d, value_from_ptr(key), dict_fix_hash(str_hash(key)), value)) return 0;
        ix = (int32_t)d->nentries - 1;
    }
    *hint = (uint32_t)ix;
    return 1;
}

int dict_setitem(VM *vm, Dict *d, Value key, Value value) {
    uint64_t hash;
    int32_t ix = DICT_FIND_STR_OTHER;
    if (value_is_kind(key, OBJ_STR)) {
        hash = dict_fix_hash(str_hash(value_as_ptr(key)));
        ix = dict_find_str_key(d, key, hash);
    }
    if (ix == DICT_FIND_STR_OTHER && (!dict_hash(vm, key, &hash) || !dict_find(vm, d, key, hash, &ix))) return 0;
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 1;
    }
    if (!dict_insert_new(vm, d, key, hash, value)) {
        exc_raise_memory(vm);
        return 0;
    }
    return 1;
}

Value dict_getitem(VM *vm, Dict *d, Value key) {
    if (value_is_kind(key, OBJ_STR)) {
        int32_t ix = dict_find_str_key(d, key, dict_fix_hash(str_hash(value_as_ptr(key))));
        if (ix != DICT_FIND_STR_OTHER) return ix < 0 ? VALUE_NULL : d->entries[ix].value;
    }
    uint64_t hash;
    int32_t ix;
    if (!dict_hash(vm, key, &hash) || !dict_find(vm, d, key, hash, &ix)) return VALUE_ERROR;
    return ix < 0 ? VALUE_NULL : d->entries[ix].value;
}

void dict_remove_at(Dict *d, int32_t ix) {
    DictEntry *e = &d->entries[ix];
    uint32_t mask = d->indexcap - 1;
    uint64_t perturb = e->hash;
    for (uint32_t i = (uint32_t)e->hash & mask;; i = dict_probe_next(i, &perturb, mask))
        if (d->index[i] == ix) {
            d->index[i] = -2;
            break;
        }
    e->key = VALUE_NULL;
    e->value = VALUE_NULL;
    d->count--;
    /* A deleted key must also invalidate cached entry positions. */
    d->keys_version = 0;
}

void dict_clear_all(VM *vm, Dict *d) {
    gc_track_bytes(vm, -(long)(d->entcap * sizeof(DictEntry) + d->indexcap * sizeof(int32_t)));
    gc_block_free(vm, d->entries, d->entcap * sizeof(DictEntry));
    gc_block_free(vm, d->index, d->indexcap * sizeof(int32_t));
    d->entries = NULL;
    d->index = NULL;
    d->entcap = d->indexcap = d->nentries = d->count = 0;
    d->keys_version = 0;
}

uint32_t dict_keys_version(VM *vm, Dict *d) {
    if (d->keys_version == 0 && vm->next_keys_version != 0) d->keys_version = vm->next_keys_version++;
    return d->keys_version;
}

int dict_del_str(VM *vm, Dict *d, Str *key) {
    int32_t ix = dict_lookup(d, value_from_ptr(key), str_hash(key));
    if (ix < 0) {
        dict_key_error(vm, value_from_ptr(key));
        return 0;
    }
    dict_remove_at(d, ix);
    return 1;
}
