/* Specialization, CPython 3.11's model: adaptive counters, one specialize function per family,
 * failure kinds and per-family statistics. */
#ifndef ANOLE_SPECIALIZE_H
#define ANOLE_SPECIALIZE_H

#include <stdint.h>

#include "object.h"

/* Failure kinds, named as in CPython 3.11's specialize.c without the SPEC_FAIL_ prefix. */
#define SPECFAIL_KINDS(X)                                                                    \
    X(NONE) X(OTHER) X(OUT_OF_VERSIONS) X(OUT_OF_RANGE) X(EXPECTED_ERROR)                     \
    X(WRONG_NUMBER_ARGUMENTS) X(NON_STRING_OR_SPLIT) X(NOT_FOUND)                             \
    X(ADD_DIFFERENT_TYPES) X(ADD_OTHER) X(AND_DIFFERENT_TYPES) X(AND_INT) X(AND_OTHER)        \
    X(FLOOR_DIVIDE) X(LSHIFT) X(MATRIX_MULTIPLY) X(MULTIPLY_DIFFERENT_TYPES) X(MULTIPLY_OTHER) \
    X(OR) X(POWER) X(REMAINDER) X(RSHIFT) X(SUBTRACT_DIFFERENT_TYPES) X(SUBTRACT_OTHER)       \
    X(TRUE_DIVIDE_DIFFERENT_TYPES) X(TRUE_DIVIDE_FLOAT) X(TRUE_DIVIDE_OTHER) X(XOR)          \
    X(COMPARE_OP_DIFFERENT_TYPES) X(COMPARE_OP_STRING) X(COMPARE_OP_NOT_FOLLOWED_BY_COND_JUMP) \
    X(COMPARE_OP_BIG_INT) X(COMPARE_OP_BOOL) X(COMPARE_OP_LIST) X(COMPARE_OP_TUPLE)          \
    X(COMPARE_OP_BASEOBJECT) X(COMPARE_OP_FLOAT_LONG) X(COMPARE_OP_LONG_FLOAT)               \
    X(CALL_KWNAMES) X(CALL_PYTHON_CLASS) X(CALL_BOUND_METHOD) X(CALL_COMPLEX_PARAMETERS)      \
    X(CALL_PYCFUNCTION) X(CALL_CLASS_NO_VECTORCALL) X(CALL_STR)

typedef enum {
#define SPECFAIL_ENUM(name) SPECFAIL_##name,
    SPECFAIL_KINDS(SPECFAIL_ENUM)
#undef SPECFAIL_ENUM
    SPECFAIL__COUNT
} SpecFail;

extern const char *const specfail_names[SPECFAIL__COUNT];

/* Per-family statistics with Py_STATS's names. */
typedef struct FamilyStats {
    uint64_t success, failure, hit, miss, deferred, deopt;
    uint64_t failure_kinds[SPECFAIL__COUNT];
} FamilyStats;

/* The 16-bit adaptive counter: value << 4 | backoff exponent. */
#define ADAPTIVE_BACKOFF_BITS 4
#define ADAPTIVE_COUNTER_IS_ZERO(c) ((c) < (1 << ADAPTIVE_BACKOFF_BITS))
#define ADAPTIVE_COUNTER_DECREMENT(c) ((c) -= (1 << ADAPTIVE_BACKOFF_BITS))
/* A specialized instruction starts with this many misses to spend before it deoptimizes; 53 is
 * prime so that regular patterns in the data do not line up with it. */
#define MISS_COUNTER_START 53
/* After a deoptimization the adaptive form waits (31, exponent 5) before trying again. */
#define ADAPTIVE_COUNTER_START ((31 << ADAPTIVE_BACKOFF_BITS) | 5)

uint16_t specialize_backoff(uint16_t counter);

/* Quickening: rewrites every specializable instruction of code to its adaptive form and forms the
 * superinstructions. Called when the warm-up counter reaches zero. */
void specialize_quicken(Code *code);

/* The specialize functions of each family. Each either rewrites the instruction at `instr` to a
 * specialized member and fills its cache, or records a failure and backs the counter off. */
void specialize_binary_op(VM *vm, Code *code, uint16_t *instr, Value lhs, Value rhs, Value *locals);
void specialize_compare_op(VM *vm, Code *code, uint16_t *instr, Value lhs, Value rhs);
void specialize_load_global(VM *vm, Code *code, uint16_t *instr, Dict *globals, Dict *builtins,
                            struct Str *name);
void specialize_precall(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs);
void specialize_call(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs);

/* Records a failure kind against an instruction and its family's statistics. */
void specialize_fail(VM *vm, Code *code, uint16_t *instr, int family, SpecFail kind);

#endif
