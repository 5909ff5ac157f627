/* The adaptive disassembly (what `dis.dis(code, adaptive=True)` shows in CPython 3.11) and the
 * statistics as text, both driven by the opcode table. */
#include <string.h>

#include "dis.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

static void dis_argrepr(VM *vm, Code *code, int op, int arg, uint32_t after, StrBuf *out) {
    const OpcodeInfo *info = &opcode_info[op];
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
    } else if (info->flags & OPF_JUMP_FWD) {
        strbuf_printf(out, "to %u", (after + (uint32_t)arg) * 2);
    } else if (info->flags & OPF_JUMP_BACK) {
        strbuf_printf(out, "to %u", (after - (uint32_t)arg) * 2);
    }
}

static void dis_code(VM *vm, Code *code, StrBuf *out) {
    strbuf_printf(out, "Disassembly of <code object %s, file \"%s\", line %d>:\n", code->qualname->data,
                  code->filename->data, code->firstlineno);
    int last_line = -1, ext = 0;
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = code->code[i] & 0xff, arg = ext << 8 | code->code[i] >> 8;
        const OpcodeInfo *info = &opcode_info[op];
        ext = (op == OP_EXTENDED_ARG || op == OP_EXTENDED_ARG_QUICK) ? arg : 0;
        int line = code->positions[i].line;
        if (line != last_line && line > 0) {
            if (last_line != -1) strbuf_putc(out, '\n');
            strbuf_printf(out, "%4d ", line);
            last_line = line;
        } else {
            strbuf_puts(out, "     ");
        }
        strbuf_printf(out, "%8u %-38s", i * 2, info->name);
        if (info->flags & OPF_ARG) {
            strbuf_printf(out, " %5d", arg);
            StrBuf rep;
            strbuf_init(&rep);
            dis_argrepr(vm, code, op, arg, i + 1 + info->cache, &rep);
            if (rep.len) strbuf_printf(out, " (%s)", rep.data);
            strbuf_free(&rep);
        }
        InstrStats *st = &code->istats[i];
        if (st->hits || st->misses || st->deopts)
            strbuf_printf(out, "  [hits %u, misses %u, deopts %u]", st->hits, st->misses, st->deopts);
        if (st->failure) strbuf_printf(out, "  [failed: %s]", specfail_names[st->failure]);
        strbuf_putc(out, '\n');
        i += info->cache;
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
