/* The opcode enum and the per-opcode facts, all expanded from opcodes.def. */
#ifndef ANOLE_OPCODE_H
#define ANOLE_OPCODE_H

#include <stdint.h>

#include "strbuf.h"

enum {
    OPF_ARG = 1 << 0,        /* the oparg means something (shown by the disassembler) */
    OPF_NAME = 1 << 1,       /* oparg indexes co_names */
    OPF_CONST = 1 << 2,      /* oparg indexes co_consts */
    OPF_LOCAL = 1 << 3,      /* oparg indexes the local variables */
    OPF_JUMP_FWD = 1 << 4,   /* relative jump forward by oparg code units after the caches */
    OPF_JUMP_BACK = 1 << 5,  /* relative jump backward */
    OPF_UNCOND = 1 << 6,     /* the jump is always taken (nothing falls through) */
    OPF_EXIT = 1 << 7,       /* leaves the code object (nothing falls through) */
    OPF_ADAPTIVE = 1 << 8,   /* the *_ADAPTIVE member of a family */
    OPF_ABSORB1 = 1 << 9,    /* also performs the next instruction (Specialist counts it specialized) */
    OPF_GLOBAL = 1 << 10,    /* LOAD_GLOBAL: oparg >> 1 indexes co_names */
    OPF_COMPARE = 1 << 11,   /* oparg is a comparison operator */
    OPF_BINOP = 1 << 12,     /* oparg is a binary operator */
    OPF_PSEUDO = 1 << 13,    /* compiler-only jump, resolved by the assembler */
    OPF_ABSORB2 = 1 << 14,   /* also performs the instruction after the next one (list.append's POP_TOP) */
};

typedef enum {
#define OP(name, family, cache, pop, push, push_jump, flags) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
} Opcode;

/* Every instruction's inline-cache size as a constant (OPCACHE_LOAD_ATTR, ...): the evaluation
 * loop skips caches by these, so the table stays the one place that says how big they are. */
enum {
#define OP(name, family, cache, pop, push, push_jump, flags) OPCACHE_##name = (cache),
#include "opcodes.def"
#undef OP
};

typedef struct {
    const char *name;
    uint8_t family;   /* the base opcode of the family */
    uint8_t cache;    /* inline-cache units */
    uint16_t flags;
} OpcodeInfo;

extern const OpcodeInfo opcode_info[OP__COUNT];

/* Net stack effect of an instruction, on the fall-through path or when its jump is taken. */
int opcode_stack_effect(int op, int oparg, int jump);

/* True for members of a family other than its head and its adaptive form. */
static inline int opcode_is_specialized(int op) {
    return opcode_info[op].family != op && !(opcode_info[op].flags & OPF_ADAPTIVE);
}

/* True when the opcode heads a family that has an adaptive form (it can be quickened). */
int opcode_adaptive_of(int op);

/* The binary operator symbols, indexed by NB_* oparg (0..25), as dis shows them. */
extern const char *const opcode_binop_symbols[26];
extern const char *const opcode_compare_symbols[6];

/* The family an instruction belongs to for the report, or NULL when its family has no members. */
const char *opcode_family_name(int op);

/* The whole table as JSON for JavaScript front ends. */
void opcode_json(StrBuf *out);

#endif
