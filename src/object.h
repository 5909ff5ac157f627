/* Heap objects: the common header and the layout of every object kind. Functions that work on one
 * kind live in that kind's file (str.c, list.c, dict.c, ...), prefixed with the kind's name. */
#ifndef ANOLE_OBJECT_H
#define ANOLE_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "value.h"

typedef struct AnoleVM VM;

typedef enum {
    OBJ_STR,
    OBJ_LIST,
    OBJ_TUPLE,
    OBJ_DICT,
    OBJ_CODE,
    OBJ_FUNCTION,
    OBJ_BUILTIN,
    OBJ_TYPE,
    OBJ_RANGE,
    OBJ_EXCEPTION,
    OBJ_TRACEBACK,
    OBJ_BIGINT,        /* an int beyond the 48-bit small ints (bigint.c) */
    OBJ_SET,           /* set and frozenset share the Dict layout, keys only (set.c) */
    OBJ_FROZENSET,
    OBJ_ITER,          /* every built-in iterator and view: one generic layout (IterObj) */
    OBJ_BOUND_METHOD,  /* a function or builtin bound to self */
    OBJ_INSTANCE,      /* an instance of a class defined in Python */
    OBJ_CELL,          /* a closure cell */
    OBJ_GENERATOR,
    OBJ_MODULE,
    OBJ_SLICE,
    OBJ_WRAPPER,       /* property, staticmethod, classmethod, super: a few Values and a tag */
    OBJ__COUNT
} ObjKind;

/* Every heap object starts with this header. gc_next links all objects of a VM for the sweep;
 * static objects (the built-in types) are never on that list and have is_static set. */
typedef struct Obj {
    struct Obj *gc_next;
    uint8_t kind;
    uint8_t marked;
    uint8_t is_static;
    uint32_t size;           /* bytes allocated by gc_alloc for this object */
} Obj;

static inline Obj *value_as_obj(Value v) { return (Obj *)value_as_ptr(v); }
static inline int value_is_kind(Value v, ObjKind k) {
    return value_is_obj(v) && value_as_obj(v)->kind == k;
}

/* An immutable str: UTF-8 bytes plus the length in code points (Python's len). */
typedef struct Str {
    Obj hdr;
    uint32_t len;        /* bytes */
    uint32_t nchars;     /* code points */
    uint64_t hash;
    /* Strings built by `s += t` into a local nothing else reads (str_append_owned): the local's
     * stamp, and the data bytes allocated (room to append in place). 0 for every other string. */
    uint64_t owner;
    uint32_t cap;
    uint8_t interned;
    char data[];         /* len bytes and a NUL */
} Str;

typedef struct List {
    Obj hdr;
    Value *items;
    uint32_t len, cap;
} List;

typedef struct Tuple {
    Obj hdr;
    uint32_t len;
    Value items[];
} Tuple;

/* One slot of a dict's insertion-ordered entry array; a deleted entry has key VALUE_NULL. */
typedef struct DictEntry {
    Value key;
    Value value;
    uint64_t hash;
} DictEntry;

/* An insertion-ordered hash table, laid out like CPython's: an index table of int32 positions
 * into the entry array. keys_version is non-zero only while the key set is unchanged since a
 * specialization asked for it (dict_keys_version), so a cached entry index stays valid exactly as
 * long as the version matches. */
typedef struct Dict {
    Obj hdr;
    DictEntry *entries;
    uint32_t nentries;   /* used entry slots, deleted ones included */
    uint32_t count;      /* live keys */
    uint32_t entcap;
    union {
        int32_t *index;  /* dicts: -1 empty, -2 deleted, else an entry position */
        /* sets (set.c): the two counters CPython keeps beside the table, `fill` (live and
         * deleted slots) and the `finger` where set.pop resumes */
        struct {
            int32_t fill, finger;
        } set;
    };
    uint32_t indexcap;   /* dicts: a power of two; 0 for sets, which have no index */
    uint32_t keys_version;
} Dict;

/* One source span, as CPython's co_positions: 1-based lines, 0-based UTF-8 byte columns, end
 * exclusive. line == 0 means the instruction has no position. */
typedef struct Position {
    int32_t line, end_line, col, end_col;
} Position;

/* What happened at one instruction, for the report: counted always, cheaply. */
typedef struct InstrStats {
    uint32_t misses, deopts;
    uint8_t failure;     /* SpecFail kind of the last failure, 0 for none */
    /* BINARY_OP_INPLACE_ADD_UNICODE only: the target local is read nowhere else, so the string
     * may grow in place (specialize_local_is_private). */
    uint8_t append_in_place;
} InstrStats;

typedef struct Code {
    Obj hdr;
    struct Str *name, *qualname, *filename;
    int firstlineno;
    uint16_t *code;          /* code units: opcode | oparg << 8, then inline caches; quickened in place */
    uint32_t ncode;
    Value *consts;
    uint32_t nconsts;
    struct Str **names;
    uint32_t nnames;
    /* One per name: the index of the dict entry where LOAD_NAME or STORE_NAME last found it
     * (dict_get_str_hinted), which they try before hashing. */
    uint32_t *name_hints;
    struct Str **varnames;   /* every frame slot's name: locals (parameters first), cells, free vars */
    uint32_t nlocals, nargs; /* nlocals counts every slot: plain locals, then cells, then free vars */
    uint32_t kwonlyargcount, posonlyargcount;
    uint32_t ncells, nfree;  /* the last ncells + nfree slots are cells; the last nfree are free vars */
    uint32_t flags;          /* CODE_* */
    struct ExcEntry *exctable; /* handlers, by ranges of code units */
    uint32_t nexc;
    uint32_t stacksize;
    Position *positions;     /* one per code unit */
    InstrStats *istats;      /* one per code unit */
    uint32_t *hits;          /* one per code unit: runs of the specialized instruction there */
    uintptr_t hits_bias;     /* (uintptr_t)hits - 2 * (uintptr_t)code, for code_hit_counter */
    int32_t warmup;          /* counts up from -8; quickened at 0 */
    uint8_t quickened;
    uint8_t is_module;
} Code;

/* The hit counter of the code unit at instr. The counters take 4 bytes per 2-byte code unit, so
 * the one for instr is at hits_bias + 2 * instr: the evaluation loop counts a hit with one load
 * and an add, instead of finding the unit's index first. */
static inline uint32_t *code_hit_counter(const Code *co, const uint16_t *instr) {
    return (uint32_t *)(co->hits_bias + 2 * (uintptr_t)instr);
}

enum { CODE_VARARGS = 1, CODE_VARKEYWORDS = 2, CODE_GENERATOR = 4, CODE_CLASS_BODY = 8 };

/* One exception-table entry: an instruction in [start, end) (code units) that raises jumps to
 * target with the value stack cut to depth, after pushing the raising instruction's offset when
 * lasti is set. */
typedef struct ExcEntry {
    uint32_t start, end, target;
    uint16_t depth;
    uint8_t lasti;
} ExcEntry;

typedef struct Function {
    Obj hdr;
    Code *code;
    struct Dict *globals;
    uint32_t version;        /* CALL_PY_EXACT_ARGS guards on it */
    struct Tuple *defaults;  /* positional defaults, or NULL */
    struct Dict *kwdefaults; /* keyword-only defaults, or NULL */
    struct Tuple *closure;   /* cells for the code's free variables, or NULL */
    struct Dict *annotations;
    struct Dict *dict;       /* attributes set on the function (func.attr = ...) */
    Value doc;
    struct Str *qualname;    /* starts as the code's qualname */
    struct Type *owner;      /* the class whose body defined it (for zero-argument super()) */
} Function;

/* Built-in functions return VALUE_ERROR with an exception set in the VM when they raise. */
typedef Value (*BuiltinFn)(VM *vm, Value *args, int nargs, struct Tuple *kwnames);

/* How CPython 3.11 would call a builtin (its METH_* flags), which decides the PRECALL member that
 * specializes a call to it. */
typedef enum {
    CALLKIND_O,                   /* exactly one argument: PRECALL_NO_KW_BUILTIN_O */
    CALLKIND_FAST,                /* positional only: PRECALL_NO_KW_BUILTIN_FAST */
    CALLKIND_FAST_WITH_KEYWORDS,  /* PRECALL_BUILTIN_FAST_WITH_KEYWORDS */
    CALLKIND_LEN,                 /* the builtin len: PRECALL_NO_KW_LEN */
    CALLKIND_VARARGS,             /* old-style tuple/dict calls: not specialized */
    CALLKIND_NOARGS,              /* methods taking only self: PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS */
} CallKind;

typedef struct Builtin {
    Obj hdr;
    const char *name;
    BuiltinFn fn;
    uint8_t callkind;
    /* A method of a built-in type (a method descriptor): found on a class, it binds to the
     * instance as a function does. A built-in function (len, bool) does not: `__len__ = len` in
     * a class body calls len() with no self. */
    uint8_t is_method;
    /* A method of a built-in type: that type, which self (args[0]) must be laid out as, or the
     * method would read it as what it is not (builtin_call checks). NULL for functions and
     * classmethods. */
    struct Type *self_type;
} Builtin;

/* Whether v, found on a class, binds to the instance: a function or a built-in type's method. */
static inline int value_binds_as_method(Value v) {
    return value_is_kind(v, OBJ_FUNCTION) || (value_is_kind(v, OBJ_BUILTIN) && ((Builtin *)value_as_ptr(v))->is_method);
}

/* A method of a built-in type: fn receives self as args[0] (nargs counts it). */
typedef struct MethodDef {
    const char *name;
    BuiltinFn fn;
    uint8_t callkind;        /* a CallKind, with METHODDEF_CLASSMETHOD for a classmethod */
} MethodDef;

/* In MethodDef.callkind: a classmethod (dict.fromkeys, float.fromhex), whose args[0] need not be
 * an instance of the type. */
#define METHODDEF_CLASSMETHOD 0x80

/* A type: its name, base, and the slots the generic operations (ops.c) dispatch through, as
 * CPython's tp_* slots. A slot left NULL means the type does not support the operation.
 * Built-in types are static objects whose slots each type's own file fills in its *_init_types
 * function; classes defined in Python are heap types (class.c) whose slots look up dunder methods.
 * `construct` makes an instance when the type is called; types with it are what
 * PRECALL_BUILTIN_CLASS specializes on. */
typedef struct Type {
    Obj hdr;
    const char *name;
    struct Type *base;
    BuiltinFn construct;
    const MethodDef *methods;                 /* built-in types: their methods, NULL-terminated */
    uint8_t is_heap;                          /* a class defined in Python */
    uint8_t static_index;                     /* built-in types: index into the VM's method dicts */
    uint32_t version;                         /* type version tag; 0 = none assigned */
    struct Dict *dict;                        /* heap types: the class namespace */
    struct Tuple *mro;                        /* heap types: the method resolution order */
    struct Str *name_str;                     /* heap types: the name as a str */
    struct Tuple *slot_names;                 /* heap types with __slots__: the value slots */
    uint8_t slots_dict;                       /* '__dict__' is in __slots__ */
    struct Dict *instance_keys;               /* heap types: every attribute name stored on an
                                               * instance, in order (CPython's shared keys) */
    struct List *subclasses;                  /* heap types: direct subclasses, to invalidate */
    /* heap types: their instances' layout (the slots of every class's __slots__ along the chain,
     * and whether there is a dict) and the __init__ a call runs as a frame when object's __new__
     * makes them (class_instance_for_init), as worked out for type version layout_version */
    uint32_t layout_version, layout_nslots;
    uint8_t layout_has_dict;
    struct Function *layout_init;

    /* The slots. Values returned may be VALUE_ERROR (an exception is set). */
    Value (*binary)(VM *vm, int nb_op, Value a, Value b);   /* VALUE_NULL: NotImplemented */
    Value (*compare)(VM *vm, int op, Value a, Value b);     /* 0..5 as COMPARE_OP; VALUE_NULL: NotImplemented */
    int (*repr)(VM *vm, Value v, StrBuf *out);              /* 0 on error */
    int (*str)(VM *vm, Value v, StrBuf *out);               /* NULL: use repr */
    int (*hash)(VM *vm, Value v, uint64_t *out);            /* NULL: unhashable; 0 on error */
    int (*truthy)(VM *vm, Value v);                         /* NULL: len, else true; -1 on error */
    int64_t (*len)(VM *vm, Value v);                        /* -1 on error */
    Value (*iter)(VM *vm, Value v);
    Value (*next)(VM *vm, Value it);                        /* VALUE_NULL when exhausted */
    Value (*getitem)(VM *vm, Value c, Value key);
    Value (*setitem)(VM *vm, Value c, Value key, Value v);  /* v == VALUE_NULL deletes; returns VALUE_NONE */
    int (*contains)(VM *vm, Value c, Value item);           /* -1 on error */
    Value (*unary)(VM *vm, int op, Value v);                /* op: UNARY_NEGATIVE/POSITIVE/INVERT opcodes */
    Value (*getattr)(VM *vm, Value obj, struct Str *name);  /* VALUE_NULL: not found (no exception) */
} Type;

/* Every built-in iterator (enumerate, zip, map, filter, reversed, dict views and their iterators,
 * str/list/tuple/range iterators, ...) uses this one layout: `next` advances it, and the Values
 * and integers hold its state. The collector traces v[]. */
typedef struct IterObj {
    Obj hdr;
    Type *type;              /* for type_of and repr: "enumerate", "zip", "dict_keys", ... */
    Value v[4];
    int64_t n[3];
} IterObj;

typedef struct BoundMethod {
    Obj hdr;
    Value self;
    Value func;              /* a Function or a Builtin */
} BoundMethod;

/* An instance of a heap type: its class, its attribute dict (NULL with __slots__ and no
 * __dict__), and the values of its __slots__. */
typedef struct Instance {
    Obj hdr;
    Type *cls;
    struct Dict *dict;
    uint8_t dict_materialized;   /* __dict__ or vars() was used: CPython then has a real dict */
    uint32_t nslots;
    Value slots[];
} Instance;

typedef struct Module {
    Obj hdr;
    struct Str *name;
    struct Dict *dict;
} Module;

typedef struct Slice {
    Obj hdr;
    Value start, stop, step;
} Slice;

typedef struct Cell {
    Obj hdr;
    Value value;             /* VALUE_NULL while unbound */
} Cell;

typedef enum { WRAP_PROPERTY, WRAP_STATICMETHOD, WRAP_CLASSMETHOD, WRAP_SUPER } WrapperTag;

/* property (a: fget, b: fset, c: fdel), staticmethod and classmethod (a: the function), super
 * (a: the class, b: the instance or class). */
typedef struct Wrapper {
    Obj hdr;
    uint8_t tag;
    Value a, b, c;
} Wrapper;

typedef struct Range {
    Obj hdr;
    int64_t start, stop, step;
} Range;

typedef struct Traceback {
    Obj hdr;
    struct Traceback *next;  /* towards the innermost frame */
    Code *code;
    uint32_t instr;          /* code-unit index of the instruction that was running */
} Traceback;

typedef struct Exception {
    Obj hdr;
    Type *type;
    Value message;           /* a str, or VALUE_NULL for an exception raised without arguments */
    Traceback *traceback;
    struct Tuple *args;      /* the constructor's arguments (NULL: just message) */
    struct Dict *dict;       /* attributes set on the instance */
    Value cause, context;    /* raise ... from, and the exception being handled when raised */
    uint8_t suppress_context;
} Exception;

#endif
