/* The containers' C API beyond runtime.h: hashing and lookups that may call back into Python,
 * the set table, sequence helpers shared by list, tuple and range, and the iteration types that
 * builtins_create registers. Implemented by list.c, listsort.c, tuple.c, dict.c, dictobj.c,
 * dictview.c, set.c, range.c, iter.c and builtins_iter.c. */
#ifndef ANOLE_CONTAINERS_H
#define ANOLE_CONTAINERS_H

#include "runtime.h"

/* CPython's METH_NOARGS has no CallKind of its own yet; such methods are declared with this until
 * object.h grows CALLKIND_NOARGS (then only this line changes). */
#define CALLKIND_NOARGS_PENDING CALLKIND_NOARGS

/* list.append as a builtin function: PRECALL_NO_KW_LIST_APPEND recognizes it by identity. */
Value list_method_append(VM *vm, Value *args, int nargs, Tuple *kw);


/* ---- dict.c: hashing and the hash table ---- */

/* hash(key) the way dicts and sets need it: CPython's hashes for ints, floats, bools, tuples and
 * frozensets (so that sets of numbers iterate in CPython's order), the str's own hash, the type's
 * hash slot otherwise. Returns 0 with TypeError "unhashable type: 'list'" set, or whatever the
 * type's __hash__ raised. Never returns the hash -1 (it is the sets' deleted-slot marker). */
int dict_hash(VM *vm, Value key, uint64_t *out);
/* The same without a VM for the keys whose hash needs no Python code (str, numbers, None, bools,
 * tuples of those); 0 when the key is not one of them. */
int dict_hash_pure(Value key, uint64_t *out);
/* Key equality as dicts and sets use it: identity, then ==, calling __eq__ when needed.
 * 1 equal, 0 not, -1 on error. */
int dict_keys_equal(VM *vm, Value a, Value b);
/* Finds key (whose hash is dict_hash(key)) and stores its entry index or -1 in *ix. Calls __eq__
 * for keys that define it, so the dict may change meanwhile; the search restarts when it does.
 * Returns 0 on error. */
int dict_find(VM *vm, Dict *d, Value key, uint64_t hash, int32_t *ix);
/* d[key] = value / d[key] / del d[key] for any key, raising as Python does. dict_getitem returns
 * VALUE_NULL when the key is missing (no exception) and VALUE_ERROR on error. */
int dict_setitem(VM *vm, Dict *d, Value key, Value value);
Value dict_getitem(VM *vm, Dict *d, Value key);
/* Removes entry ix (deleting invalidates the keys version, as adding does). */
void dict_remove_at(Dict *d, int32_t ix);
/* Inserts a key known to be absent with its hash (copying, fromkeys). 0 on MemoryError. */
int dict_insert_new(VM *vm, Dict *d, Value key, uint64_t hash, Value value);
void dict_clear_all(VM *vm, Dict *d);
/* A new dict with src's items in its order. NULL on MemoryError (not raised). */
Dict *dict_copy(VM *vm, Dict *src);
/* del d[key] for a str key (class and module namespaces): 1, or 0 with KeyError(key) raised. */
int dict_del_str(VM *vm, Dict *d, Str *key);
/* Raises KeyError(key), whose message is repr(key) (dictobj.c). Returns VALUE_ERROR. */
Value dict_key_error(VM *vm, Value key);
/* dict.update(other) for a dict, a mapping with keys(), or an iterable of pairs. 0 on error. */
int dict_update_from(VM *vm, Dict *d, Value other);
/* other's keys() method (what makes it a mapping), VALUE_NULL when it has none, or VALUE_ERROR. */
Value dict_keys_method(VM *vm, Value other);
/* d.update(other) for a mapping whose keys() is keys_method: each key read with a subscript. */
int dict_update_mapping(VM *vm, Dict *d, Value other, Value keys_method);

/* ---- set.c ---- */

/* A new empty set (frozen: a frozenset). NULL on MemoryError (not raised). */
Dict *set_new(VM *vm, int frozen);
/* s.add(key), as BUILD_SET and SET_ADD need it. 0 on error (exception set). */
int set_add(VM *vm, Dict *s, Value key);
/* key in s: 1, 0, or -1 on error. set_contains_entry when the key's dict_hash is known. */
int set_contains_key(VM *vm, Dict *s, Value key);
int set_contains_entry(VM *vm, Dict *s, Value key, uint64_t hash);
/* `key in s` for a small int key, from the one slot the probe starts at: 1 when it holds the key,
 * 0 when it is empty (never used, so the probe would stop there), -1 when set_contains_entry must
 * decide. A small int's hash is itself (it is below the hash modulus), but -1's is -2. */
static ALWAYS_INLINE int set_contains_int_at_once(const Dict *s, Value key) {
    if (!s->entries) return 0;
    int64_t i = value_as_int(key);
    const DictEntry *e = &s->entries[(uint64_t)(i == -1 ? -2 : i) & (s->entcap - 1)];
    if (e->key == key) return 1;
    return e->key == VALUE_NULL && e->hash == 0 ? 0 : -1;
}
/* Adds every item of iterable to s (set.update). 0 on error. */
int set_update_from(VM *vm, Dict *s, Value iterable);
/* The constant a set display of n >= 3 constants compiles to, as CPython 3.11 builds it (the
 * display is then BUILD_SET 0, LOAD_CONST this, SET_UPDATE 1). VALUE_ERROR on error. */
Value set_frozenset_const(VM *vm, Tuple *items);
/* The next live entry of a set's table at or after *pos, or -1; advances *pos past it. */
int64_t set_next_entry(Dict *s, int64_t *pos);
/* The dict views' set operations (a - b, a | b, a ^ b, a & b with a view on either side), which
 * return sets as CPython's do. */
Value set_view_op(VM *vm, int nb_op, Value a, Value b);

/* dictview.c: reversed(d) and reversed(d.keys()) etc.; VALUE_NULL when v is neither. */
Value dictview_reversed_of(VM *vm, Value v);
/* Whether v is a keys or items view (the set-like ones). */
int dictview_is_setlike(Value v);

/* ---- list.c / tuple.c: sequence helpers ---- */

/* Python's index normalization: a negative index counts from the end; 0 with IndexError
 * "<range_what> index out of range" or TypeError "<what> indices must be integers or slices,
 * not X". */
int seq_index(VM *vm, Value key, int64_t len, const char *what, const char *range_what, int64_t *out);
/* An int argument as a C integer (ints, bools, big ints that fit); 0 with TypeError
 * "'X' object cannot be interpreted as an integer" or OverflowError. */
int seq_as_int(VM *vm, Value v, int64_t *out);
/* The items of a list or tuple, or NULL for other values. */
Value *seq_items(Value v, uint32_t *len);
/* A tuple holding n items. NULL on MemoryError (not raised). */
Tuple *tuple_from(VM *vm, const Value *items, uint32_t n);
/* list(iterable) / tuple(iterable) from C. VALUE_ERROR on error. */
Value list_from_iterable(VM *vm, Value iterable);
Value tuple_from_iterable(VM *vm, Value iterable);
/* list.extend(iterable). 0 on error. */
int list_extend(VM *vm, List *l, Value iterable);
/* Stable sort of l in place by key (VALUE_NONE: the items) with `<`, as list.sort. 0 on error. */
int list_sort(VM *vm, List *l, Value key, int reverse);
/* Appends the items' reprs separated by ", ". */
int seq_repr_items(VM *vm, const Value *items, uint32_t n, StrBuf *out);
/* Lexicographic comparison of two lists or two tuples (COMPARE_OP's op). */
Value seq_compare(VM *vm, int op, Value a, Value b);
/* seq * count for a list or tuple (in_place: list *= count). */
Value seq_repeat(VM *vm, Value seq, Value count, int in_place);
/* The index and count methods of lists and tuples (args[0] is the sequence). */
Value seq_index_method(VM *vm, Value *args, int nargs, Tuple *kw, const char *what);
Value seq_count_method(VM *vm, Value *args, int nargs, Tuple *kw, const char *qualname);
/* The tuple type's hash slot (dict.c). */
int dict_tuple_hash(VM *vm, Value v, uint64_t *out);
void tuple_init_types(void);
void dictview_init_types(void);
void builtins_iter_init_types(void);

/* ---- methargs.c: CPython's argument-count errors for built-in methods ---- */

/* METH_NOARGS: "list.copy() takes no arguments (1 given)"; n excludes self. 0 with TypeError. */
int methargs_none(VM *vm, const char *qualname, int n, Tuple *kwnames);
/* METH_O: "list.append() takes exactly one argument (0 given)". */
int methargs_one(VM *vm, const char *qualname, int n, Tuple *kwnames);
/* Argument Clinic positional: "insert expected 2 arguments, got 1", "pop expected at most 1
 * argument, got 2"; name is the bare method name. */
int methargs_range(VM *vm, const char *name, int n, int min, int max, Tuple *kwnames);

/* ---- iter.c ---- */

/* The repr recursion guard (CPython's Py_ReprEnter): 1 when o is already being repr'd further up,
 * so the caller prints "[...]"; 0 when it was entered (call repr_leave after); -1 on MemoryError. */
int repr_enter(VM *vm, Obj *o);
void repr_leave(Obj *o);
/* An iterator's `iter` slot: iter(it) is it. */
Value iter_self(VM *vm, Value v);
/* The list and tuple iterators, and the reversed list iterator. */
Value iter_seq_new(VM *vm, Value seq);
Value iter_seq_reversed(VM *vm, Value list);
/* iter(obj) by the old sequence protocol (obj[0], obj[1], ... until IndexError or StopIteration),
 * for objects with __getitem__ and no __iter__. */
Value iter_getitem_new(VM *vm, Value seq);
/* item in container by iterating the container (what `in` does without __contains__): 1, 0, -1. */
int iter_contains(VM *vm, Value container, Value item);

/* range.c: reversed(range) */
Value range_reversed(VM *vm, Value r);

/* The two iterators most loops run, and one step of each (the next value, or VALUE_NULL when
 * exhausted). Their types' next slots take these steps, and so does FOR_ITER, inline: under
 * WebAssembly the call through the slot costs more than the step. */
extern Type range_iter_type, iter_list_type;
/* range's iterator: n[0] the next value, n[1] how many are left, n[2] the step. Its values are
 * small ints (range_big_iter_type serves ranges that reach beyond them). The step is added modulo
 * 2**64: past the last value the sum may not fit, and every value produced does. */
static ALWAYS_INLINE Value range_iter_step(IterObj *it) {
    if (it->n[1] <= 0) return VALUE_NULL;
    int64_t v = it->n[0];
    it->n[0] = (int64_t)((uint64_t)it->n[0] + (uint64_t)it->n[2]);
    it->n[1]--;
    return value_from_int(v);
}
/* A list's iterator: v[0] the list (VALUE_NULL once exhausted), n[0] the next index. The list may
 * grow or shrink meanwhile; the index is checked against its length at every step, as in CPython. */
static ALWAYS_INLINE Value iter_list_step(IterObj *it) {
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    List *l = value_as_ptr(it->v[0]);
    if (it->n[0] < (int64_t)l->len) return l->items[it->n[0]++];
    it->v[0] = VALUE_NULL;
    return VALUE_NULL;
}

/* ---- builtins_iter.c: the iteration classes builtins_create registers ---- */
extern Type type_enumerate, type_zip, type_map, type_filter, type_reversed;

#endif
