/* Specialization, CPython 3.11's model: adaptive counters, one specialize function per family,
 * failure kinds and per-family statistics. */
#ifndef ANOLE_SPECIALIZE_H
#define ANOLE_SPECIALIZE_H

#include <stdint.h>

#include "object.h"
#include "opcode.h"
#include "runtime.h"

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
    X(CALL_PYCFUNCTION) X(CALL_CLASS_NO_VECTORCALL) X(CALL_STR) X(CALL_BAD_CALL_FLAGS)            \
    X(CALL_METHOD_WRAPPER) X(CALL_BOUND_METHOD_OTHER) X(NO_DICT) X(OVERRIDDEN)                     \
    X(ATTR_OVERRIDING_DESCRIPTOR) X(ATTR_NON_OVERRIDING_DESCRIPTOR) X(ATTR_NOT_DESCRIPTOR)          \
    X(ATTR_METHOD) X(ATTR_MUTABLE_CLASS) X(ATTR_PROPERTY) X(ATTR_NON_OBJECT_SLOT) X(ATTR_READ_ONLY) \
    X(ATTR_NOT_MANAGED_DICT) X(ATTR_NON_STRING_OR_SPLIT) X(ATTR_MODULE_ATTR_NOT_FOUND) X(ATTR_CLASS_ATTR_SIMPLE)               \
    X(LOAD_METHOD_IS_ATTR) X(LOAD_METHOD_METACLASS_ATTRIBUTE) X(LOAD_METHOD_NON_METHOD)            \
    X(LOAD_METHOD_CLASS_METHOD_OBJ) X(LOAD_METHOD_PROPERTY)                                        \
    X(SUBSCR_LIST_SLICE) X(SUBSCR_TUPLE_SLICE) X(SUBSCR_STRING_INT) X(SUBSCR_STRING_SLICE)         \
    X(SUBSCR_NOT_HEAP_TYPE) X(SUBSCR_OTHER) X(STORE_SUBSCR_LIST_SLICE) X(STORE_SUBSCR_OTHER)       \
    X(UNPACK_SEQUENCE_ITERATOR) X(UNPACK_SEQUENCE_SEQUENCE)

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
void specialize_precall(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs, int is_meth);
void specialize_call(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs);

/* specialize_more.c: attributes, methods, subscripts and unpacking. */
void specialize_load_attr(VM *vm, Code *code, uint16_t *instr, Value owner, struct Str *name);
void specialize_store_attr(VM *vm, Code *code, uint16_t *instr, Value owner, struct Str *name);
void specialize_load_method(VM *vm, Code *code, uint16_t *instr, Value owner, struct Str *name);
void specialize_binary_subscr(VM *vm, Code *code, uint16_t *instr, Value container, Value sub);
void specialize_store_subscr(VM *vm, Code *code, uint16_t *instr, Value container, Value sub);
void specialize_unpack_sequence(VM *vm, Code *code, uint16_t *instr, Value seq);

/* Shared by the specialize files. */
void specialize_failed(VM *vm, Code *code, uint16_t *instr, int family, SpecFail kind);
void specialize_succeeded(VM *vm, uint16_t *instr, int family, int op);

/* In COMPARE_OP_*_JUMP's jump mask: the jump that follows goes backward. */
#define COMPARE_JUMP_BACKWARD 8
static inline void specialize_write_u32(uint16_t *p, uint32_t v) {
    p[0] = (uint16_t)v;
    p[1] = (uint16_t)(v >> 16);
}
static inline uint32_t specialize_read_u32(const uint16_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 16; }
static inline void specialize_write_value(uint16_t *p, Value v) {
    for (int i = 0; i < 4; i++) p[i] = (uint16_t)(v >> (16 * i));
}
static inline Value specialize_read_value(const uint16_t *p) {
    return (Value)p[0] | (Value)p[1] << 16 | (Value)p[2] << 32 | (Value)p[3] << 48;
}

/* The member of 3.11's BINARY_OP family for two ints or two floats (+, -, * and their in-place
 * forms), or 0. With specialization on, the generic BINARY_OP sees such operands only while the
 * instruction warms up. */
static inline int specialize_binary_op_number_member(int oparg, Value lhs, Value rhs) {
    int ints = value_is_int(lhs) && value_is_int(rhs), floats = value_is_float(lhs) && value_is_float(rhs);
    if (!ints && !floats) return 0;
    switch (oparg >= NB_INPLACE ? oparg - NB_INPLACE : oparg) {
    case NB_ADD: return ints ? OP_BINARY_OP_ADD_INT : OP_BINARY_OP_ADD_FLOAT;
    case NB_SUBTRACT: return ints ? OP_BINARY_OP_SUBTRACT_INT : OP_BINARY_OP_SUBTRACT_FLOAT;
    case NB_MULTIPLY: return ints ? OP_BINARY_OP_MULTIPLY_INT : OP_BINARY_OP_MULTIPLY_FLOAT;
    default: return 0;
    }
}

/* Records a failure kind against an instruction and its family's statistics. */
void specialize_fail(VM *vm, Code *code, uint16_t *instr, int family, SpecFail kind);

#endif
