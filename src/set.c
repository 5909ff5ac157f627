/* set and frozenset: the hash table, laid out and probed exactly as CPython 3.11's setobject.c
 * does, so that a set of numbers iterates and prints in CPython's order. The algebra and methods
 * are in setobj.c.
 *
 * A set uses the Dict layout the collector knows: `entries` is the open-addressed table itself
 * (entcap == nentries == its size, a power of two), `count` is the number of live keys. An empty
 * slot has key VALUE_NULL and hash 0, a deleted one ("dummy") key VALUE_NULL and hash -1, which no
 * real hash is (dict_hash never returns it). The two counters CPython keeps beside the table,
 * `fill` (live + dummy slots) and the `finger` where set.pop resumes, take the place of a dict's
 * index pointer (Dict.set), so a set is two allocations, not three. */
#include <stdlib.h>
#include <string.h>

#include "containers.h"
#include "vm.h"

#define SET_MINSIZE 8
#define SET_LINEAR_PROBES 9
#define SET_PERTURB_SHIFT 5
#define SET_DUMMY ((uint64_t)-1)

#define SET_FILL(s) ((s)->set.fill)
#define SET_FINGER(s) ((s)->set.finger)

static size_t set_mask(Dict *s) { return (size_t)s->entcap - 1; }

/* A table of n empty slots (key VALUE_NULL, hash 0), or NULL. */
static DictEntry *set_table_alloc(VM *vm, size_t n) {
    DictEntry *t = gc_block_alloc(vm, n * sizeof(DictEntry));
    if (t)
        for (size_t i = 0; i < n; i++) t[i] = (DictEntry){VALUE_NULL, VALUE_NULL, 0};
    return t;
}

/* The table size for minused slots: the smallest power of two above it, at least SET_MINSIZE. */
static size_t set_table_size(int64_t minused) {
    size_t size = SET_MINSIZE;
    while (size <= (size_t)minused) size <<= 1;
    return size;
}

/* Gives a set without a table (a bare set: set_new_bare) the table t of size slots, count of them
 * live and no dummies. */
static void set_install_table(VM *vm, Dict *s, DictEntry *t, size_t size, uint32_t count) {
    s->entries = t;
    s->entcap = s->nentries = (uint32_t)size;
    s->indexcap = 0;
    s->count = count;
    SET_FILL(s) = (int32_t)count;
    SET_FINGER(s) = 0;
    gc_track_bytes(vm, (long)(size * sizeof(DictEntry)));
}

/* Gives a bare set its first table, empty, for minused slots. */
static int set_ready_sized(VM *vm, Dict *s, int64_t minused) {
    size_t size = set_table_size(minused);
    DictEntry *t = set_table_alloc(vm, size);
    if (!t) {
        exc_raise_memory(vm);
        return 0;
    }
    set_install_table(vm, s, t, size, 0);
    return 1;
}

/* Inline, since nearly every set already has its table: clang left this check a call. */
static ALWAYS_INLINE int set_ready(VM *vm, Dict *s) { return s->entries ? 1 : set_ready_sized(vm, s, 0); }

Dict *set_new_bare(VM *vm, int frozen) { return gc_alloc(vm, sizeof(Dict), frozen ? OBJ_FROZENSET : OBJ_SET); }

Dict *set_new(VM *vm, int frozen) {
    Dict *s = set_new_bare(vm, frozen);
    if (!s) return NULL;
    if (!set_ready(vm, s)) {
        vm->exc = VALUE_NULL;
        return NULL;
    }
    return s;
}

int64_t set_next_entry(Dict *s, int64_t *pos) {
    for (int64_t i = *pos; i < (int64_t)s->nentries; i++)
        if (s->entries[i].key != VALUE_NULL) {
            *pos = i + 1;
            return i;
        }
    *pos = s->nentries;
    return -1;
}

/* Equality of a stored key with the key searched for; may call __eq__. */
static int set_key_eq(VM *vm, Value stored, Value key) {
    if (value_is_kind(stored, OBJ_STR) && value_is_kind(key, OBJ_STR))
        return str_equal(value_as_ptr(stored), value_as_ptr(key));
    return dict_keys_equal(vm, stored, key);
}

/* set_lookkey: the slot holding key, or the empty slot that ends its probe sequence (*out is then
 * the index of a slot whose key is VALUE_NULL). 0 on error. */
static int set_lookkey(VM *vm, Dict *s, Value key, uint64_t hash, int64_t *out) {
restart:;
    size_t mask = set_mask(s), perturb = hash, i = (size_t)hash & mask;
    for (;;) {
        size_t probes = i + SET_LINEAR_PROBES <= mask ? SET_LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            DictEntry *e = &s->entries[j];
            if (e->hash == 0 && e->key == VALUE_NULL) {
                *out = (int64_t)j;
                return 1;
            }
            if (e->hash == hash && e->key != VALUE_NULL) {
                Value startkey = e->key;
                if (startkey == key) {
                    *out = (int64_t)j;
                    return 1;
                }
                DictEntry *table = s->entries;
                int eq = set_key_eq(vm, startkey, key);
                if (eq < 0) return 0;
                /* __eq__ may have changed the set: search again from the start. */
                if (table != s->entries || s->entries[j].key != startkey) goto restart;
                if (eq) {
                    *out = (int64_t)j;
                    return 1;
                }
                mask = set_mask(s);
            }
            if (probes-- == 0) break;
        }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Inserts a key known to be absent into a table without dummies. */
static void set_insert_clean(DictEntry *table, size_t mask, Value key, uint64_t hash) {
    size_t perturb = hash, i = (size_t)hash & mask;
    for (;;) {
        if (table[i].key == VALUE_NULL) goto found;
        if (i + SET_LINEAR_PROBES <= mask)
            for (size_t j = 1; j <= SET_LINEAR_PROBES; j++)
                if (table[i + j].key == VALUE_NULL) {
                    i += j;
                    goto found;
                }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    table[i].key = key;
    table[i].value = VALUE_NONE;
    table[i].hash = hash;
}

/* set_table_resize: a table of the smallest power of two above minused, dummies dropped. */
static int set_table_resize(VM *vm, Dict *s, int64_t minused) {
    size_t newsize = set_table_size(minused);
    if (newsize > ((size_t)1 << 28)) {
        exc_raise_memory(vm);
        return 0;
    }
    DictEntry *table = set_table_alloc(vm, newsize);
    if (!table) {
        exc_raise_memory(vm);
        return 0;
    }
    DictEntry *old = s->entries;
    size_t oldsize = s->entcap;
    for (size_t i = 0; i < oldsize; i++)
        if (old[i].key != VALUE_NULL) set_insert_clean(table, newsize - 1, old[i].key, old[i].hash);
    gc_block_free(vm, old, oldsize * sizeof(DictEntry));
    gc_track_bytes(vm, (long)(newsize * sizeof(DictEntry)) - (long)(oldsize * sizeof(DictEntry)));
    s->entries = table;
    s->entcap = s->nentries = (uint32_t)newsize;
    SET_FILL(s) = (int32_t)s->count;
    return 1;
}

/* set_add_entry. 0 on error. */
int set_add_entry(VM *vm, Dict *s, Value key, uint64_t hash) {
    if (!set_ready(vm, s)) return 0;
restart:;
    size_t mask = set_mask(s), perturb = hash, i = (size_t)hash & mask;
    int64_t freeslot = -1;
    for (;;) {
        size_t probes = i + SET_LINEAR_PROBES <= mask ? SET_LINEAR_PROBES : 0;
        for (size_t j = i;; j++) {
            DictEntry *e = &s->entries[j];
            if (e->hash == 0 && e->key == VALUE_NULL) {
                if (freeslot >= 0) {
                    /* Reuse the last deleted slot seen on the way. */
                    s->entries[freeslot] = (DictEntry){key, VALUE_NONE, hash};
                    s->count++;
                    return 1;
                }
                *e = (DictEntry){key, VALUE_NONE, hash};
                SET_FILL(s)++;
                s->count++;
                if ((size_t)SET_FILL(s) * 5 < mask * 3) return 1;
                return set_table_resize(vm, s, s->count > 50000 ? (int64_t)s->count * 2 : (int64_t)s->count * 4);
            }
            if (e->hash == hash && e->key != VALUE_NULL) {
                Value startkey = e->key;
                if (startkey == key) return 1;
                DictEntry *table = s->entries;
                int eq = set_key_eq(vm, startkey, key);
                if (eq < 0) return 0;
                if (eq) return 1;
                if (table != s->entries || s->entries[j].key != startkey) goto restart;
                mask = set_mask(s);
            } else if (e->hash == SET_DUMMY && e->key == VALUE_NULL) {
                freeslot = (int64_t)j;
            }
            if (probes-- == 0) break;
        }
        perturb >>= SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_add(VM *vm, Dict *s, Value key) {
    uint64_t hash;
    return dict_hash(vm, key, &hash) && set_add_entry(vm, s, key, hash);
}

/* 1 found, 0 not, -1 on error. */
int set_contains_entry(VM *vm, Dict *s, Value key, uint64_t hash) {
    if (!s->entries) return 0;
    int64_t pos;
    if (!set_lookkey(vm, s, key, hash, &pos)) return -1;
    return s->entries[pos].key != VALUE_NULL;
}

int set_contains_key(VM *vm, Dict *s, Value key) {
    uint64_t hash;
    if (!dict_hash(vm, key, &hash)) return -1;
    return set_contains_entry(vm, s, key, hash);
}

/* set_discard_entry: 1 found and removed, 0 not found, -1 on error. */
int set_discard_entry(VM *vm, Dict *s, Value key, uint64_t hash) {
    if (!s->entries) return 0;
    int64_t pos;
    if (!set_lookkey(vm, s, key, hash, &pos)) return -1;
    DictEntry *e = &s->entries[pos];
    if (e->key == VALUE_NULL) return 0;
    *e = (DictEntry){VALUE_NULL, VALUE_NULL, SET_DUMMY};
    s->count--;
    return 1;
}

int set_discard_key(VM *vm, Dict *s, Value key) {
    uint64_t hash;
    if (!dict_hash(vm, key, &hash)) return -1;
    return set_discard_entry(vm, s, key, hash);
}

void set_clear(VM *vm, Dict *s) {
    gc_track_bytes(vm, -(long)(s->entcap * sizeof(DictEntry)));
    gc_block_free(vm, s->entries, s->entcap * sizeof(DictEntry));
    s->entries = NULL;
    s->entcap = s->nentries = s->count = 0;
    if (!set_ready(vm, s)) vm->exc = VALUE_NULL;
}

/* set_merge: adds every key of another set, copying the table outright when that is possible. */
int set_merge(VM *vm, Dict *s, Dict *other) {
    if (!s->entries) {
        /* A bare set gets the table the resize below would give a new set's minimal one (set(x),
         * x.copy(), x | y): made once, not made and then remade. */
        int big = (size_t)other->count * 5 >= (SET_MINSIZE - 1) * 3;
        int64_t minused = big ? (int64_t)other->count * 2 : 0;
        if (set_table_size(minused) == other->entcap && SET_FILL(other) == (int32_t)other->count && other->count) {
            /* The copy below, with nothing to clear first. */
            DictEntry *t = gc_block_alloc(vm, other->entcap * sizeof(DictEntry));
            if (!t) {
                exc_raise_memory(vm);
                return 0;
            }
            memcpy(t, other->entries, other->entcap * sizeof(DictEntry));
            set_install_table(vm, s, t, other->entcap, other->count);
            return 1;
        }
        if (!set_ready_sized(vm, s, minused)) return 0;
    }
    if (other == s || other->count == 0) return 1;
    if (((size_t)SET_FILL(s) + other->count) * 5 >= set_mask(s) * 3 &&
        !set_table_resize(vm, s, ((int64_t)s->count + other->count) * 2))
        return 0;
    if (SET_FILL(s) == 0 && s->entcap == other->entcap && SET_FILL(other) == (int32_t)other->count) {
        /* CPython copies the live slots into the empty table of the same size; without dummies in
         * either, copying the whole table is the same. */
        memcpy(s->entries, other->entries, other->entcap * sizeof(DictEntry));
        SET_FILL(s) = (int32_t)other->count;
        s->count = other->count;
        return 1;
    }
    if (SET_FILL(s) == 0) {
        for (size_t i = 0; i < other->entcap; i++)
            if (other->entries[i].key != VALUE_NULL)
                set_insert_clean(s->entries, set_mask(s), other->entries[i].key, other->entries[i].hash);
        SET_FILL(s) = (int32_t)other->count;
        s->count = other->count;
        return 1;
    }
    for (size_t i = 0; i < other->entcap; i++) {
        DictEntry e = other->entries[i];
        if (e.key != VALUE_NULL && !set_add_entry(vm, s, e.key, e.hash)) return 0;
    }
    return 1;
}

static int set_is_any(Value v) { return value_is_kind(v, OBJ_SET) || value_is_kind(v, OBJ_FROZENSET); }

/* set_update_internal: another set, a dict's keys, or any iterable. */
int set_update_from(VM *vm, Dict *s, Value other) {
    if (set_is_any(other)) return set_merge(vm, s, value_as_ptr(other));
    if (!set_ready(vm, s)) return 0;
    if (value_is_kind(other, OBJ_DICT)) {
        Dict *d = value_as_ptr(other);
        if (((size_t)SET_FILL(s) + d->count) * 5 >= set_mask(s) * 3 &&
            !set_table_resize(vm, s, ((int64_t)s->count + d->count) * 2))
            return 0;
        for (uint32_t i = 0; i < d->nentries; i++) {
            Value k = d->entries[i].key;
            if (k != VALUE_NULL && !set_add(vm, s, k)) return 0;
        }
        return 1;
    }
    /* The set may be new and unrooted; iterating may run Python code that collects. */
    if (!gc_root_push(vm, value_from_ptr(s))) return 0;
    Value it = op_get_iter(vm, other);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) {
        gc_root_pop(vm, 1);
        return 0;
    }
    int ok = 1;
    for (;;) {
        Value k = op_iter_next(vm, it);
        if (k == VALUE_ERROR) ok = 0;
        if (k == VALUE_ERROR || k == VALUE_NULL) break;
        if (!set_add(vm, s, k)) {
            ok = 0;
            break;
        }
    }
    gc_root_pop(vm, 2);
    return ok;
}

/* set.pop: from where the last pop left off, as CPython does. */
Value set_pop(VM *vm, Dict *s) {
    if (s->count == 0) {
        Value msg = str_value(vm, "pop from an empty set", 21);
        return msg == VALUE_ERROR ? msg : dict_key_error(vm, msg);
    }
    size_t mask = set_mask(s), i = (size_t)SET_FINGER(s) & mask;
    while (s->entries[i].key == VALUE_NULL) i = i + 1 > mask ? 0 : i + 1;
    Value key = s->entries[i].key;
    s->entries[i] = (DictEntry){VALUE_NULL, VALUE_NULL, SET_DUMMY};
    s->count--;
    SET_FINGER(s) = (int32_t)(i + 1);
    return key;
}

/* The dummies are dropped when they are more than a quarter of the table. */
int set_shrink_dummies(VM *vm, Dict *s) {
    if ((size_t)(SET_FILL(s) - (int32_t)s->count) <= set_mask(s) / 4) return 1;
    return set_table_resize(vm, s, s->count > 50000 ? (int64_t)s->count * 2 : (int64_t)s->count * 4);
}

/* Exchanges the contents of two sets (set_swap_bodies). */
void set_swap_bodies(Dict *a, Dict *b) {
    Dict t = *a;
    a->entries = b->entries, a->nentries = b->nentries, a->count = b->count, a->entcap = b->entcap;
    a->set = b->set;
    b->entries = t.entries, b->nentries = t.nentries, b->count = t.count, b->entcap = t.entcap;
    b->set = t.set;
}

/* CPython's frozenset hash: order-independent over the entries' hashes. */
static uint64_t set_shuffle_bits(uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; }

int set_frozenset_hash(VM *vm, Value v, uint64_t *out) {
    (void)vm;
    Dict *s = value_as_ptr(v);
    uint64_t hash = 0;
    for (uint32_t i = 0; i < s->nentries; i++)
        if (s->entries[i].key != VALUE_NULL) hash ^= set_shuffle_bits(s->entries[i].hash);
    hash ^= ((uint64_t)s->count + 1) * 1927868237ull;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069u + 907133923ull;
    if (hash == (uint64_t)-1) hash = 590923713ull;
    *out = hash;
    return 1;
}
