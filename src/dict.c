/* dict: an insertion-ordered hash table (CPython's compact layout: an index table of positions
 * into a dense entry array), with keys versions for LOAD_GLOBAL's guards. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

Dict *dict_new(VM *vm) { return gc_alloc(vm, sizeof(Dict), OBJ_DICT); }

int32_t dict_lookup(Dict *d, Value key, uint64_t hash) {
    if (!d->indexcap) return -1;
    uint32_t mask = d->indexcap - 1;
    for (uint32_t i = (uint32_t)hash & mask;; i = (i + 1) & mask) {
        int32_t ix = d->index[i];
        if (ix == -1) return -1;
        if (ix < 0) continue;
        DictEntry *e = &d->entries[ix];
        if (e->key == key || (e->hash == hash && op_key_equal(e->key, key))) return ix;
    }
}

Value dict_get_str(Dict *d, Str *key) {
    int32_t ix = dict_lookup(d, value_from_ptr(key), key->hash);
    return ix < 0 ? VALUE_NULL : d->entries[ix].value;
}

/* Rebuilds the index (and compacts the entries) with room for at least `need` keys. */
static int dict_resize(VM *vm, Dict *d, uint32_t need) {
    uint32_t indexcap = 8;
    while (indexcap * 2 < need * 3) indexcap *= 2;
    uint32_t entcap = indexcap * 2 / 3;
    DictEntry *entries = malloc(entcap * sizeof(DictEntry));
    int32_t *index = malloc(indexcap * sizeof(int32_t));
    if (!entries || !index) {
        free(entries);
        free(index);
        return 0;
    }
    memset(index, 0xff, indexcap * sizeof(int32_t));
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->nentries; i++) {
        if (d->entries[i].key == VALUE_NULL) continue;
        entries[n] = d->entries[i];
        uint32_t j = (uint32_t)entries[n].hash & (indexcap - 1);
        while (index[j] != -1) j = (j + 1) & (indexcap - 1);
        index[j] = (int32_t)n++;
    }
    gc_track_bytes(vm, (long)(entcap * sizeof(DictEntry) + indexcap * sizeof(int32_t)) -
                           (long)(d->entcap * sizeof(DictEntry) + d->indexcap * sizeof(int32_t)));
    free(d->entries);
    free(d->index);
    d->entries = entries;
    d->index = index;
    d->entcap = entcap;
    d->indexcap = indexcap;
    d->nentries = n;
    return 1;
}

int dict_set(VM *vm, Dict *d, Value key, uint64_t hash, Value value) {
    int32_t ix = dict_lookup(d, key, hash);
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 1;
    }
    if (d->nentries == d->entcap && !dict_resize(vm, d, d->count + 1)) return 0;
    uint32_t mask = d->indexcap - 1;
    uint32_t i = (uint32_t)hash & mask;
    while (d->index[i] >= 0) i = (i + 1) & mask;
    d->index[i] = (int32_t)d->nentries;
    d->entries[d->nentries++] = (DictEntry){key, value, hash};
    d->count++;
    /* A new key invalidates every cached entry position: the keys version starts over. */
    d->keys_version = 0;
    return 1;
}

int dict_set_str(VM *vm, Dict *d, Str *key, Value value) {
    return dict_set(vm, d, value_from_ptr(key), key->hash, value);
}

uint32_t dict_keys_version(VM *vm, Dict *d) {
    if (d->keys_version == 0 && vm->next_keys_version != 0) d->keys_version = vm->next_keys_version++;
    return d->keys_version;
}

void dict_init_types(void) {}
