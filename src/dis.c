/* The adaptive disassembly (what `dis.dis(code, adaptive=True)` shows in CPython 3.11) and the
 * statistics as text, both driven by the opcode table. */
#include <stdlib.h>
#include <string.h>

#include "dis.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

static void dis_argrepr(VM *vm, Code *code, int op, int arg, uint32_t after, StrBuf *out) {
    const OpcodeInfo *info = &opcode_info[op];
    /* 3.11's dis leaves KW_NAMES out of hasconst, so it shows no meaning for it. */
    if (op == OP_KW_NAMES) return;
    if (op == OP_FORMAT_VALUE) {
        static const char *const conversions[] = {"", "str", "repr", "ascii"};
        strbuf_puts(out, conversions[arg & 3]);
        if (arg & 4) strbuf_printf(out, "%swith format", (arg & 3) ? ", " : "");
        return;
    }
    if (info->flags & OPF_CONST) {
        Value v = code->consts[arg];
        if (value_is_kind(v, OBJ_CODE)) {
            Code *c = value_as_ptr(v);
            strbuf_printf(out, "<code object %s, line %d>", c->name->data, c->firstlineno);
        } else {
            op_repr_into(vm, v, out);
        }
    } else if (info->flags & OPF_GLOBAL) {
        strbuf_printf(out, "%s%s", (arg & 1) ? "NULL + " : "", code->names[arg >> 1]->data);
    } else if (info->flags & OPF_NAME) {
        strbuf_puts(out, code->names[arg]->data);
    } else if (info->flags & OPF_LOCAL) {
        strbuf_puts(out, code->varnames[arg]->data);
    } else if (info->flags & OPF_COMPARE) {
        strbuf_puts(out, opcode_compare_symbols[arg]);
    } else if (info->flags & OPF_BINOP) {
        strbuf_puts(out, opcode_binop_symbols[arg]);
    } else if (op == OP_MAKE_FUNCTION) {
        static const char *const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int k = 0, first = 1; k < 4; k++)
            if (arg & (1 << k)) strbuf_printf(out, "%s%s", first ? "" : ", ", flags[k]), first = 0;
    } else if (info->flags & OPF_JUMP_FWD) {
        strbuf_printf(out, "to %u", (after + (uint32_t)arg) * 2);
    } else if (info->flags & OPF_JUMP_BACK) {
        strbuf_printf(out, "to %u", (after - (uint32_t)arg) * 2);
    }
}

void dis_jump_targets(Code *code, uint8_t *targets, int as_dis) {
    int ext = 0;
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = code->code[i] & 0xff, arg = ext << 8 | code->code[i] >> 8;
        const OpcodeInfo *info = &opcode_info[op];
        ext = (op == OP_EXTENDED_ARG || op == OP_EXTENDED_ARG_QUICK) ? arg : 0;
        uint32_t after = i + 1 + info->cache;
        /* 3.11's dis finds labels in the adaptive code with the plain opcodes' table, so a
         * specialized jump (JUMP_BACKWARD_QUICK) marks no target there. */
        int counts = !as_dis || info->family == op;
        if (counts && (info->flags & OPF_JUMP_FWD) && after + (uint32_t)arg < code->ncode) targets[after + arg] = 1;
        if (counts && (info->flags & OPF_JUMP_BACK) && (uint32_t)arg <= after) targets[after - arg] = 1;
        i += info->cache;
    }
    if (as_dis)
        for (uint32_t k = 0; k < code->nexc; k++)
            if (code->exctable[k].target < code->ncode) targets[code->exctable[k].target] = 1;
}

/* One code object in CPython 3.11's layout: the line column (3 wide, wider from line 1000 on),
 * the jump-target mark ">>", the offset (4 wide), the opname padded to 20, the argument right-
 * aligned in 5 and its meaning in parentheses. The module's RESUME is on line 0, as in CPython.
 * Anole appends what CPython keeps to itself: the instruction's hits, misses and deopts, and the
 * kind of its last failed specialization. */
static void dis_code(VM *vm, Code *code, StrBuf *out) {
    strbuf_printf(out, "Disassembly of <code object %s, file \"%s\", line %d>:\n", code->name->data,
                  code->filename->data, code->firstlineno);
    int max_line = 0;
    for (uint32_t i = 0; i < code->ncode; i++)
        if (code->positions[i].line > max_line) max_line = code->positions[i].line;
    int line_width = 3, offset_width = 4;
    for (int m = max_line; m >= 1000; m /= 10) line_width++;
    for (uint32_t m = (code->ncode - 1) * 2; m >= 10000; m /= 10) offset_width++;
    uint8_t *targets = calloc(code->ncode + 1, 1);
    if (targets) dis_jump_targets(code, targets, 1);
    int last_line = -1, ext = 0;
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = code->code[i] & 0xff, arg = ext << 8 | code->code[i] >> 8;
        const OpcodeInfo *info = &opcode_info[op];
        ext = (op == OP_EXTENDED_ARG || op == OP_EXTENDED_ARG_QUICK) ? arg : 0;
        int line = code->positions[i].line;
        if (i == 0 && code->is_module) line = 0, last_line = -2;
        StrBuf row;
        strbuf_init(&row);
        if (line != last_line && (line > 0 || last_line == -2)) {
            if (i > 0) strbuf_putc(out, '\n');
            strbuf_printf(&row, "%*d ", line_width, line);
            last_line = line;
        } else {
            strbuf_printf(&row, "%*s ", line_width, "");
        }
        strbuf_printf(&row, "    %s %*u %-20s", targets && targets[i] ? ">>" : "  ", offset_width, i * 2, info->name);
        if (info->flags & OPF_ARG) {
            strbuf_printf(&row, " %5d", arg);
            StrBuf rep;
            strbuf_init(&rep);
            dis_argrepr(vm, code, op, arg, i + 1 + info->cache, &rep);
            if (rep.len) strbuf_printf(&row, " (%s)", rep.data);
            strbuf_free(&rep);
        }
        InstrStats *st = &code->istats[i];
        if (code->hits[i] || st->misses || st->deopts)
            strbuf_printf(&row, "  [hits %u, misses %u, deopts %u]", code->hits[i], st->misses, st->deopts);
        if (st->failure) strbuf_printf(&row, "  [failed: %s]", specfail_names[st->failure]);
        while (row.len && row.data[row.len - 1] == ' ') row.data[--row.len] = 0;
        strbuf_puts(out, row.data ? row.data : "");
        strbuf_putc(out, '\n');
        strbuf_free(&row);
        i += info->cache;
    }
    free(targets);
    /* 3.11 lists the exception table after the instructions: inclusive offsets of the first and
     * last instruction covered, the handler, the stack depth, and whether lasti is pushed. */
    if (code->nexc) strbuf_puts(out, "ExceptionTable:\n");
    for (uint32_t k = 0; k < code->nexc; k++) {
        const ExcEntry *e = &code->exctable[k];
        strbuf_printf(out, "  %u to %u -> %u [%u]%s\n", e->start * 2, e->end * 2 - 2, e->target * 2, e->depth,
                      e->lasti ? " lasti" : "");
    }
    for (uint32_t k = 0; k < code->nconsts; k++)
        if (value_is_kind(code->consts[k], OBJ_CODE)) {
            strbuf_putc(out, '\n');
            dis_code(vm, value_as_ptr(code->consts[k]), out);
        }
}

void dis_all(VM *vm, StrBuf *out) {
    if (vm->module_code) dis_code(vm, vm->module_code, out);
}

void dis_stats(VM *vm, StrBuf *out) {
    strbuf_printf(out, "%-16s %9s %9s %12s %9s %9s %9s\n", "family", "success", "failure", "hit", "miss",
                  "deferred", "deopt");
    for (int op = 0; op < OP__COUNT; op++) {
        if (opcode_info[op].family != op || !opcode_family_name(op)) continue;
        FamilyStats *s = &vm->family_stats[op];
        strbuf_printf(out, "%-16s %9llu %9llu %12llu %9llu %9llu %9llu\n", opcode_info[op].name,
                      (unsigned long long)s->success, (unsigned long long)s->failure, (unsigned long long)s->hit,
                      (unsigned long long)s->miss, (unsigned long long)s->deferred, (unsigned long long)s->deopt);
        for (int k = 1; k < SPECFAIL__COUNT; k++)
            if (s->failure_kinds[k])
                strbuf_printf(out, "    failure %-40s %llu\n", specfail_names[k], (unsigned long long)s->failure_kinds[k]);
    }
}
