#include "opcode.h"

const OpcodeInfo opcode_info[OP__COUNT] = {
#define OP(name, family, cache, pop, push, push_jump, flags) {#name, OP_##family, cache, flags},
#include "opcodes.def"
#undef OP
};

int opcode_stack_effect(int op, int oparg, int jump) {
    switch (op) {
#define OP(name, family, cache, pop, push, push_jump, flags) \
    case OP_##name: return jump ? (push_jump) - (pop) : (push) - (pop);
#include "opcodes.def"
#undef OP
    default: return 0;
    }
}

int opcode_adaptive_of(int op) {
    /* Asked at every deopt, so the table's answers are gathered once. */
    static int16_t adaptive_of[OP__COUNT];
    static int ready;
    if (!ready) {
        for (int i = 0; i < OP__COUNT; i++) adaptive_of[i] = -1;
        for (int i = 0; i < OP__COUNT; i++)
            if (opcode_info[i].flags & OPF_ADAPTIVE) adaptive_of[opcode_info[i].family] = (int16_t)i;
        ready = 1;
    }
    return op >= 0 && op < OP__COUNT ? adaptive_of[op] : -1;
}

const char *const opcode_binop_symbols[26] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

const char *const opcode_compare_symbols[6] = {"<", "<=", "==", "!=", ">", ">="};

void opcode_json(StrBuf *out) {
    strbuf_puts(out, "{\"profile\":\"3.11\",\"opcodes\":[");
    for (int i = 0; i < OP__COUNT; i++) {
        const OpcodeInfo *info = &opcode_info[i];
        strbuf_printf(out, "%s{\"name\":\"%s\",\"code\":%d,\"family\":\"%s\",\"cache\":%d,"
                           "\"adaptive\":%s,\"specialized\":%s,\"absorbs_next\":%s}",
                      i ? "," : "", info->name, i, opcode_info[info->family].name, info->cache,
                      (info->flags & OPF_ADAPTIVE) ? "true" : "false",
                      opcode_is_specialized(i) ? "true" : "false",
                      (info->flags & OPF_ABSORB1) ? "true" : "false");
    }
    strbuf_puts(out, "]}");
}

const char *opcode_family_name(int op) {
    int head = opcode_info[op].family;
    for (int i = 0; i < OP__COUNT; i++)
        if (i != head && opcode_info[i].family == head) return opcode_info[head].name;
    return NULL;
}
