/* Heap objects: the common header and the layout of every object kind. Functions that work on one
 * kind live in that kind's file (str.c, list.c, dict.c, ...), prefixed with the kind's name. */
#ifndef ANOLE_OBJECT_H
#define ANOLE_OBJECT_H

#include <stddef.h>
#include <stdint.h>

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
    OBJ_RANGE_ITER,
    OBJ_LIST_ITER,
    OBJ_EXCEPTION,
    OBJ_TRACEBACK,
} ObjKind;

/* Every heap object starts with this header. gc_next links all objects of a VM for the sweep;
 * static objects (the built-in types) are never on that list and have is_static set. */
typedef struct Obj {
    struct Obj *gc_next;
    uint8_t kind;
    uint8_t marked;
    uint8_t is_static;
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
    int32_t *index;      /* -1 empty, -2 deleted, else an entry position */
    uint32_t indexcap;   /* a power of two */
    uint32_t keys_version;
} Dict;

/* One source span, as CPython's co_positions: 1-based lines, 0-based UTF-8 byte columns, end
 * exclusive. line == 0 means the instruction has no position. */
typedef struct Position {
    int32_t line, end_line, col, end_col;
} Position;

/* What happened at one instruction, for the report: counted always, cheaply. */
typedef struct InstrStats {
    uint32_t hits, misses, deopts;
    uint8_t failure;     /* SpecFail kind of the last failure, 0 for none */
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
    struct Str **varnames;   /* parameters first */
    uint32_t nlocals, nargs;
    uint32_t stacksize;
    Position *positions;     /* one per code unit */
    InstrStats *istats;      /* one per code unit */
    int32_t warmup;          /* counts up from -8; quickened at 0 */
    uint8_t quickened;
    uint8_t is_module;
} Code;

typedef struct Function {
    Obj hdr;
    Code *code;
    struct Dict *globals;
    uint32_t version;        /* CALL_PY_EXACT_ARGS guards on it */
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
} CallKind;

typedef struct Builtin {
    Obj hdr;
    const char *name;
    BuiltinFn fn;
    uint8_t callkind;
} Builtin;

/* A type. Built-in types are static objects; `construct` makes an instance when the type is
 * called (NULL when it cannot be called), and types with `construct` are what PRECALL_BUILTIN_CLASS
 * specializes on. */
typedef struct Type {
    Obj hdr;
    const char *name;
    struct Type *base;
    BuiltinFn construct;
} Type;

typedef struct Range {
    Obj hdr;
    int64_t start, stop, step;
} Range;

typedef struct RangeIter {
    Obj hdr;
    int64_t next, stop, step;
} RangeIter;

typedef struct ListIter {
    Obj hdr;
    Value seq;               /* a list or tuple */
    uint32_t index;
} ListIter;

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
} Exception;

#endif
