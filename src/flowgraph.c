/* The flowgraph passes and the assembler, in the order CPython 3.11's assemble() runs them, so
 * that jumps, NOPs and the locations of implicit instructions match CPython's bytecode. */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "opcode.h"
#include "runtime.h"

#define MAX_COPY_SIZE 4

int cfg_new_block(Cfg *g) {
    if (g->nblocks == g->cap) {
        int cap = g->cap ? g->cap * 2 : 16;
        Block *b = realloc(g->blocks, (size_t)cap * sizeof *b);
        if (!b) return -1;
        g->blocks = b;
        g->cap = cap;
    }
    Block *b = &g->blocks[g->nblocks];
    memset(b, 0, sizeof *b);
    b->next = -1;
    b->start_depth = -1;
    return g->nblocks++;
}

int cfg_append(Cfg *g, int block, Instr ins) {
    Block *b = &g->blocks[block];
    if (b->len == b->cap) {
        int cap = b->cap ? b->cap * 2 : 8;
        Instr *p = realloc(b->instrs, (size_t)cap * sizeof *p);
        if (!p) return 0;
        b->instrs = p;
        b->cap = cap;
    }
    b->instrs[b->len++] = ins;
    return 1;
}

void cfg_free(Cfg *g) {
    for (int i = 0; i < g->nblocks; i++) free(g->blocks[i].instrs);
    free(g->blocks);
    memset(g, 0, sizeof *g);
}

static int is_jump(const Instr *i) {
    return (opcode_info[i->op].flags & (OPF_JUMP_FWD | OPF_JUMP_BACK | OPF_PSEUDO)) != 0;
}
static int is_uncond(const Instr *i) {
    return (opcode_info[i->op].flags & (OPF_UNCOND | OPF_EXIT)) != 0;
}
static Instr *last_instr(Block *b) { return b->len ? &b->instrs[b->len - 1] : NULL; }
static int is_exit_block(Block *b) { return b->len && b->instrs[b->len - 1].op == OP_RETURN_VALUE; }
static int has_loc(const Instr *i) { return i->loc.line >= 0; }

/* The first instruction reached when jumping to block (empty blocks fall through). */
static Instr *first_instr_from(Cfg *g, int block) {
    while (block >= 0 && g->blocks[block].len == 0) block = g->blocks[block].next;
    return block >= 0 ? &g->blocks[block].instrs[0] : NULL;
}

/* 1 when ins was threaded (then the caller looks at it again, as 3.11's `i -= jump_thread()`). */
static int jump_thread(Instr *ins, const Instr *target, int op) {
    if (ins->loc.line == target->loc.line && ins->target != target->target) {
        ins->target = target->target;
        ins->op = op;
        return 1;
    }
    return 0;
}

static int const_truthiness(Value v) {
    if (v == VALUE_NONE || v == VALUE_FALSE) return 0;
    if (v == VALUE_TRUE) return 1;
    if (value_is_float(v)) return value_as_float(v) != 0.0;
    if (value_is_int(v)) return value_as_int(v) != 0;
    if (value_is_kind(v, OBJ_STR)) return ((Str *)value_as_obj(v))->len != 0;
    if (value_is_kind(v, OBJ_TUPLE)) return ((Tuple *)value_as_obj(v))->len != 0;
    return -1;
}

/* Stores that only SWAP reorders can be reordered instead (CPython 3.11's apply_static_swaps):
 * STORE_FAST and POP_TOP on one line may trade places. */
static int swappable(int op) { return op == OP_STORE_FAST || op == OP_POP_TOP; }

static int next_swappable_instruction(Block *b, int i, int line) {
    while (++i < b->len) {
        Instr *ins = &b->instrs[i];
        if (line >= 0 && ins->loc.line != line) return -1;
        if (ins->op == OP_NOP) continue;
        if (swappable(ins->op)) return i;
        return -1;
    }
    return -1;
}

static void apply_static_swaps(Block *b, int i) {
    for (; i >= 0; i--) {
        Instr *swap = &b->instrs[i];
        if (swap->op != OP_SWAP) {
            if (swap->op == OP_NOP || swappable(swap->op)) continue;
            return;
        }
        int j = next_swappable_instruction(b, i, -1);
        if (j < 0) return;
        int k = j, line = b->instrs[j].loc.line;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable_instruction(b, k, line);
            if (k < 0) return;
        }
        swap->op = OP_NOP;
        Instr tmp = b->instrs[j];
        b->instrs[j] = b->instrs[k];
        b->instrs[k] = tmp;
    }
}

/* BUILD_TUPLE n after n LOAD_CONSTs becomes one LOAD_CONST of the tuple (3.11's
 * fold_tuple_on_constants): an equal constant of the code is used again, or the tuple is added at
 * the end of its constants, as CPython adds it. 0 on memory exhaustion. */
static int fold_tuple_on_constants(VM *vm, Code *code, Instr *loads, Instr *build) {
    int n = build->arg;
    for (int i = 0; i < n; i++)
        if (loads[i].op != OP_LOAD_CONST) return 1;
    Tuple *t = tuple_new(vm, (uint32_t)n);
    if (!t) return 0;
    for (int i = 0; i < n; i++) t->items[i] = code->consts[loads[i].arg];
    Value v = value_from_ptr(t);
    uint32_t index = 0;
    while (index < code->nconsts && (value_is_kind(code->consts[index], OBJ_CODE) || !compile_const_same(code->consts[index], v)))
        index++;
    if (index == code->nconsts) {
        Value *grown = realloc(code->consts, (code->nconsts + 1) * sizeof *grown);
        if (!grown) return 0;
        code->consts = grown;
        code->consts[code->nconsts++] = v;
    }
    for (int i = 0; i < n; i++) loads[i].op = OP_NOP;
    build->op = OP_LOAD_CONST;
    build->arg = (int)index;
    return 1;
}

static int optimize_basic_block(VM *vm, Cfg *g, Block *b, Code *code) {
    Value *consts = code->consts;
    for (int i = 0; i < b->len; i++) {
        Instr *ins = &b->instrs[i];
        Instr *next = i + 1 < b->len ? &b->instrs[i + 1] : NULL;
        switch (ins->op) {
        case OP_LOAD_CONST:
            if (next && (next->op == OP_POP_JUMP_IF_FALSE || next->op == OP_POP_JUMP_IF_TRUE)) {
                int truth = const_truthiness(consts[ins->arg]);
                if (truth < 0) break;
                ins->op = OP_NOP;
                if (truth == (next->op == OP_POP_JUMP_IF_TRUE)) next->op = OP_JUMP;
                else next->op = OP_NOP;
            } else if (next && (next->op == OP_JUMP_IF_FALSE_OR_POP || next->op == OP_JUMP_IF_TRUE_OR_POP)) {
                /* `0 and x`, `[] or x`: the constant decides; when it jumps, it jumps with the
                 * constant, else both go. */
                int truth = const_truthiness(consts[ins->arg]);
                if (truth < 0) break;
                if (truth == (next->op == OP_JUMP_IF_TRUE_OR_POP)) {
                    next->op = OP_JUMP;
                } else {
                    ins->op = OP_NOP;
                    next->op = OP_NOP;
                }
            } else if (next && next->op == OP_IS_OP && consts[ins->arg] == VALUE_NONE && i + 2 < b->len) {
                /* x is None / x is not None, then a conditional jump: one jump on None. */
                Instr *jump = &b->instrs[i + 2];
                if (jump->op != OP_POP_JUMP_IF_FALSE && jump->op != OP_POP_JUMP_IF_TRUE) break;
                int jumps_if_not_none = next->arg ^ (jump->op == OP_POP_JUMP_IF_FALSE);
                ins->op = OP_NOP;
                next->op = OP_NOP;
                jump->op = jumps_if_not_none ? OP_POP_JUMP_IF_NOT_NONE : OP_POP_JUMP_IF_NONE;
            }
            break;
        case OP_PUSH_NULL:
            if (next && next->op == OP_LOAD_GLOBAL && (next->arg & 1) == 0) {
                ins->op = OP_NOP;
                ins->arg = 0;
                next->arg |= 1;
            }
            break;
        case OP_POP_JUMP_IF_FALSE:
        case OP_POP_JUMP_IF_TRUE:
        case OP_POP_JUMP_IF_NONE:
        case OP_POP_JUMP_IF_NOT_NONE:
        case OP_JUMP: {
            Instr *target = first_instr_from(g, ins->target);
            if (target && target->op == OP_JUMP && jump_thread(ins, target, ins->op)) i--;
            break;
        }
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: {
            /* As 3.11: onto a jump of the same sense, go where it goes; onto the opposite test on
             * the same line, which would pop the value and fall through, go past it. */
            Instr *target = first_instr_from(g, ins->target);
            if (!target) break;
            int if_true = ins->op == OP_JUMP_IF_TRUE_OR_POP;
            int same_pop = if_true ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE;
            int same_keep = ins->op, other_keep = if_true ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
            int other_pop = if_true ? OP_POP_JUMP_IF_FALSE : OP_POP_JUMP_IF_TRUE;
            if (target->op == same_pop) {
                if (jump_thread(ins, target, same_pop)) i--;
            } else if (target->op == OP_JUMP || target->op == same_keep) {
                if (jump_thread(ins, target, same_keep)) i--;
            } else if ((target->op == other_keep || target->op == other_pop) && ins->loc.line == target->loc.line) {
                int t = ins->target;
                while (g->blocks[t].len == 0 && g->blocks[t].next >= 0) t = g->blocks[t].next;
                if (g->blocks[t].next >= 0) {
                    ins->op = if_true ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE;
                    ins->target = g->blocks[t].next;
                    i--;
                }
            }
            break;
        }
        case OP_BUILD_TUPLE:
            /* a, b = x, y: no tuple, just a SWAP (which apply_static_swaps may remove). */
            if (next && next->op == OP_UNPACK_SEQUENCE && next->arg == ins->arg && ins->arg >= 1 && ins->arg <= 3) {
                ins->op = OP_NOP;
                if (ins->arg == 1) next->op = OP_NOP;
                else next->op = OP_SWAP;
                i--;
                break;
            }
            if (i >= ins->arg) {
                if (!fold_tuple_on_constants(vm, code, ins - ins->arg, ins)) return 0;
                consts = code->consts;
            }
            break;
        case OP_SWAP:
            if (ins->arg == 1) {
                ins->op = OP_NOP;
                break;
            }
            apply_static_swaps(b, i);
            break;
        default: break;
        }
    }
    return 1;
}

/* Removes NOPs that carry no line number of their own (CPython's clean_basic_block). */
static void clean_basic_block(Cfg *g, Block *b) {
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->len; src++) {
        Instr *ins = &b->instrs[src];
        int line = ins->loc.line;
        if (ins->op == OP_NOP) {
            if (line < 0) continue;
            if (prev_line == line) continue;
            if (src < b->len - 1) {
                Instr *n = &b->instrs[src + 1];
                /* The next instruction keeps its own span when it is on the same line; only
                 * one without a line takes the NOP's. */
                if (n->loc.line == line) continue;
                if (n->loc.line < 0) {
                    n->loc = ins->loc;
                    continue;
                }
            } else {
                int nb = b->next;
                while (nb >= 0 && g->blocks[nb].len == 0) nb = g->blocks[nb].next;
                if (nb >= 0 && g->blocks[nb].instrs[0].loc.line == line) continue;
            }
        }
        b->instrs[dest++] = *ins;
        prev_line = line;
    }
    b->len = dest;
}

/* An unconditional jump to a small exit block becomes a copy of that block. */
static int extend_block(Cfg *g, int bi) {
    Block *b = &g->blocks[bi];
    Instr *last = last_instr(b);
    if (!last || last->op != OP_JUMP) return 1;
    int t = last->target;
    while (g->blocks[t].len == 0 && g->blocks[t].next >= 0) t = g->blocks[t].next;
    Block *target = &g->blocks[t];
    if (!is_exit_block(target) || target->len > MAX_COPY_SIZE) return 1;
    /* Only blocks without line numbers are copied (the implicit `return None`), as in 3.11: a
     * `return a if c else b` keeps its jump to the one RETURN_VALUE. */
    for (int i = 0; i < target->len; i++)
        if (has_loc(&target->instrs[i])) return 1;
    last->op = OP_NOP;
    int n = target->len;
    for (int i = 0; i < n; i++)
        if (!cfg_append(g, bi, g->blocks[t].instrs[i])) return 0;
    return 1;
}

static int mark_reachable(Cfg *g) {
    for (int i = 0; i < g->nblocks; i++) {
        g->blocks[i].predecessors = 0;
        g->blocks[i].reachable = 0;
    }
    int *stack = malloc((size_t)g->nblocks * sizeof(int));
    if (!stack) return 0;
    int sp = 0;
    g->blocks[g->entry].predecessors = 1;
    g->blocks[g->entry].reachable = 1;
    stack[sp++] = g->entry;
    while (sp) {
        Block *b = &g->blocks[stack[--sp]];
        Instr *last = last_instr(b);
        if ((!last || !is_uncond(last)) && b->next >= 0) {
            Block *n = &g->blocks[b->next];
            if (!n->reachable) {
                n->reachable = 1;
                stack[sp++] = b->next;
            }
            n->predecessors++;
        }
        for (int i = 0; i < b->len; i++) {
            int h = b->instrs[i].handler;
            if (h >= 0 && !g->blocks[h].reachable) {
                /* A handler is reached by raising, not by a jump: it counts as used, but with a
                 * second predecessor so that no location is propagated into it. */
                g->blocks[h].reachable = 1;
                g->blocks[h].predecessors += 2;
                stack[sp++] = h;
            }
            if (!is_jump(&b->instrs[i])) continue;
            Block *t = &g->blocks[b->instrs[i].target];
            if (!t->reachable) {
                t->reachable = 1;
                stack[sp++] = b->instrs[i].target;
            }
            t->predecessors++;
        }
    }
    free(stack);
    return 1;
}

/* Drops empty blocks from the layout, redirecting jumps to the next non-empty block. */
static void eliminate_empty_blocks(Cfg *g) {
    for (int i = 0; i < g->nblocks; i++) {
        Block *b = &g->blocks[i];
        for (int k = 0; k < b->len; k++) {
            int h = b->instrs[k].handler;
            if (h >= 0) {
                while (g->blocks[h].len == 0 && g->blocks[h].next >= 0) h = g->blocks[h].next;
                b->instrs[k].handler = h;
            }
            if (!is_jump(&b->instrs[k])) continue;
            int t = b->instrs[k].target;
            while (g->blocks[t].len == 0 && g->blocks[t].next >= 0) t = g->blocks[t].next;
            b->instrs[k].target = t;
        }
    }
    int prev = -1;
    for (int i = g->entry; i >= 0; i = g->blocks[i].next) {
        if (g->blocks[i].len == 0 && prev >= 0) {
            g->blocks[prev].next = g->blocks[i].next;
            continue;
        }
        prev = i;
    }
}

static void copy_loc_to_first(Block *b, Span loc) {
    if (b->len && !has_loc(&b->instrs[0])) b->instrs[0].loc = loc;
}

static int duplicate_exits_without_lineno(Cfg *g) {
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        Instr *last = last_instr(&g->blocks[bi]);
        if (!last || !is_jump(last)) continue;
        int t = last->target;
        Block *target = &g->blocks[t];
        if (is_exit_block(target) && !has_loc(&target->instrs[0]) && target->predecessors > 1) {
            int nt = cfg_new_block(g);
            if (nt < 0) return 0;
            target = &g->blocks[t];
            for (int i = 0; i < target->len; i++)
                if (!cfg_append(g, nt, g->blocks[t].instrs[i])) return 0;
            last = last_instr(&g->blocks[bi]);
            g->blocks[nt].instrs[0].loc = last->loc;
            last->target = nt;
            g->blocks[t].predecessors--;
            g->blocks[nt].predecessors = 1;
            g->blocks[nt].reachable = 1;
            g->blocks[nt].next = g->blocks[t].next;
            g->blocks[t].next = nt;
        }
    }
    /* Any remaining exit blocks without a line number are reached only by falling through. */
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        Block *b = &g->blocks[bi];
        Instr *last = last_instr(b);
        if (last && !is_uncond(last) && b->next >= 0) {
            Block *n = &g->blocks[b->next];
            if (is_exit_block(n) && !has_loc(&n->instrs[0])) n->instrs[0].loc = last->loc;
        }
    }
    return 1;
}

static void propagate_line_numbers(Cfg *g) {
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        Block *b = &g->blocks[bi];
        if (!b->len) continue;
        Span prev = LOC_NONE;
        for (int i = 0; i < b->len; i++) {
            if (!has_loc(&b->instrs[i])) b->instrs[i].loc = prev;
            else prev = b->instrs[i].loc;
        }
        Instr *last = last_instr(b);
        if (!is_uncond(last) && b->next >= 0 && g->blocks[b->next].predecessors == 1)
            copy_loc_to_first(&g->blocks[b->next], prev);
        if (is_jump(last) && g->blocks[last->target].predecessors == 1)
            copy_loc_to_first(&g->blocks[last->target], prev);
    }
}

static int stack_depth(Cfg *g) {
    int *stack = malloc((size_t)g->nblocks * sizeof(int));
    if (!stack) return -1;
    int sp = 0, max = 0;
    for (int i = 0; i < g->nblocks; i++) g->blocks[i].start_depth = -1;
    g->blocks[g->entry].start_depth = 0;
    stack[sp++] = g->entry;
    while (sp) {
        int bi = stack[--sp];
        Block *b = &g->blocks[bi];
        int depth = b->start_depth;
        int falls = 1;
        for (int i = 0; i < b->len; i++) {
            Instr *ins = &b->instrs[i];
            if (ins->handler >= 0 && g->blocks[ins->handler].start_depth < 0) {
                int hd = ins->hdepth + ins->hlasti + 1;
                if (hd > max) max = hd;
                g->blocks[ins->handler].start_depth = hd;
                stack[sp++] = ins->handler;
            }
            if (is_jump(ins)) {
                int jd = depth + opcode_stack_effect(ins->op, ins->arg, 1);
                if (jd < 0) jd = 0; /* a compiler bug must not loop the assembler forever */
                if (jd > max) max = jd;
                Block *t = &g->blocks[ins->target];
                if (t->start_depth < 0) {
                    t->start_depth = jd;
                    stack[sp++] = ins->target;
                }
            }
            depth += opcode_stack_effect(ins->op, ins->arg, 0);
            if (depth < 0) depth = 0;
            if (depth > max) max = depth;
            if (is_uncond(ins)) {
                falls = 0;
                break;
            }
        }
        if (falls && b->next >= 0 && g->blocks[b->next].start_depth < 0) {
            g->blocks[b->next].start_depth = depth;
            stack[sp++] = b->next;
        }
    }
    free(stack);
    return max;
}

static int ext_args(int arg) { return (arg > 0xff) + (arg > 0xffff) + (arg > 0xffffff); }

static int instr_size(const Instr *ins) {
    return ext_args(ins->arg) + 1 + opcode_info[ins->op].cache;
}

/* Chooses FORWARD or BACKWARD forms by layout order (CPython's normalize_jumps). */
static void normalize_jumps(Cfg *g) {
    int order = 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) g->blocks[bi].offset = order++;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        Instr *last = last_instr(&g->blocks[bi]);
        if (!last || !is_jump(last)) continue;
        int backward = g->blocks[last->target].offset <= g->blocks[bi].offset;
        switch (last->op) {
        case OP_JUMP: last->op = backward ? OP_JUMP_BACKWARD : OP_JUMP_FORWARD; break;
        case OP_POP_JUMP_IF_FALSE: last->op = backward ? OP_POP_JUMP_BACKWARD_IF_FALSE : OP_POP_JUMP_FORWARD_IF_FALSE; break;
        case OP_POP_JUMP_IF_TRUE: last->op = backward ? OP_POP_JUMP_BACKWARD_IF_TRUE : OP_POP_JUMP_FORWARD_IF_TRUE; break;
        case OP_POP_JUMP_IF_NONE: last->op = backward ? OP_POP_JUMP_BACKWARD_IF_NONE : OP_POP_JUMP_FORWARD_IF_NONE; break;
        case OP_POP_JUMP_IF_NOT_NONE:
            last->op = backward ? OP_POP_JUMP_BACKWARD_IF_NOT_NONE : OP_POP_JUMP_FORWARD_IF_NOT_NONE;
            break;
        default: break;
        }
    }
}

/* Groups consecutive instructions with the same handler into exception-table entries. */
static int flowgraph_exception_table(Cfg *g, Code *code) {
    uint32_t cap = 0, n = 0;
    ExcEntry *table = NULL;
    int off = 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        for (int i = 0; i < g->blocks[bi].len; i++) {
            Instr *ins = &g->blocks[bi].instrs[i];
            int size = instr_size(ins);
            if (ins->handler >= 0) {
                uint32_t target = (uint32_t)g->blocks[ins->handler].offset;
                ExcEntry *last = n ? &table[n - 1] : NULL;
                if (last && last->end == (uint32_t)off && last->target == target && last->depth == ins->hdepth &&
                    last->lasti == ins->hlasti) {
                    last->end = (uint32_t)(off + size);
                } else {
                    if (n == cap) {
                        cap = cap ? cap * 2 : 8;
                        ExcEntry *p = realloc(table, cap * sizeof *p);
                        if (!p) {
                            free(table);
                            return 0;
                        }
                        table = p;
                    }
                    table[n++] = (ExcEntry){(uint32_t)off, (uint32_t)(off + size), target, (uint16_t)ins->hdepth,
                                            (uint8_t)ins->hlasti};
                }
            }
            off += size;
        }
    }
    code->exctable = table;
    code->nexc = n;
    return 1;
}

int flowgraph_assemble(VM *vm, Cfg *g, Code *code) {
    eliminate_empty_blocks(g);
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        if (!optimize_basic_block(vm, g, &g->blocks[bi], code)) return 0;
        clean_basic_block(g, &g->blocks[bi]);
    }
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next)
        if (!extend_block(g, bi)) return 0;
    if (!mark_reachable(g)) return 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next)
        if (!g->blocks[bi].reachable) g->blocks[bi].len = 0;
    eliminate_empty_blocks(g);
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) clean_basic_block(g, &g->blocks[bi]);
    int changed = 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        Instr *last = last_instr(&g->blocks[bi]);
        if (last && last->op == OP_JUMP) {
            int nb = g->blocks[bi].next;
            while (nb >= 0 && g->blocks[nb].len == 0) nb = g->blocks[nb].next;
            int t = last->target;
            if (t == nb) {
                last->op = OP_NOP;
                changed = 1;
            }
        }
    }
    if (changed) eliminate_empty_blocks(g);
    if (!mark_reachable(g)) return 0;
    if (!duplicate_exits_without_lineno(g)) return 0;
    propagate_line_numbers(g);
    int depth = stack_depth(g);
    if (depth < 0) return 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) clean_basic_block(g, &g->blocks[bi]);
    eliminate_empty_blocks(g);
    normalize_jumps(g);

    /* Jump offsets depend on EXTENDED_ARG prefixes and those on the offsets: iterate to a fixpoint. */
    int total = 0;
    for (int pass = 0; pass < 10; pass++) {
        int offset = 0;
        for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
            g->blocks[bi].offset = offset;
            for (int i = 0; i < g->blocks[bi].len; i++) offset += instr_size(&g->blocks[bi].instrs[i]);
        }
        int grew = 0;
        for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
            int off = g->blocks[bi].offset;
            for (int i = 0; i < g->blocks[bi].len; i++) {
                Instr *ins = &g->blocks[bi].instrs[i];
                int size = instr_size(ins);
                int end = off + size;
                if (is_jump(ins)) {
                    int target = g->blocks[ins->target].offset;
                    int arg = (opcode_info[ins->op].flags & OPF_JUMP_BACK) ? end - target : target - end;
                    if (ext_args(arg) != ext_args(ins->arg)) grew = 1;
                    ins->arg = arg;
                }
                off = end;
            }
        }
        total = offset;
        if (!grew) break;
    }

    code->code = calloc((size_t)total + 1, sizeof(uint16_t));
    code->positions = calloc((size_t)total + 1, sizeof(Position));
    code->istats = calloc((size_t)total + 1, sizeof(InstrStats));
    code->hits = calloc((size_t)total + 1, sizeof(uint32_t));
    if (!code->code || !code->positions || !code->istats || !code->hits) return 0;
    code->hits_bias = (uintptr_t)code->hits - 2 * (uintptr_t)code->code;
    int pc = 0;
    for (int bi = g->entry; bi >= 0; bi = g->blocks[bi].next) {
        for (int i = 0; i < g->blocks[bi].len; i++) {
            Instr *ins = &g->blocks[bi].instrs[i];
            Position pos = {0, 0, 0, 0};
            if (ins->loc.line >= 0) pos = (Position){ins->loc.line, ins->loc.end_line, ins->loc.col, ins->loc.end_col};
            int n = ext_args(ins->arg);
            for (int k = n; k > 0; k--) {
                code->positions[pc] = pos;
                code->code[pc++] = (uint16_t)(OP_EXTENDED_ARG | (((unsigned)ins->arg >> (8 * k)) & 0xff) << 8);
            }
            code->positions[pc] = pos;
            code->code[pc++] = (uint16_t)(ins->op | ((unsigned)ins->arg & 0xff) << 8);
            for (int c = 0; c < opcode_info[ins->op].cache; c++) {
                code->positions[pc] = pos;
                code->code[pc++] = 0;
            }
        }
    }
    code->ncode = (uint32_t)total;
    code->stacksize = (uint32_t)depth + 1;
    return flowgraph_exception_table(g, code);
}
