/* The runtime's C API over values and objects, grouped by the file that implements each part. */
#ifndef ANOLE_RUNTIME_H
#define ANOLE_RUNTIME_H

#include <stdint.h>

#include "object.h"
#include "strbuf.h"

/* gc.c: allocation and the mark-and-sweep collector. Collection happens only at safe points of
 * the evaluation loop (vm_gc_safepoint), never inside an allocation, so C code holding values in
 * locals between safe points needs no roots. gc_alloc returns NULL when memory is exhausted. */
void *gc_alloc(VM *vm, size_t size, ObjKind kind);
/* C code that holds values across a call back into Python (a sort key, map's function, __eq__)
 * pushes them here so that a collection during the call sees them; pop the same number after. */
int gc_root_push(VM *vm, Value v);                    /* 0 on MemoryError (exception set) */
void gc_root_pop(VM *vm, int n);
void gc_track_bytes(VM *vm, long delta);
/* Memory blocks for objects' out-of-line arrays (list items): small ones come from per-size
 * caches, so building and dropping many small lists avoids malloc's slow paths. A block is
 * freed or resized with the size it was allocated with. NULL when memory is exhausted. */
void *gc_block_alloc(VM *vm, size_t bytes);
void *gc_block_realloc(VM *vm, void *block, size_t old_bytes, size_t new_bytes);
void gc_block_free(VM *vm, void *block, size_t bytes);
void gc_collect(VM *vm);
void gc_free_all(VM *vm);
/* generator.c: what the collector needs to know about a suspended generator's frame. */
void gc_trace_generator(Obj *gen, void (*mark)(void *ctx, Value v), void *ctx);
size_t gc_free_generator(VM *vm, Obj *gen);   /* the bytes of its slots, which it freed */

/* str.c */
Str *str_new(VM *vm, const char *data, size_t len);
Str *str_intern(VM *vm, const char *data, size_t len);
Value str_value(VM *vm, const char *data, size_t len);   /* VALUE_ERROR on MemoryError */
/* A string of len bytes and nchars code points whose bytes the caller writes (the NUL after them
 * is there), or NULL: for building a string in place instead of in a StrBuf and copying it. */
Str *str_alloc(VM *vm, size_t len, size_t nchars);
/* The string of s's bytes [start, start + len), which start and end at code points: a piece of
 * an ASCII string is ASCII, so only other strings have the new one's code points counted. */
Value str_piece(VM *vm, const Str *s, size_t start, size_t len);
uint64_t str_hash_bytes(const char *data, size_t len);   /* never 0 */
/* A str's hash is computed on first use, as CPython does: most strings a program builds (lines,
 * pieces of output) are never hashed. 0 in Str.hash means not computed yet. */
static ALWAYS_INLINE uint64_t str_hash(Str *s) {
    if (!s->hash) s->hash = str_hash_bytes(s->data, s->len);
    return s->hash;
}
int str_equal(const Str *a, const Str *b);
Value str_concat(VM *vm, Str *a, Str *b);
/* a + b for `a += b` into a local that nothing else reads, stamped owner (frame serial and local):
 * appends to a in place when a was made here with room, else makes a copy with room to grow. */
Value str_append_owned(VM *vm, Str *a, Str *b, uint64_t owner);
size_t utf8_count_chars(const char *data, size_t len);
/* Appends repr(s) with CPython's choice of quotes and escapes. */
void str_repr_into(const Str *s, StrBuf *out);

/* list.c: lists and tuples */
List *list_new(VM *vm, uint32_t cap);
int list_append(VM *vm, List *list, Value v);          /* 0 on MemoryError */
/* list_append with the room check inline, for the loop's LIST_APPEND and list.append. */
static ALWAYS_INLINE int list_append_inline(VM *vm, List *list, Value v) {
    if (list->len == list->cap) return list_append(vm, list, v);
    list->items[list->len++] = v;
    return 1;
}
Tuple *tuple_new(VM *vm, uint32_t len);

/* dict.c */
/* A dict's index is probed as CPython probes it: from hash & mask, then i = 5i + 1 + perturb with
 * the unused hash bits shifted into perturb. Keys whose first slots collide part ways at once,
 * where stepping to the next slot would let them pile up into long runs. */
static inline uint32_t dict_probe_next(uint32_t i, uint64_t *perturb, uint32_t mask) {
    *perturb >>= 5;
    return (uint32_t)((i * 5u + *perturb + 1) & mask);
}
/* -1 is no hash in CPython (it signals an error); a hash that comes out as -1 becomes -2. */
static ALWAYS_INLINE uint64_t dict_fix_hash(uint64_t h) { return h == (uint64_t)-1 ? (uint64_t)-2 : h; }
Dict *dict_new(VM *vm);
/* Index of key's entry or -1; the hash must be value_hash(key). */
int32_t dict_lookup(Dict *d, Value key, uint64_t hash);
/* The entry index of a str key, or -1. Attribute and global names take this path, so it skips the
 * general hash dispatch; an interned name usually matches by identity at its first slot, which is
 * all the inline part does (the rest of the probe sequence is dict_find_str_probe). The evaluation
 * loop's name lookups inline it: under WebAssembly a call costs more than that first probe. */
int32_t dict_find_str_probe(Dict *d, Value key, uint64_t hash, uint32_t i);
static ALWAYS_INLINE int32_t dict_find_str(Dict *d, Str *key) {
    if (!d->indexcap) return -1;
    uint64_t hash = dict_fix_hash(str_hash(key));
    uint32_t i = (uint32_t)hash & (d->indexcap - 1);
    int32_t ix = d->index[i];
    if (ix == -1) return -1;
    if (ix >= 0 && d->entries[ix].key == value_from_ptr(key)) return ix;
    /* The next slot of the sequence, where a key that found its own taken usually is. The key
     * itself there means no equal one is in the first slot (a dict holds no two equal keys). */
    uint64_t perturb = hash;
    int32_t next = d->index[dict_probe_next(i, &perturb, d->indexcap - 1)];
    if (next >= 0 && d->entries[next].key == value_from_ptr(key)) return next;
    return dict_find_str_probe(d, value_from_ptr(key), hash, i);
}
/* A name's value in d, from the entry where it was last found (*hint) when that entry still holds
 * it, else by dict_find_str (then *hint is where it was found). The names of module-level code
 * are found so without a probe, however their hashes collide. VALUE_NULL when missing. */
static ALWAYS_INLINE Value dict_get_str_hinted(Dict *d, Str *key, uint32_t *hint) {
    uint32_t h = *hint;
    if (h < d->nentries && d->entries[h].key == value_from_ptr(key)) return d->entries[h].value;
    int32_t ix = dict_find_str(d, key);
    if (ix < 0) return VALUE_NULL;
    *hint = (uint32_t)ix;
    return d->entries[ix].value;
}
static ALWAYS_INLINE Value dict_get_str_inline(Dict *d, Str *key) {
    int32_t ix = dict_find_str(d, key);
    return ix < 0 ? VALUE_NULL : d->entries[ix].value;
}
Value dict_get_str(Dict *d, Str *key);                  /* VALUE_NULL when missing */
int dict_set(VM *vm, Dict *d, Value key, uint64_t hash, Value value); /* 0 on MemoryError */
int dict_set_str(VM *vm, Dict *d, Str *key, Value value);
/* d[key] = value for STORE_NAME, with LOAD_NAME's hint: the entry where the name was last found
 * is replaced in place (inline: this is all the usual store does); else dict_set_str_unhinted
 * finds or adds the name and sets *hint to where it is. 0 on MemoryError (not raised). */
int dict_set_str_unhinted(VM *vm, Dict *d, Str *key, Value value, uint32_t *hint);
static ALWAYS_INLINE int dict_set_str_hinted(VM *vm, Dict *d, Str *key, Value value, uint32_t *hint) {
    uint32_t h = *hint;
    if (h < d->nentries && d->entries[h].key == value_from_ptr(key)) {
        d->entries[h].value = value;
        return 1;
    }
    return dict_set_str_unhinted(vm, d, key, value, hint);
}
uint32_t dict_keys_version(VM *vm, Dict *d);            /* 0 when out of versions */

/* types.c: the built-in types and type_of */
extern Type type_object, type_int, type_float, type_bool, type_none, type_str, type_list,
    type_tuple, type_dict, type_set, type_frozenset, type_function, type_builtin, type_method,
    type_code, type_range, type_type, type_cell, type_generator,
    type_module, type_slice, type_property, type_staticmethod, type_classmethod, type_super,
    type_traceback, type_notimplemented;
Type *type_of_any(Value v);
/* The type of every object kind whose objects all have one type; NULL where it depends on the
 * object (type_of_any asks the object). */
extern Type *const types_of_kinds[OBJ__COUNT];
/* Inline for instances (the attribute paths' usual question) and for the kinds of one type (str,
 * list, dict, ...): under WebAssembly a call each time costs more than the lookup. Everything
 * else goes to type_of_any. */
static inline Type *type_of(Value v) {
    if (value_is_obj(v)) {
        Obj *o = value_as_obj(v);
        if (o->kind == OBJ_INSTANCE) return ((Instance *)o)->cls;
        if (types_of_kinds[o->kind]) return types_of_kinds[o->kind];
    }
    return type_of_any(v);
}
int type_is_subtype(const Type *t, const Type *base);

/* exc.c: exception types and raising; traceback.c prints them */
extern Type exc_BaseException, exc_Exception, exc_ArithmeticError, exc_ZeroDivisionError,
    exc_OverflowError, exc_NameError, exc_TypeError, exc_ValueError, exc_LookupError,
    exc_IndexError, exc_KeyError, exc_RuntimeError, exc_RecursionError, exc_MemoryError,
    exc_StopIteration, exc_AssertionError, exc_AttributeError, exc_SyntaxError,
    exc_KeyboardInterrupt, exc_SystemExit, exc_NotImplementedError, exc_UnboundLocalError,
    exc_IndentationError, exc_SystemError, exc_ImportError, exc_ModuleNotFoundError, exc_GeneratorExit,
    exc_FloatingPointError, exc_UnicodeError, exc_OSError, exc_FileNotFoundError, exc_EOFError;
extern Type *const exc_builtin_types[];
Value exc_raise(VM *vm, Type *type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value exc_raise_memory(VM *vm);
/* Records name (and obj, unless VALUE_NULL) on the NameError/AttributeError being raised, for
 * the traceback's "Did you mean" suggestion. */
void exc_set_name_obj(VM *vm, Str *name, Value obj);
Exception *exc_new(VM *vm, Type *type, Value message);
/* Prints the uncaught exception `e` CPython 3.11's way, with the source of the last run. */
void exc_print_traceback(VM *vm, Exception *e, StrBuf *out);

/* BINARY_OP's oparg: CPython 3.11's operator numbers (dis._nb_ops); NB_INPLACE + n is the
 * augmented form of n (a += b). */
enum {
    NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATRIX_MULTIPLY = 4, NB_MULTIPLY = 5,
    NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10, NB_TRUE_DIVIDE = 11,
    NB_XOR = 12, NB_INPLACE = 13
};

/* Python's division of 64-bit ints (y != 0): the quotient rounds toward negative infinity and
 * the remainder takes y's sign. SMALLINT_MIN // -1 is the only quotient outside the small ints. */
static inline void num_floor_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r) {
    /* One division, not `/` and `%` (under WebAssembly those are two divisions), and a 32-bit one
     * when both operands fit (INT32_MIN excluded, so INT32_MIN / -1 cannot overflow). */
    int64_t d = x > INT32_MIN && x <= INT32_MAX && y >= INT32_MIN && y <= INT32_MAX ? (int32_t)x / (int32_t)y : x / y;
    int64_t m = x - d * y;
    if (m != 0 && ((m < 0) != (y < 0))) --d, m += y;
    *q = d;
    *r = m;
}

/* num.c: int and float arithmetic with Python's semantics */
Value num_binary_op(VM *vm, int nb_op, Value a, Value b);  /* NotImplemented -> VALUE_NULL */
Value num_negate(VM *vm, Value v);
int num_compare(Value a, Value b, int op, int *result);   /* 0 when not both numbers */
void num_float_repr(double d, StrBuf *out);
int num_is_number(Value v);

/* ops.c: the generic operations of the evaluation loop */
/* Both operands small ints: the operators 3.11 leaves unspecialized (%, //, &, |, ^) are common
 * in loops, and +, -, * reach here from their specialized forms' overflow and from adaptive
 * instructions. VALUE_NULL when the result needs the general path (a big int, a zero divisor). */
static ALWAYS_INLINE Value op_binary_small_ints(int nb_op, int64_t x, int64_t y) {
    int64_t r;
    int op = nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op;
    switch (op) {
    case NB_ADD: r = x + y; break;
    case NB_SUBTRACT: r = x - y; break;
    case NB_MULTIPLY:
        if (smallint_mul_overflow(x, y, &r)) return VALUE_NULL;
        break;
    case NB_REMAINDER:
    case NB_FLOOR_DIVIDE: {
        if (y == 0) return VALUE_NULL;
        int64_t q, m;
        num_floor_divmod(x, y, &q, &m);
        r = op == NB_REMAINDER ? m : q;
        break;
    }
    case NB_AND: r = x & y; break;
    case NB_OR: r = x | y; break;
    case NB_XOR: r = x ^ y; break;
    default: return VALUE_NULL;
    }
    return smallint_fits(r) ? value_from_int(r) : VALUE_NULL;
}

/* +, -, * and / of floats, or of a float and a small int, as CPython's float type computes them
 * (a small int converts to a double exactly); VALUE_NULL for anything else, division by zero
 * included, which the general path raises. Temperature conversions such as (f - 32) * 5 / 9 take
 * this path: BINARY_OP does not specialize mixed operands. */
static ALWAYS_INLINE Value op_binary_floats(int nb_op, Value a, Value b) {
    double x, y;
    if (value_is_float(a)) x = value_as_float(a);
    else if (value_is_int(a)) x = (double)value_as_int(a);
    else return VALUE_NULL;
    if (value_is_float(b)) y = value_as_float(b);
    else if (value_is_int(b)) y = (double)value_as_int(b);
    else return VALUE_NULL;
    switch (nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op) {
    case NB_ADD: return value_from_float(x + y);
    case NB_SUBTRACT: return value_from_float(x - y);
    case NB_MULTIPLY: return value_from_float(x * y);
    case NB_TRUE_DIVIDE: return y == 0.0 ? VALUE_NULL : value_from_float(x / y);
    default: return VALUE_NULL;
    }
}

/* len() of a built-in container, read as its type's len slot would; -1 for anything else. Inline
 * for PRECALL_NO_KW_LEN: under WebAssembly the calls through builtin_len cost more than this. */
static ALWAYS_INLINE int64_t op_len_of_builtin(Value v) {
    if (!value_is_obj(v)) return -1;
    Obj *o = value_as_obj(v);
    switch ((ObjKind)o->kind) {
    case OBJ_STR: return ((Str *)o)->nchars;
    case OBJ_LIST: return ((List *)o)->len;
    case OBJ_TUPLE: return ((Tuple *)o)->len;
    case OBJ_DICT:
    case OBJ_SET:
    case OBJ_FROZENSET: return ((Dict *)o)->count;
    default: return -1;
    }
}

/* The fast paths of the generic BINARY_OP: small ints, and floats mixed with floats or small ints.
 * VALUE_NULL when op_binary's general path must decide. Inline, so that the evaluation loop runs
 * them without a call. */
static ALWAYS_INLINE Value op_binary_numbers(int nb_op, Value a, Value b) {
    if (value_is_int(a) && value_is_int(b)) {
        Value small = op_binary_small_ints(nb_op, value_as_int(a), value_as_int(b));
        if (small != VALUE_NULL) return small;
    }
    /* Two small ints divide exactly as doubles too (CPython's long_true_divide does the same for
     * operands below 2**53). */
    if (value_is_float(a) || value_is_float(b) || (nb_op == NB_TRUE_DIVIDE || nb_op == NB_INPLACE + NB_TRUE_DIVIDE))
        return op_binary_floats(nb_op, a, b);
    return VALUE_NULL;
}
Value op_binary(VM *vm, int nb_op, Value a, Value b);
Value op_compare(VM *vm, int op, Value a, Value b);
Value op_unary_negative(VM *vm, Value v);
Value op_unary_positive(VM *vm, Value v);
int op_truthy(VM *vm, Value v);                          /* -1 on error */
Value op_get_iter(VM *vm, Value v);
/* Advances an iterator: the next value, VALUE_NULL when exhausted, VALUE_ERROR on error. */
Value op_iter_next(VM *vm, Value it);
/* container[key] and container[key] = value through the type's slot: inline, since the generic
 * BINARY_SUBSCR takes them every time for slices of lists and strings, which 3.11 does not
 * specialize. The TypeError for a type without the slot is op_not_subscriptable's. */
Value op_not_subscriptable(VM *vm, Value container, int store);
static ALWAYS_INLINE Value op_subscr(VM *vm, Value container, Value key) {
    Type *t = type_of(container);
    return t->getitem ? t->getitem(vm, container, key) : op_not_subscriptable(vm, container, 0);
}
static ALWAYS_INLINE Value op_store_subscr(VM *vm, Value container, Value key, Value value) {
    Type *t = type_of(container);
    return t->setitem ? t->setitem(vm, container, key, value) : op_not_subscriptable(vm, container, 1);
}
/* `item in container`: the type's contains slot, else op_iter_search. */
Value op_contains(VM *vm, Value container, Value item);
/* `in` by iterating container and comparing: 1 found, 0 not, -1 on error. */
int op_iter_search(VM *vm, Value container, Value item);
/* Whether the exception being raised is a type (or a subclass of it). */
int op_exc_is(VM *vm, Type *type);
/* Whether v's type gives no way to iterate it (CPython's tp_iter == NULL && !PySequence_Check):
 * no iter slot, or a class with neither __iter__ nor __getitem__. */
int op_iter_missing(VM *vm, Value v);
int op_equal(VM *vm, Value a, Value b);                  /* -1 on error */
/* Equality of hashable built-in values (dict keys), without calling Python code. */
int op_key_equal(Value a, Value b);
uint64_t value_hash(Value v);
/* str(v) and repr(v) appended to out; 0 on error. */
int op_str_into(VM *vm, Value v, StrBuf *out);
int op_repr_into(VM *vm, Value v, StrBuf *out);
Value op_str(VM *vm, Value v);
Value op_repr(VM *vm, Value v);

/* builtins.c: the builtins namespace, assembled from the tables each file exports. */
typedef struct {
    const char *name;
    BuiltinFn fn;
    CallKind kind;
} BuiltinDef;
Dict *builtins_create(VM *vm);
extern const BuiltinDef builtins_core[];   /* builtins.c: print, len, isinstance, getattr, ... */
extern const BuiltinDef builtins_num[];    /* builtins_num.c: abs, round, divmod, pow, hex, bin, oct */
extern const BuiltinDef builtins_str[];    /* format.c: chr, ord, format, ascii */
extern const BuiltinDef builtins_iter[];   /* builtins_iter.c: enumerate, zip, map, filter, sorted, ... */
Builtin *builtins_new_function(VM *vm, const BuiltinDef *def);
/* The builtin sum's function, which the evaluation loop runs itself for sum(generator). */
extern const BuiltinFn builtins_sum;
/* For a method of a built-in type called with a self of another layout (list.append(5, 1), or a
 * list method on an instance of a class based on list, which Anole lays out as a plain object):
 * the TypeError CPython raises, or VALUE_NULL when self fits after all (a subtype: True for int). */
Value builtins_check_self(VM *vm, Builtin *b, Value *args, int nargs);
/* Calls a built-in function or method. */
static ALWAYS_INLINE Value builtin_call(VM *vm, Builtin *b, Value *args, int nargs, struct Tuple *kwnames) {
    if (b->self_type && (nargs < 1 || type_of(args[0]) != b->self_type)) {
        Value err = builtins_check_self(vm, b, args, nargs);
        if (err != VALUE_NULL) return err;
    }
    return b->fn(vm, args, nargs, kwnames);
}

/* Number conversions other parts need (num.c / bigint.c). */
int value_is_exact_int(Value v);           /* a small int or a big int (not bool) */
/* Appends the digits of int v in base 2, 8, 10 or 16 (lowercase), with '-' for negatives and no prefix. */
int num_int_to_base(VM *vm, Value v, int base, StrBuf *out);
/* The int as a C integer when it fits; 0 with OverflowError set otherwise (TypeError for non-ints). */
int num_as_int64(VM *vm, Value v, int64_t *out);
/* float(v) for ints of any size and floats; 0 with the exception set (e.g. OverflowError). */
int num_as_double(VM *vm, Value v, double *out);
/* Python's index semantics for a builtin taking an integer (`'float' object cannot be interpreted
 * as an integer`). */
int num_index(VM *vm, Value v, int64_t *out);

/* slice.c: the slice BUILD_SLICE pushes, for the instruction next_op (the one after it), whose
 * other operands end below operands (the stack top once the bounds are popped). A slice that
 * next_op uses up unseen is the VM's scratch slice, not a new object: subscripts such as x[a:b]
 * then allocate no slice, as CPython 3.12's BINARY_SLICE and STORE_SLICE do not (3.11 keeps one
 * freed slice for reuse). */
Value slice_build(VM *vm, Value start, Value stop, Value step, int next_op, const Value *operands);
/* A new slice object (slice(), and BUILD_SLICE for anything but a subscript that uses it up). */
Value slice_new(VM *vm, Value start, Value stop, Value step);
/* slice_part's and slice_indices's rare cases: a bound that is not None or a small int, a step
 * of zero (both raise or return 0 with an exception set). */
int slice_part_other(VM *vm, Value v, int64_t *out);
int slice_step_zero(VM *vm);
/* A bound as an integer, dflt for None. */
static ALWAYS_INLINE int slice_part(VM *vm, Value v, int64_t *out, int64_t dflt) {
    if (v == VALUE_NONE || v == VALUE_NULL) {
        *out = dflt;
        return 1;
    }
    if (value_is_int(v)) {
        *out = value_as_int(v);
        return 1;
    }
    return slice_part_other(vm, v, out);
}
/* Resolving a slice against a length, as PySlice_GetIndicesEx does. Inline: it is most of a
 * slicing subscript's work, and as a call its four results went through memory under
 * WebAssembly. */
static ALWAYS_INLINE int slice_indices(VM *vm, Slice *s, int64_t length, int64_t *start, int64_t *stop,
                                       int64_t *step, int64_t *slicelength) {
    /* In locals, written out at the end: the outputs are int64_t, which may alias the slice's
     * Values as far as the compiler knows, so working through them reloads everything. */
    Value vstart = s->start, vstop = s->stop, vstep = s->step;
    int64_t st, a, b, n;
    /* Written on failure too, only so that compilers see them set wherever they are inlined. */
    *start = *stop = *step = *slicelength = 0;
    if (!slice_part(vm, vstep, &st, 1)) return 0;
    if (st == 0) return slice_step_zero(vm);
    if (st < -INT64_MAX) st = -INT64_MAX;   /* as CPython clips it, so that -st exists */
    int64_t lo = st < 0 ? -1 : 0, hi = st < 0 ? length - 1 : length;
    if (!slice_part(vm, vstart, &a, st < 0 ? hi : lo)) return 0;
    if (!slice_part(vm, vstop, &b, st < 0 ? lo : hi)) return 0;
    if (vstart != VALUE_NONE && vstart != VALUE_NULL) {
        if (a < 0) a += length;
        if (a < lo) a = lo;
        if (a > hi) a = hi;
    }
    if (vstop != VALUE_NONE && vstop != VALUE_NULL) {
        if (b < 0) b += length;
        if (b < lo) b = lo;
        if (b > hi) b = hi;
    }
    /* Steps of 1 and -1, nearly every slice, need no division. */
    if (st == 1) n = b > a ? b - a : 0;
    else if (st == -1) n = b < a ? a - b : 0;
    else if (st > 0) n = b > a ? (b - a - 1) / st + 1 : 0;
    else n = b < a ? (a - b - 1) / (-st) + 1 : 0;
    *start = a;
    *stop = b;
    *step = st;
    *slicelength = n;
    return 1;
}

/* Binds a builtin's arguments (vectorcall convention: nargs positional values, then one value per
 * name in kwnames) to its parameters by position or keyword. out[i] is VALUE_NULL when parameter i
 * was not given. The first `nrequired` are required. Returns 0 with TypeError set, worded as
 * CPython words it, on a missing, duplicate, unexpected or extra argument. */
int args_bind(VM *vm, const char *fname, Value *args, int nargs, struct Tuple *kwnames,
              const char *const *params, int nparams, int nrequired, Value *out);

/* Built-in modules for `import` (modules.c and mod_*.c). */
typedef struct {
    const char *name;
    const BuiltinDef *functions;           /* NULL-terminated */
    int (*init)(VM *vm, Dict *module_dict);  /* constants and state; 0 on error (exception set) */
} ModuleDef;
extern const ModuleDef *const builtin_modules[];  /* NULL-terminated */

/* Each file that owns built-in types fills their slots and methods here, once per process;
 * types_init (types.c) calls them all. */
void types_init(void);
void num_init_types(void);
void str_init_types(void);
void list_init_types(void);
void dict_init_types(void);
void set_init_types(void);
void range_init_types(void);
void iter_init_types(void);

/* iter.c: the generic iterator object; `type` is a static Type whose `next` slot advances it. */
IterObj *iter_new(VM *vm, Type *type);

/* vm.c */

#endif
