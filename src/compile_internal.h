/* Shared by the compiler's files: compile.c (units, names, expressions, functions) and
 * compile_stmt.c (statements, exception handling, classes, imports). */
#ifndef ANOLE_COMPILE_INTERNAL_H
#define ANOLE_COMPILE_INTERNAL_H

#include "cfg.h"
#include "compile.h"
#include "opcode.h"
#include "runtime.h"
#include "symtable.h"

/* What an enclosing construct leaves on the stack and how break/continue/return leave it. */
typedef enum {
    FB_WHILE,           /* nothing on the stack */
    FB_FOR,             /* the iterator */
    FB_TRY_EXCEPT,      /* a handler is active */
    FB_FINALLY_TRY,     /* a handler is active; leaving runs the finally body */
    FB_FINALLY_END,     /* in the exceptional finally body: [prev_exc, exc] on the stack */
    FB_WITH,            /* the __exit__ function */
    FB_HANDLER_CLEANUP, /* in an except body: prev_exc on the stack; `datum` names `as e` */
    FB_POP_VALUE,       /* a value (the return value while a finally runs) */
} FBlockKind;

typedef struct {
    FBlockKind kind;
    int block;          /* loops: the continue target */
    int exit;           /* loops: the break target */
    Node *datum;        /* FINALLY_TRY: the try statement; HANDLER_CLEANUP: the handler */
    int hbase;          /* handlers active outside the construct (unwinding code runs under them) */
} FBlock;

typedef struct {
    int block, depth, lasti;
} Handler;

typedef struct Unit {
    struct Unit *parent;
    Scope *scope;
    Cfg g;
    int cur, last;           /* the block being filled, and the last block in layout order */
    Value *consts;
    int nconsts, capconsts;
    Str **names;
    int nnames, capnames;
    Str **varnames;          /* frame slots: locals, then cells, then free vars */
    int nvarnames, capvarnames;
    int nplain, nfree;       /* slots before the cells; free variables at the end */
    char qualname[256];
    const char *name;
    size_t name_len;
    int firstlineno, argcount, kwonlyargcount, posonlyargcount, flags;
    Span loc;
    FBlock fblocks[64];
    int nfblocks;
    Handler handlers[64];
    int nhandlers;
    int depth;               /* values enclosing constructs keep on the stack at statement level */
} Unit;

typedef struct {
    VM *vm;
    Str *filename;
    SyntaxErrorInfo *err;
    SymTable st;
    Unit *u;
    int failed;
} Compiler;

int cc_error(Compiler *c, Span at, const char *type, const char *msg);
int cc_nomem(Compiler *c);
int cc_new_block(Compiler *c);
void cc_use_next_block(Compiler *c, int b);
int cc_emit_full(Compiler *c, int op, int arg, Span loc, int target);
int cc_emit(Compiler *c, int op, int arg);
int cc_emit_jump(Compiler *c, int op, int target);
int cc_emit_jump_noline(Compiler *c, int op, int target);
int cc_add_const(Compiler *c, Value v);
int cc_load_const(Compiler *c, Value v);
int cc_add_name(Compiler *c, const char *s, size_t len);
Value cc_const_value(Compiler *c, Node *e);
Value cc_str_const(Compiler *c, const char *s, size_t len);
/* Compiles an iterable the way 3.11's fold_iter leaves it (compile.c). */
int cc_iterable(Compiler *c, Node *e);

int cc_expr(Compiler *c, Node *e);
int cc_name(Compiler *c, const char *s, size_t len, int ctx, Span at); /* ctx 0 load, 1 store, 2 del */
int cc_store_target(Compiler *c, Node *t);
int cc_jump_if(Compiler *c, Node *e, int target, int cond);
int cc_function(Compiler *c, Node *s);          /* def and lambda: leaves the function on the stack */
int cc_call_helper(Compiler *c, int n_before, NodeList *args, NodeList *keywords, Span at);
int cc_unit_enter(Compiler *c, Node *node, ScopeKind kind, const char *name, size_t len, int firstlineno);
Code *cc_unit_finish(Compiler *c);
int cc_make_closure(Compiler *c, Code *code, int flags);

int cc_stmt(Compiler *c, Node *s);
int cc_body(Compiler *c, NodeList *body);
int cc_push_handler(Compiler *c, int block, int depth, int lasti);
void cc_pop_handler(Compiler *c);
int cc_push_fblock(Compiler *c, FBlockKind kind, int block, int exit, Node *datum, int hbase, Span at);
int cc_setup_annotations_if_needed(Compiler *c, NodeList *body);
void cc_pop_fblock(Compiler *c);

#endif
