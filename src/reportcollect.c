/* Turns the engine's state after a run into the Report data of report.h: every instruction of
 * every code object with its Specialist state, and the per-family statistics. */
#include <stdlib.h>
#include <string.h>

#include "dis.h"
#include "opcode.h"
#include "report.h"
#include "reportcollect.h"
#include "runtime.h"
#include "vm.h"

typedef struct {
    ReportInstr *items;
    size_t len, cap;
} InstrVec;

static int instrvec_push(InstrVec *v, ReportInstr ins) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 256;
        ReportInstr *p = realloc(v->items, cap * sizeof *p);
        if (!p) return 0;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->len++] = ins;
    return 1;
}

static int collect_code(Code *code, InstrVec *out) {
    uint8_t *targets = calloc(code->ncode + 1, 1);
    if (!targets) return 0;
    dis_jump_targets(code, targets, 0);
    int prev = -1, prev2 = -1;
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = code->code[i] & 0xff;
        const OpcodeInfo *info = &opcode_info[op];
        if (targets[i]) prev = prev2 = -1;
        ReportState state;
        if ((prev >= 0 && (opcode_info[prev].flags & OPF_ABSORB1)) || (prev2 >= 0 && (opcode_info[prev2].flags & OPF_ABSORB2)))
            state = REPORT_SPECIALIZED;
        else if (opcode_is_specialized(op)) state = REPORT_SPECIALIZED;
        else if ((info->flags & OPF_ADAPTIVE) && code->code[i + 1] != 0) state = REPORT_ADAPTIVE;
        else state = REPORT_UNQUICKENED;
        Position pos = code->positions[i];
        InstrStats *st = &code->istats[i];
        ReportInstr ins = {
            .code = code->qualname->data,
            .offset = (int)i * 2,
            .opname = info->name,
            .family = opcode_family_name(op),
            .state = state,
            .line = pos.line,
            .end_line = pos.end_line,
            .col = pos.col,
            .end_col = pos.end_col,
            .hits = code->hits[i],
            .misses = st->misses,
            .deopts = st->deopts,
            .failure = st->failure ? specfail_names[st->failure] : NULL,
        };
        if (!instrvec_push(out, ins)) {
            free(targets);
            return 0;
        }
        prev2 = prev;
        prev = op;
        i += info->cache;
    }
    free(targets);
    for (uint32_t k = 0; k < code->nconsts; k++)
        if (value_is_kind(code->consts[k], OBJ_CODE) && !collect_code(value_as_ptr(code->consts[k]), out)) return 0;
    return 1;
}

/* Adds each instruction's hits to its family's total, for code and the code objects in it. */
static void count_hits_code(VM *vm, Code *code) {
    for (uint32_t i = 0; i < code->ncode; i++) {
        int op = code->code[i] & 0xff;
        vm->family_stats[opcode_info[op].family].hit += code->hits[i];
        i += opcode_info[op].cache;
    }
    for (uint32_t k = 0; k < code->nconsts; k++)
        if (value_is_kind(code->consts[k], OBJ_CODE)) count_hits_code(vm, value_as_ptr(code->consts[k]));
}

void report_count_family_hits(VM *vm) {
    for (int op = 0; op < OP__COUNT; op++) vm->family_stats[op].hit = 0;
    if (vm->module_code) count_hits_code(vm, vm->module_code);
}

int report_collect(VM *vm, Report *r) {
    memset(r, 0, sizeof *r);
    report_count_family_hits(vm);
    r->file = vm->filename;
    r->source = vm->source;
    r->source_len = vm->source_len;
    if (vm->last_error) {
        Exception *e = vm->last_error;
        r->has_error = 1;
        r->error_type = e->type->name;
        StrBuf msg;
        strbuf_init(&msg);
        if (e->message != VALUE_NULL) op_str_into(vm, e->message, &msg);
        strbuf_putc(&msg, 0);
        r->error_message = strbuf_take(&msg);
        Traceback *tb = e->traceback;
        while (tb && tb->next) tb = tb->next;
        r->error_line = tb ? tb->code->positions[tb->instr].line : vm->syntax_error_line;
    }
    InstrVec v = {0};
    if (vm->module_code && !collect_code(vm->module_code, &v)) {
        free(v.items);
        return 0;
    }
    r->instrs = v.items;
    r->ninstrs = v.len;
    r->families = calloc(OP__COUNT, sizeof(ReportFamily));
    if (!r->families) return 0;
    for (int op = 0; op < OP__COUNT; op++) {
        if (opcode_info[op].family != op || !opcode_family_name(op)) continue;
        FamilyStats *s = &vm->family_stats[op];
        if (!(s->success | s->failure | s->hit | s->miss | s->deferred | s->deopt)) continue;
        ReportFamily *f = &r->families[r->nfamilies++];
        f->family = opcode_info[op].name;
        f->success = (long)s->success;
        f->failure = (long)s->failure;
        f->hit = (long)s->hit;
        f->miss = (long)s->miss;
        f->deferred = (long)s->deferred;
        f->deopt = (long)s->deopt;
        f->kinds = calloc(SPECFAIL__COUNT, sizeof(ReportKind));
        if (!f->kinds) return 0;
        for (int k = 1; k < SPECFAIL__COUNT; k++)
            if (s->failure_kinds[k]) f->kinds[f->nkinds++] = (ReportKind){specfail_names[k], (long)s->failure_kinds[k]};
    }
    return 1;
}

void report_release(Report *r) {
    free(r->instrs);
    for (size_t i = 0; i < r->nfamilies; i++) free(r->families[i].kinds);
    free(r->families);
    free((char *)r->error_message);
    memset(r, 0, sizeof *r);
}
