/* The specializer: quickening, and one specialize function per family, following CPython 3.11's
 * Python/specialize.c decision by decision so that Anole specializes (and fails to) exactly where
 * CPython 3.11 does. Each either rewrites the adaptive instruction into a member of its family
 * and fills the inline cache, or records a failure kind and backs the counter off. */
#include "specialize.h"

#include <stdlib.h>
#include <string.h>

#include "containers.h"
#include "dis.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

const char *const specfail_names[SPECFAIL__COUNT] = {
#define SPECFAIL_NAME(name) #name,
    SPECFAIL_KINDS(SPECFAIL_NAME)
#undef SPECFAIL_NAME
};

uint16_t specialize_backoff(uint16_t counter) {
    unsigned backoff = counter & ((1 << ADAPTIVE_BACKOFF_BITS) - 1);
    if (backoff < 12) backoff++;
    unsigned value = (1u << backoff) - 1;
    return (uint16_t)(value << ADAPTIVE_BACKOFF_BITS | backoff);
}

static int code_index(Code *code, uint16_t *instr) { return (int)(instr - code->code); }

void specialize_fail(VM *vm, Code *code, uint16_t *instr, int family, SpecFail kind) {
    FamilyStats *s = &vm->family_stats[family];
    s->failure++;
    if (kind != SPECFAIL_NONE) {
        s->failure_kinds[kind]++;
        code->istats[code_index(code, instr)].failure = (uint8_t)kind;
    }
}

void specialize_failed(VM *vm, Code *code, uint16_t *instr, int family, SpecFail kind) {
    specialize_fail(vm, code, instr, family, kind);
    instr[1] = specialize_backoff(instr[1]);
}

void specialize_succeeded(VM *vm, uint16_t *instr, int family, int op) {
    vm->family_stats[family].success++;
    *instr = (uint16_t)((*instr & 0xff00) | op);
    instr[1] = MISS_COUNTER_START;
}

static void set_opcode(uint16_t *instr, int op) { *instr = (uint16_t)((*instr & 0xff00) | op); }

void specialize_quicken(Code *code) {
    uint16_t *c = code->code;
    int previous = -1;
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = c[i] & 0xff;
        int adaptive = opcode_adaptive_of(op);
        if (adaptive >= 0 && opcode_info[op].family == op) {
            set_opcode(&c[i], adaptive);
            previous = -1;
            i += opcode_info[op].cache;
            continue;
        }
        switch (op) {
        case OP_EXTENDED_ARG: set_opcode(&c[i], OP_EXTENDED_ARG_QUICK); break;
        case OP_JUMP_BACKWARD: set_opcode(&c[i], OP_JUMP_BACKWARD_QUICK); break;
        case OP_RESUME: set_opcode(&c[i], OP_RESUME_QUICK); break;
        case OP_LOAD_FAST:
            if (previous == OP_LOAD_FAST) set_opcode(&c[i - 1], OP_LOAD_FAST__LOAD_FAST);
            else if (previous == OP_STORE_FAST) set_opcode(&c[i - 1], OP_STORE_FAST__LOAD_FAST);
            else if (previous == OP_LOAD_CONST) set_opcode(&c[i - 1], OP_LOAD_CONST__LOAD_FAST);
            break;
        case OP_STORE_FAST:
            if (previous == OP_STORE_FAST) set_opcode(&c[i - 1], OP_STORE_FAST__STORE_FAST);
            break;
        case OP_LOAD_CONST:
            if (previous == OP_LOAD_FAST) set_opcode(&c[i - 1], OP_LOAD_FAST__LOAD_CONST);
            break;
        default: break;
        }
        previous = op;
        i += opcode_info[op].cache;
    }
    code->quickened = 1;
}

/* Why BINARY_OP could not specialize, named as CPython's binary_op_fail_kind does. */
static SpecFail binary_op_fail_kind(int oparg, Value lhs, Value rhs) {
    int same = type_of(lhs) == type_of(rhs);
    switch (oparg) {
    case 0: case 13: return same ? SPECFAIL_ADD_OTHER : SPECFAIL_ADD_DIFFERENT_TYPES;
    case 1: case 14: return !same ? SPECFAIL_AND_DIFFERENT_TYPES : value_is_int(lhs) ? SPECFAIL_AND_INT : SPECFAIL_AND_OTHER;
    case 2: case 15: return SPECFAIL_FLOOR_DIVIDE;
    case 3: case 16: return SPECFAIL_LSHIFT;
    case 4: case 17: return SPECFAIL_MATRIX_MULTIPLY;
    case 5: case 18: return same ? SPECFAIL_MULTIPLY_OTHER : SPECFAIL_MULTIPLY_DIFFERENT_TYPES;
    case 6: case 19: return SPECFAIL_REMAINDER;
    case 7: case 20: return SPECFAIL_OR;
    case 8: case 21: return SPECFAIL_POWER;
    case 9: case 22: return SPECFAIL_RSHIFT;
    case 10: case 23: return same ? SPECFAIL_SUBTRACT_OTHER : SPECFAIL_SUBTRACT_DIFFERENT_TYPES;
    case 11: case 24:
        if (!same) return SPECFAIL_TRUE_DIVIDE_DIFFERENT_TYPES;
        return value_is_float(lhs) ? SPECFAIL_TRUE_DIVIDE_FLOAT : SPECFAIL_TRUE_DIVIDE_OTHER;
    default: return SPECFAIL_XOR;
    }
}

/* Whether `s += t` at binop (storing into local k) may grow s in place: only when no other
 * reference to the string can exist. That holds when the left operand is the local's own
 * LOAD_FAST, reached without jumps, and the local is read nowhere else in the code object except
 * by `return s`; names that can see a frame's locals (locals, vars, eval, exec) rule it out. The
 * string itself must also have been made by this statement in this call (Str.owner). */
static int specialize_local_is_private(Code *code, uint16_t *binop, int k) {
    static const char *const peeking[] = {"locals", "vars", "eval", "exec"};
    for (uint32_t i = 0; i < code->nnames; i++)
        for (size_t j = 0; j < sizeof peeking / sizeof *peeking; j++)
            if (strcmp(code->names[i]->data, peeking[j]) == 0) return 0;
    uint32_t *starts = malloc(sizeof(uint32_t) * (code->ncode + 1));
    uint8_t *targets = calloc(code->ncode + 1, 1);
    int ok = 0;
    if (!starts || !targets) goto done;
    dis_jump_targets(code, targets, 1);
    uint32_t n = 0, at = (uint32_t)(binop - code->code), p = UINT32_MAX;
    for (uint32_t i = 0; i < code->ncode; i++) {
        if (i == at) p = n;
        starts[n++] = i;
        i += opcode_info[code->code[i] & 0xff].cache;
    }
    if (p == UINT32_MAX) goto done;
    /* Walk back over the right operand: its instructions together push exactly one value. */
    int64_t depth = 0;
    uint32_t j = p;
    while (depth != 1) {
        if (j == 0) goto done;
        uint16_t unit = code->code[starts[--j]];
        int op = unit & 0xff;
        if (opcode_info[op].flags & (OPF_JUMP_FWD | OPF_JUMP_BACK) || op == OP_EXTENDED_ARG || targets[starts[j + 1]])
            goto done;
        depth += opcode_stack_effect(op, unit >> 8, 0);
        if (depth > 1) goto done;
    }
    if (j == 0 || targets[starts[j]]) goto done;
    uint32_t lhs = starts[j - 1];
    if (opcode_info[code->code[lhs] & 0xff].family != OP_LOAD_FAST || (code->code[lhs] >> 8) != k) goto done;
    /* Every other read of the local must hand the value straight to RETURN_VALUE. */
    for (uint32_t i = 0; i < n; i++) {
        uint16_t unit = code->code[starts[i]];
        if (opcode_info[unit & 0xff].family != OP_LOAD_FAST || (unit >> 8) != k || starts[i] == lhs) continue;
        if (i + 1 >= n || (code->code[starts[i + 1]] & 0xff) != OP_RETURN_VALUE) goto done;
    }
    ok = 1;
done:
    free(starts);
    free(targets);
    return ok;
}

void specialize_binary_op(VM *vm, Code *code, uint16_t *instr, Value lhs, Value rhs, Value *locals) {
    int oparg = *instr >> 8;
    int member = specialize_binary_op_number_member(oparg, lhs, rhs);
    if (member) {
        specialize_succeeded(vm, instr, OP_BINARY_OP, member);
        return;
    }
    switch (oparg) {
    case NB_ADD: case NB_INPLACE + NB_ADD:
        if (value_is_kind(lhs, OBJ_STR) && type_of(lhs) == type_of(rhs)) {
            /* s = s + t (or s += t) storing back into the same local: done in place. */
            uint16_t next = instr[1 + opcode_info[OP_BINARY_OP].cache];
            int next_op = next & 0xff;
            if ((next_op == OP_STORE_FAST || next_op == OP_STORE_FAST__LOAD_FAST) && locals && locals[next >> 8] == lhs) {
                code->istats[instr - code->code].append_in_place = (uint8_t)specialize_local_is_private(code, instr, next >> 8);
                specialize_succeeded(vm, instr, OP_BINARY_OP, OP_BINARY_OP_INPLACE_ADD_UNICODE);
                return;
            }
            specialize_succeeded(vm, instr, OP_BINARY_OP, OP_BINARY_OP_ADD_UNICODE);
            return;
        }
        break;
    case NB_MULTIPLY: case NB_INPLACE + NB_MULTIPLY:
    case NB_SUBTRACT: case NB_INPLACE + NB_SUBTRACT:
        break;
    default:
        /* Operators without members are given up for good: back to plain BINARY_OP, as 3.11 does
         * in its normal build. The failure kind is still recorded, for the learner's "why". */
        specialize_fail(vm, code, instr, OP_BINARY_OP, binary_op_fail_kind(oparg, lhs, rhs));
        set_opcode(instr, OP_BINARY_OP);
        return;
    }
    specialize_failed(vm, code, instr, OP_BINARY_OP, binary_op_fail_kind(oparg, lhs, rhs));
}

static SpecFail compare_op_fail_kind(Value lhs, Value rhs) {
    if (type_of(lhs) != type_of(rhs)) {
        if (value_is_float(lhs) && value_is_int(rhs)) return SPECFAIL_COMPARE_OP_FLOAT_LONG;
        if (value_is_int(lhs) && value_is_float(rhs)) return SPECFAIL_COMPARE_OP_LONG_FLOAT;
        return SPECFAIL_COMPARE_OP_DIFFERENT_TYPES;
    }
    if (value_is_bool(lhs)) return SPECFAIL_COMPARE_OP_BOOL;
    if (value_is_kind(lhs, OBJ_LIST)) return SPECFAIL_COMPARE_OP_LIST;
    if (value_is_kind(lhs, OBJ_TUPLE)) return SPECFAIL_COMPARE_OP_TUPLE;
    return SPECFAIL_OTHER;
}

/* CPython's COMPARE_OP_INT_JUMP needs ints of at most one 30-bit digit. */
static int compare_small_int(Value v) {
    int64_t i = value_as_int(v);
    return i > -(1ll << 30) && i < (1ll << 30);
}

void specialize_compare_op(VM *vm, Code *code, uint16_t *instr, Value lhs, Value rhs) {
    int oparg = *instr >> 8;
    int next = instr[1 + opcode_info[OP_COMPARE_OP].cache] & 0xff;
    if (next != OP_POP_JUMP_FORWARD_IF_FALSE && next != OP_POP_JUMP_BACKWARD_IF_FALSE &&
        next != OP_POP_JUMP_FORWARD_IF_TRUE && next != OP_POP_JUMP_BACKWARD_IF_TRUE) {
        specialize_fail(vm, code, instr, OP_COMPARE_OP, SPECFAIL_COMPARE_OP_NOT_FOLLOWED_BY_COND_JUMP);
        set_opcode(instr, OP_COMPARE_OP);
        return;
    }
    /* The cache's second unit: for which signs of the comparison the jump is taken (bit sign + 1,
     * CPython 3.11's when_to_jump_mask), and whether it jumps backward. */
    static const uint16_t true_signs[6] = {1, 1 | 2, 2, 1 | 4, 4, 2 | 4};   /* <, <=, ==, !=, >, >= */
    uint16_t mask = oparg < 6 ? true_signs[oparg] : 0;
    if (next == OP_POP_JUMP_FORWARD_IF_FALSE || next == OP_POP_JUMP_BACKWARD_IF_FALSE) mask = (uint16_t)(7 & ~mask);
    if (opcode_info[next].flags & OPF_JUMP_BACK) mask |= COMPARE_JUMP_BACKWARD;
    instr[2] = mask;
    if (type_of(lhs) != type_of(rhs)) {
        specialize_failed(vm, code, instr, OP_COMPARE_OP, compare_op_fail_kind(lhs, rhs));
        return;
    }
    if (value_is_float(lhs)) {
        specialize_succeeded(vm, instr, OP_COMPARE_OP, OP_COMPARE_OP_FLOAT_JUMP);
        return;
    }
    if (value_is_int(lhs)) {
        if (compare_small_int(lhs) && compare_small_int(rhs)) {
            specialize_succeeded(vm, instr, OP_COMPARE_OP, OP_COMPARE_OP_INT_JUMP);
            return;
        }
        specialize_failed(vm, code, instr, OP_COMPARE_OP, SPECFAIL_COMPARE_OP_BIG_INT);
        return;
    }
    if (value_is_kind(lhs, OBJ_STR)) {
        if (oparg != 2 && oparg != 3) {
            specialize_failed(vm, code, instr, OP_COMPARE_OP, SPECFAIL_COMPARE_OP_STRING);
            return;
        }
        specialize_succeeded(vm, instr, OP_COMPARE_OP, OP_COMPARE_OP_STR_JUMP);
        return;
    }
    specialize_failed(vm, code, instr, OP_COMPARE_OP, compare_op_fail_kind(lhs, rhs));
}

/* LOAD_GLOBAL's cache: counter, entry index, globals keys version (two units), builtins keys
 * version (one unit), as in 3.11. */
void specialize_load_global(VM *vm, Code *code, uint16_t *instr, Dict *globals, Dict *builtins, Str *name) {
    int32_t index = dict_lookup(globals, value_from_ptr(name), name->hash);
    if (index >= 0) {
        if (index > 0xffff) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_OUT_OF_RANGE); return; }
        uint32_t version = dict_keys_version(vm, globals);
        if (version == 0) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_OUT_OF_VERSIONS); return; }
        instr[2] = (uint16_t)index;
        instr[3] = (uint16_t)version;
        instr[4] = (uint16_t)(version >> 16);
        specialize_succeeded(vm, instr, OP_LOAD_GLOBAL, OP_LOAD_GLOBAL_MODULE);
        return;
    }
    index = dict_lookup(builtins, value_from_ptr(name), name->hash);
    if (index < 0 || index > 0xffff) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_NONE); return; }
    uint32_t gversion = dict_keys_version(vm, globals);
    if (gversion == 0) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_OUT_OF_VERSIONS); return; }
    uint32_t bversion = dict_keys_version(vm, builtins);
    if (bversion == 0) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_OUT_OF_VERSIONS); return; }
    if (bversion > 0xffff) { specialize_failed(vm, code, instr, OP_LOAD_GLOBAL, SPECFAIL_OUT_OF_RANGE); return; }
    instr[2] = (uint16_t)index;
    instr[3] = (uint16_t)gversion;
    instr[4] = (uint16_t)(gversion >> 16);
    instr[5] = (uint16_t)bversion;
    specialize_succeeded(vm, instr, OP_LOAD_GLOBAL, OP_LOAD_GLOBAL_BUILTIN);
}

/* The built-in classes that have a tp_vectorcall in CPython 3.11, which PRECALL_BUILTIN_CLASS
 * needs: found by calling each one hot under 3.11. int, str, zip, object, slice, property, the
 * method wrappers and the exceptions have none (3.12 gave some of them one). */
static int specialize_has_vectorcall(const Type *t) {
    static const Type *const with_vectorcall[] = {
        &type_float, &type_bool, &type_list, &type_tuple, &type_dict, &type_set, &type_frozenset,
        &type_range, &type_type, &type_enumerate, &type_map, &type_filter, &type_reversed,
    };
    for (size_t i = 0; i < sizeof with_vectorcall / sizeof *with_vectorcall; i++)
        if (t == with_vectorcall[i]) return 1;
    return 0;
}

/* nargs counts positional arguments including self in the method form; it is negative when the
 * call has keyword arguments. is_meth: the callable came with self (LOAD_METHOD). */
void specialize_precall(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs, int is_meth) {
    int kw = nargs < 0;
    if (value_is_kind(callable, OBJ_FUNCTION)) {
        specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_PYFUNC);
        return;
    }
    if (value_is_kind(callable, OBJ_BOUND_METHOD)) {
        if (value_is_kind(((BoundMethod *)value_as_ptr(callable))->func, OBJ_FUNCTION)) {
            specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_BOUND_METHOD);
            return;
        }
        /* A built-in method bound to its object is a C function taking self. */
        callable = ((BoundMethod *)value_as_ptr(callable))->func;
    }
    if (value_is_kind(callable, OBJ_BUILTIN)) {
        Builtin *b = value_as_ptr(callable);
        if (is_meth) {
            /* A method of a built-in type called on an instance: CPython's method descriptors. */
            if (b->callkind == CALLKIND_FAST_WITH_KEYWORDS) {
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
                return;
            }
            if (kw) {
                specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_CALL_KWNAMES);
                return;
            }
            if (b->fn == list_method_append && nargs == 2) {
                uint16_t after = instr[1 + 1 + opcode_info[OP_CALL].cache + 1];
                if ((after & 0xff) == OP_POP_TOP) {
                    specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_LIST_APPEND);
                    return;
                }
            }
            switch ((CallKind)b->callkind) {
            case CALLKIND_NOARGS:
                if (nargs != 1) break;
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS);
                return;
            case CALLKIND_O:
                if (nargs != 2) break;
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_O);
                return;
            case CALLKIND_FAST:
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST);
                return;
            default:
                specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_CALL_BAD_CALL_FLAGS);
                return;
            }
            specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_WRONG_NUMBER_ARGUMENTS);
            return;
        }
        if (kw) {
            if (b->callkind == CALLKIND_FAST_WITH_KEYWORDS) {
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_BUILTIN_FAST_WITH_KEYWORDS);
                return;
            }
            specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_CALL_KWNAMES);
            return;
        }
        switch ((CallKind)b->callkind) {
        case CALLKIND_LEN:
        case CALLKIND_O:
            if (nargs != 1) { specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_WRONG_NUMBER_ARGUMENTS); return; }
            specialize_succeeded(vm, instr, OP_PRECALL, b->callkind == CALLKIND_LEN ? OP_PRECALL_NO_KW_LEN : OP_PRECALL_NO_KW_BUILTIN_O);
            return;
        case CALLKIND_NOARGS:
        case CALLKIND_FAST:
            if (nargs == 2 && strcmp(b->name, "isinstance") == 0) {
                specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_ISINSTANCE);
                return;
            }
            specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_BUILTIN_FAST);
            return;
        case CALLKIND_FAST_WITH_KEYWORDS: specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_BUILTIN_FAST_WITH_KEYWORDS); return;
        case CALLKIND_VARARGS: specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_CALL_PYCFUNCTION); return;
        }
    }
    if (value_is_kind(callable, OBJ_TYPE)) {
        Type *t = value_as_ptr(callable);
        if (t->is_heap) {
            specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_CALL_PYTHON_CLASS);
            return;
        }
        int oparg = *instr >> 8;
        if (!kw && nargs == 1 && oparg == 1) {
            if (t == &type_str) { specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_STR_1); return; }
            if (t == &type_type) { specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_TYPE_1); return; }
            if (t == &type_tuple) { specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_NO_KW_TUPLE_1); return; }
        }
        if (specialize_has_vectorcall(t)) {
            specialize_succeeded(vm, instr, OP_PRECALL, OP_PRECALL_BUILTIN_CLASS);
            return;
        }
        specialize_failed(vm, code, instr, OP_PRECALL, t == &type_str ? SPECFAIL_CALL_STR : SPECFAIL_CALL_CLASS_NO_VECTORCALL);
        return;
    }
    specialize_failed(vm, code, instr, OP_PRECALL, SPECFAIL_OTHER);
}

/* CALL's cache: counter, function version (two units), minimum argument count. */
void specialize_call(VM *vm, Code *code, uint16_t *instr, Value callable, int nargs) {
    if (!value_is_kind(callable, OBJ_FUNCTION)) {
        specialize_failed(vm, code, instr, OP_CALL, SPECFAIL_OTHER);
        return;
    }
    Function *fn = value_as_ptr(callable);
    if (nargs < 0) {
        specialize_failed(vm, code, instr, OP_CALL, SPECFAIL_CALL_KWNAMES);
        return;
    }
    if (fn->code->flags & (CODE_VARARGS | CODE_VARKEYWORDS) || fn->code->kwonlyargcount) {
        specialize_failed(vm, code, instr, OP_CALL, SPECFAIL_CALL_COMPLEX_PARAMETERS);
        return;
    }
    int argcount = (int)fn->code->nargs, ndefaults = fn->defaults ? (int)fn->defaults->len : 0;
    int min_args = argcount - ndefaults;
    if (nargs > argcount || nargs < min_args) {
        specialize_failed(vm, code, instr, OP_CALL, SPECFAIL_WRONG_NUMBER_ARGUMENTS);
        return;
    }
    if (fn->version == 0 && vm->next_func_version != 0) fn->version = vm->next_func_version++;
    if (fn->version == 0) {
        specialize_failed(vm, code, instr, OP_CALL, SPECFAIL_OUT_OF_VERSIONS);
        return;
    }
    instr[2] = (uint16_t)fn->version;
    instr[3] = (uint16_t)(fn->version >> 16);
    instr[4] = (uint16_t)min_args;
    specialize_succeeded(vm, instr, OP_CALL, nargs == argcount ? OP_CALL_PY_EXACT_ARGS : OP_CALL_PY_WITH_DEFAULTS);
}
