/* The control-flow graph the compiler builds and the flowgraph passes rewrite: basic blocks of
 * instructions with locations, in layout order. Mirrors the shape of CPython 3.11's compiler so
 * that instruction locations (and therefore the colors) come out as CPython's do. */
#ifndef ANOLE_CFG_H
#define ANOLE_CFG_H

#include "ast.h"
#include "object.h"

#define LOC_NONE ((Span){-1, -1, -1, -1})

typedef struct {
    int op, arg;
    Span loc;          /* line -1: no location yet (propagated from neighbours later) */
    int target;        /* jumps: the target block's index */
    int handler;       /* the exception handler block active here, or -1 */
    int hdepth;        /* the handler's stack depth */
    int hlasti;        /* whether the handler wants the raising instruction's offset pushed */
} Instr;

typedef struct {
    Instr *instrs;
    int len, cap;
    int next;          /* the next block in layout order, -1 at the end */
    int predecessors;
    int reachable;
    int offset;        /* in code units, after assembly */
    int start_depth;
} Block;

typedef struct {
    Block *blocks;
    int nblocks, cap;
    int entry;
} Cfg;

int cfg_new_block(Cfg *g);
int cfg_append(Cfg *g, int block, Instr ins);
void cfg_free(Cfg *g);

/* Runs CPython 3.11's flowgraph passes (jump threading, constant conditions, tuples of constants
 * folded, unreachable code, redundant jumps and NOPs, exits without line numbers, line-number
 * propagation) and assembles the code units, positions and stack size into code, whose constants
 * it may add to. Returns 0 on memory exhaustion. */
int flowgraph_assemble(VM *vm, Cfg *g, Code *code);
/* Whether two constants are the same constant (compile.c; 1 and 1.0 and True are not). */
int compile_const_same(Value a, Value b);

#endif
