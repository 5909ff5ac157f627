/* The compiler. It follows CPython 3.11's compile.c closely where that decides what the learner
 * sees: which instructions an expression becomes and which source span each one carries. The
 * current location works as in CPython: a statement sets it and leaves it set, an expression sets
 * it and restores the previous one afterwards, and a few constructs set it explicitly. */
#include "compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_COMPREHENSION } ScopeKind;
typedef enum { LOOP_WHILE, LOOP_FOR } LoopKind;

typedef struct {
    LoopKind kind;
    int start, exit;
} Loop;

typedef struct {
    const char *s;
    size_t len;
} Ident;

typedef struct Unit {
    struct Unit *parent;
    ScopeKind kind;
    Cfg g;
    int cur, last;           /* the block being filled, and the last block in layout order */
    Value *consts;
    int nconsts, capconsts;
    Str **names;
    int nnames, capnames;
    Str **varnames;
    int nvarnames, capvarnames;
    Ident *globals;          /* names declared global */
    int nglobals, capglobals;
    char qualname[256];
    const char *name;
    size_t name_len;
    int firstlineno, argcount;
    Span loc;
    Loop loops[64];
    int nloops;
} Unit;

typedef struct {
    VM *vm;
    Str *filename;
    SyntaxErrorInfo *err;
    Unit *u;
    int failed;
} Compiler;

static int compile_stmt(Compiler *c, Node *s);
static int compile_expr(Compiler *c, Node *e);

static int compile_error(Compiler *c, Span at, const char *type, const char *msg) {
    if (!c->failed) {
        c->failed = 1;
        c->err->type = type;
        snprintf(c->err->message, sizeof c->err->message, "%s", msg);
        c->err->line = at.line;
        c->err->col = at.col;
        c->err->end_line = at.end_line;
        c->err->end_col = at.end_col;
    }
    return 0;
}

static int nomem(Compiler *c) { return compile_error(c, (Span){0, 0, 0, 0}, "MemoryError", "out of memory"); }

/* ---- blocks and emission ---- */

static int new_block(Compiler *c) {
    int b = cfg_new_block(&c->u->g);
    if (b < 0) nomem(c);
    return b;
}

static void use_next_block(Compiler *c, int b) {
    Unit *u = c->u;
    u->g.blocks[u->last].next = b;
    u->last = b;
    u->cur = b;
}

static int emit_full(Compiler *c, int op, int arg, Span loc, int target) {
    Unit *u = c->u;
    if (!cfg_append(&u->g, u->cur, (Instr){op, arg, loc, target})) return nomem(c);
    /* A jump or a return ends its basic block; what follows starts a new one. */
    if (opcode_info[op].flags & (OPF_JUMP_FWD | OPF_JUMP_BACK | OPF_PSEUDO | OPF_EXIT)) {
        int b = new_block(c);
        if (b < 0) return 0;
        use_next_block(c, b);
    }
    return 1;
}

static int emit(Compiler *c, int op, int arg) { return emit_full(c, op, arg, c->u->loc, -1); }
static int emit_jump(Compiler *c, int op, int target) { return emit_full(c, op, 0, c->u->loc, target); }
static int emit_jump_noline(Compiler *c, int op, int target) { return emit_full(c, op, 0, LOC_NONE, target); }

/* ---- constants and names ---- */

static int const_same(Value a, Value b) {
    if (a == b) return 1;
    if (value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR))
        return str_equal(value_as_ptr(a), value_as_ptr(b));
    return 0;
}

static int add_const(Compiler *c, Value v) {
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++)
        if (const_same(u->consts[i], v) && !value_is_kind(v, OBJ_CODE)) return i;
    if (u->nconsts == u->capconsts) {
        int cap = u->capconsts ? u->capconsts * 2 : 8;
        Value *p = realloc(u->consts, (size_t)cap * sizeof *p);
        if (!p) return nomem(c) - 1;
        u->consts = p;
        u->capconsts = cap;
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static int add_str(Compiler *c, Str ***arr, int *n, int *cap, const char *s, size_t len) {
    for (int i = 0; i < *n; i++)
        if ((*arr)[i]->len == len && memcmp((*arr)[i]->data, s, len) == 0) return i;
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 8;
        Str **p = realloc(*arr, (size_t)ncap * sizeof *p);
        if (!p) return nomem(c) - 1;
        *arr = p;
        *cap = ncap;
    }
    Str *str = str_intern(c->vm, s, len);
    if (!str) return nomem(c) - 1;
    (*arr)[*n] = str;
    return (*n)++;
}

static int add_name(Compiler *c, const char *s, size_t len) {
    return add_str(c, &c->u->names, &c->u->nnames, &c->u->capnames, s, len);
}

static int find_varname(Unit *u, const char *s, size_t len) {
    for (int i = 0; i < u->nvarnames; i++)
        if (u->varnames[i]->len == len && memcmp(u->varnames[i]->data, s, len) == 0) return i;
    return -1;
}

static int add_varname(Compiler *c, const char *s, size_t len) {
    return add_str(c, &c->u->varnames, &c->u->nvarnames, &c->u->capvarnames, s, len);
}

static int is_declared_global(Unit *u, const char *s, size_t len) {
    for (int i = 0; i < u->nglobals; i++)
        if (u->globals[i].len == len && memcmp(u->globals[i].s, s, len) == 0) return 1;
    return 0;
}

/* ---- the symbol pass: which names a function assigns (its locals) ---- */

static int declare_global(Compiler *c, Node *name) {
    Unit *u = c->u;
    if (u->nglobals == u->capglobals) {
        int cap = u->capglobals ? u->capglobals * 2 : 8;
        Ident *p = realloc(u->globals, (size_t)cap * sizeof *p);
        if (!p) return nomem(c);
        u->globals = p;
        u->capglobals = cap;
    }
    u->globals[u->nglobals++] = (Ident){name->str, name->str_len};
    return 1;
}

static int scan_target(Compiler *c, Node *t) {
    if (t->kind == AST_NAME && !is_declared_global(c->u, t->str, t->str_len))
        return add_varname(c, t->str, t->str_len) >= 0;
    return 1;
}

static int scan_globals(Compiler *c, NodeList *body) {
    for (int i = 0; i < body->len; i++) {
        Node *s = body->items[i];
        if (s->kind == AST_GLOBAL) {
            for (int k = 0; k < s->list.len; k++)
                if (!declare_global(c, s->list.items[k])) return 0;
        } else if (s->kind == AST_IF || s->kind == AST_WHILE || s->kind == AST_FOR) {
            if (!scan_globals(c, &s->list) || !scan_globals(c, &s->list2)) return 0;
        }
    }
    return 1;
}

static int scan_locals(Compiler *c, NodeList *body) {
    for (int i = 0; i < body->len; i++) {
        Node *s = body->items[i];
        switch (s->kind) {
        case AST_ASSIGN:
            for (int k = 0; k < s->list.len; k++)
                if (!scan_target(c, s->list.items[k])) return 0;
            break;
        case AST_AUGASSIGN:
            if (!scan_target(c, s->a)) return 0;
            break;
        case AST_FOR:
            if (!scan_target(c, s->a)) return 0;
            /* fall through */
        case AST_IF:
        case AST_WHILE:
            if (!scan_locals(c, &s->list) || !scan_locals(c, &s->list2)) return 0;
            break;
        case AST_FUNCTIONDEF:
            if (!is_declared_global(c->u, s->str, s->str_len) && add_varname(c, s->str, s->str_len) < 0) return 0;
            break;
        default: break;
        }
    }
    return 1;
}

/* ---- names ---- */

static int compile_name(Compiler *c, Node *n, int store) {
    Unit *u = c->u;
    if (u->kind == SCOPE_MODULE) {
        int i = add_name(c, n->str, n->str_len);
        return i >= 0 && emit(c, store ? OP_STORE_NAME : OP_LOAD_NAME, i);
    }
    if (!is_declared_global(u, n->str, n->str_len)) {
        int local = find_varname(u, n->str, n->str_len);
        if (local >= 0) return emit(c, store ? OP_STORE_FAST : OP_LOAD_FAST, local);
        for (Unit *p = u->parent; p && p->kind != SCOPE_MODULE; p = p->parent)
            if (find_varname(p, n->str, n->str_len) >= 0 && !is_declared_global(p, n->str, n->str_len)) {
                char msg[200];
                snprintf(msg, sizeof msg, "'%.*s' is a variable of an enclosing function: closures are not supported by Anole yet",
                         (int)n->str_len, n->str);
                return compile_error(c, n->span, "SyntaxError", msg);
            }
    }
    int i = add_name(c, n->str, n->str_len);
    if (i < 0) return 0;
    return store ? emit(c, OP_STORE_GLOBAL, i) : emit(c, OP_LOAD_GLOBAL, i << 1);
}

/* ---- expressions ---- */

static Value const_value(Compiler *c, Node *e) {
    switch (e->ctype) {
    case CONST_NONE: return VALUE_NONE;
    case CONST_TRUE: return VALUE_TRUE;
    case CONST_FALSE: return VALUE_FALSE;
    case CONST_INT: return value_from_int(e->ival);
    case CONST_FLOAT: return value_from_float(e->fval);
    case CONST_STR: {
        Str *s = str_new(c->vm, e->str, e->str_len);
        if (!s) {
            nomem(c);
            return VALUE_ERROR;
        }
        return value_from_ptr(s);
    }
    }
    return VALUE_NONE;
}

static int load_const(Compiler *c, Value v) {
    if (v == VALUE_ERROR) return 0;
    int i = add_const(c, v);
    return i >= 0 && emit(c, OP_LOAD_CONST, i);
}

/* Constant folding, as CPython's AST optimizer does: an operator applied to constants becomes one
 * constant carrying the operator expression's span. Folding is skipped when evaluating would raise
 * or make a big string. Returns 1 and sets *out when e folds. */
static int fold_constant(Compiler *c, Node *e, Value *out) {
    VM *vm = c->vm;
    if (e->kind == AST_CONSTANT) {
        *out = const_value(c, e);
        return *out != VALUE_ERROR;
    }
    Value a, b;
    if (e->kind == AST_UNARYOP && fold_constant(c, e->a, &a)) {
        if (e->op == UNARY_NOT) {
            int t = op_truthy(vm, a);
            if (t < 0) return 0;
            *out = value_from_bool(!t);
            return 1;
        }
        if (!num_is_number(a)) return 0;
        if (e->op == UNARY_POS) *out = value_is_bool(a) ? value_from_int(a == VALUE_TRUE) : a;
        else if (e->op == UNARY_NEG) *out = num_negate(vm, a);
        else return 0;
        if (*out == VALUE_ERROR) {
            vm->exc = VALUE_NULL;
            return 0;
        }
        return 1;
    }
    if (e->kind == AST_BINOP && fold_constant(c, e->a, &a) && fold_constant(c, e->b, &b)) {
        if (num_is_number(a) && num_is_number(b)) {
            *out = num_binary_op(vm, e->op, a, b);
            if (*out == VALUE_ERROR || *out == VALUE_NULL) {
                vm->exc = VALUE_NULL;
                return 0;
            }
            return 1;
        }
        if (e->op == 0 && value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR)) {
            Str *x = value_as_ptr(a), *y = value_as_ptr(b);
            if (x->nchars + y->nchars > 4096) return 0;
            *out = str_concat(vm, x, y);
            if (*out == VALUE_ERROR) vm->exc = VALUE_NULL;
            return *out != VALUE_ERROR;
        }
    }
    return 0;
}

static int compile_jump_if(Compiler *c, Node *e, int target, int cond);

static int compile_compare_op(Compiler *c, int op) {
    if (op <= CMP_GE) return emit(c, OP_COMPARE_OP, op);
    if (op == CMP_IS || op == CMP_IS_NOT) return emit(c, OP_IS_OP, op == CMP_IS_NOT);
    return emit(c, OP_CONTAINS_OP, op == CMP_NOT_IN);
}

static int compile_compare(Compiler *c, Node *e) {
    if (!compile_expr(c, e->a)) return 0;
    int n = e->list.len - 1;
    if (n == 0) return compile_expr(c, e->list.items[0]) && compile_compare_op(c, e->cmpops[0]);
    int cleanup = new_block(c);
    if (cleanup < 0) return 0;
    for (int i = 0; i < n; i++) {
        if (!compile_expr(c, e->list.items[i]) || !emit(c, OP_SWAP, 2) || !emit(c, OP_COPY, 2) ||
            !compile_compare_op(c, e->cmpops[i]) || !emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup))
            return 0;
    }
    if (!compile_expr(c, e->list.items[n]) || !compile_compare_op(c, e->cmpops[n])) return 0;
    int end = new_block(c);
    if (end < 0 || !emit_jump_noline(c, OP_JUMP, end)) return 0;
    use_next_block(c, cleanup);
    if (!emit(c, OP_SWAP, 2) || !emit(c, OP_POP_TOP, 0)) return 0;
    use_next_block(c, end);
    return 1;
}

static int compile_boolop(Compiler *c, Node *e) {
    int end = new_block(c);
    if (end < 0) return 0;
    int op = e->op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < e->list.len - 1; i++)
        if (!compile_expr(c, e->list.items[i]) || !emit_jump(c, op, end)) return 0;
    if (!compile_expr(c, e->list.items[e->list.len - 1])) return 0;
    use_next_block(c, end);
    return 1;
}

static int compile_call(Compiler *c, Node *e) {
    Span saved = c->u->loc;
    c->u->loc = e->a->span;
    if (!emit(c, OP_PUSH_NULL, 0)) return 0;
    c->u->loc = e->span;
    if (!compile_expr(c, e->a)) return 0;
    for (int i = 0; i < e->list.len; i++)
        if (!compile_expr(c, e->list.items[i])) return 0;
    int ok = emit(c, OP_PRECALL, e->list.len) && emit(c, OP_CALL, e->list.len);
    c->u->loc = saved;
    return ok;
}

static int all_constant(Compiler *c, NodeList *items, Value *out) {
    for (int i = 0; i < items->len; i++)
        if (!fold_constant(c, items->items[i], &out[i])) return 0;
    return 1;
}

static int compile_sequence(Compiler *c, Node *e) {
    int n = e->list.len;
    Value *vals = n ? malloc((size_t)n * sizeof(Value)) : NULL;
    if (n && !vals) return nomem(c);
    int constant = n > 0 && all_constant(c, &e->list, vals);
    int ok = 1;
    if (constant && (e->kind == AST_TUPLE || n > 2)) {
        Tuple *t = tuple_new(c->vm, (uint32_t)n);
        if (!t) {
            free(vals);
            return nomem(c);
        }
        memcpy(t->items, vals, (size_t)n * sizeof(Value));
        if (e->kind == AST_TUPLE) ok = load_const(c, value_from_ptr(t));
        else ok = emit(c, OP_BUILD_LIST, 0) && load_const(c, value_from_ptr(t)) && emit(c, OP_LIST_EXTEND, 1);
    } else {
        for (int i = 0; i < n && ok; i++) ok = compile_expr(c, e->list.items[i]);
        ok = ok && emit(c, e->kind == AST_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_LIST, n);
    }
    free(vals);
    return ok;
}

static Code *unit_finish(Compiler *c);
static int unit_enter(Compiler *c, ScopeKind kind, const char *name, size_t name_len, int firstlineno);

static int compile_listcomp(Compiler *c, Node *e) {
    if (e->list.len != 1) return compile_error(c, e->span, "SyntaxError", "nested comprehension loops are not supported by Anole yet");
    Node *gen = e->list.items[0];
    if (!unit_enter(c, SCOPE_COMPREHENSION, "<listcomp>", 10, e->span.line)) return 0;
    Unit *u = c->u;
    u->argcount = 1;
    if (add_varname(c, ".0", 2) < 0 || !scan_target(c, gen->a)) return 0;
    u->loc = e->span;
    int start = new_block(c), anchor = new_block(c), cleanup = new_block(c);
    if (start < 0 || anchor < 0 || cleanup < 0) return 0;
    if (!emit(c, OP_BUILD_LIST, 0) || !emit(c, OP_LOAD_FAST, 0)) return 0;
    use_next_block(c, start);
    if (!emit_jump(c, OP_FOR_ITER, anchor) || !compile_expr(c, gen->a)) return 0;
    for (int i = 0; i < gen->list2.len; i++)
        if (!compile_jump_if(c, gen->list2.items[i], cleanup, 0)) return 0;
    if (!compile_expr(c, e->a) || !emit(c, OP_LIST_APPEND, 2)) return 0;
    use_next_block(c, cleanup);
    if (!emit_jump(c, OP_JUMP, start)) return 0;
    use_next_block(c, anchor);
    if (!emit(c, OP_RETURN_VALUE, 0)) return 0;
    Code *code = unit_finish(c);
    if (!code) return 0;
    /* Back in the enclosing scope: make the function and call it on iter(outermost iterable). */
    return load_const(c, value_from_ptr(code)) && emit(c, OP_MAKE_FUNCTION, 0) && compile_expr(c, gen->b) &&
           emit(c, OP_GET_ITER, 0) && emit(c, OP_PRECALL, 0) && emit(c, OP_CALL, 0);
}

static int compile_expr1(Compiler *c, Node *e) {
    Value folded;
    if ((e->kind == AST_BINOP || e->kind == AST_UNARYOP || e->kind == AST_CONSTANT) && fold_constant(c, e, &folded))
        return load_const(c, folded);
    if (c->failed) return 0;
    switch (e->kind) {
    case AST_NAME: return compile_name(c, e, e->ctx_store);
    case AST_BINOP: return compile_expr(c, e->a) && compile_expr(c, e->b) && emit(c, OP_BINARY_OP, e->op);
    case AST_UNARYOP: {
        static const int ops[] = {OP_UNARY_NEGATIVE, OP_UNARY_POSITIVE, OP_UNARY_NOT, OP_UNARY_INVERT};
        if (e->op == UNARY_INVERT) return compile_error(c, e->span, "SyntaxError", "'~' is not supported by Anole yet");
        return compile_expr(c, e->a) && emit(c, ops[e->op], 0);
    }
    case AST_BOOLOP: return compile_boolop(c, e);
    case AST_COMPARE: return compile_compare(c, e);
    case AST_CALL: return compile_call(c, e);
    case AST_LIST:
    case AST_TUPLE:
        if (e->ctx_store) return compile_error(c, e->span, "SyntaxError", "unpacking is not supported by Anole yet");
        return compile_sequence(c, e);
    case AST_LISTCOMP: return compile_listcomp(c, e);
    case AST_SUBSCRIPT:
        if (!compile_expr(c, e->a) || !compile_expr(c, e->b)) return 0;
        return emit(c, e->ctx_store ? OP_STORE_SUBSCR : OP_BINARY_SUBSCR, 0);
    case AST_IFEXP: {
        int end = new_block(c), next = new_block(c);
        if (end < 0 || next < 0) return 0;
        if (!compile_jump_if(c, e->a, next, 0) || !compile_expr(c, e->b) || !emit_jump_noline(c, OP_JUMP, end)) return 0;
        use_next_block(c, next);
        if (!compile_expr(c, e->c)) return 0;
        use_next_block(c, end);
        return 1;
    }
    default: return compile_error(c, e->span, "SyntaxError", "this expression is not supported by Anole yet");
    }
}

static int compile_expr(Compiler *c, Node *e) {
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int ok = compile_expr1(c, e);
    c->u->loc = saved;
    return ok;
}

/* Compiles a condition as jumps: to `target` when the condition's truth equals `cond`. */
static int compile_jump_if(Compiler *c, Node *e, int target, int cond) {
    if (e->kind == AST_UNARYOP && e->op == UNARY_NOT) return compile_jump_if(c, e->a, target, !cond);
    if (e->kind == AST_BOOLOP) {
        int cond2 = e->op == BOOL_OR;
        int next2 = target;
        if (!cond2 != !cond) {
            next2 = new_block(c);
            if (next2 < 0) return 0;
        }
        int n = e->list.len - 1;
        for (int i = 0; i < n; i++)
            if (!compile_jump_if(c, e->list.items[i], next2, cond2)) return 0;
        if (!compile_jump_if(c, e->list.items[n], target, cond)) return 0;
        if (next2 != target) use_next_block(c, next2);
        return 1;
    }
    if (e->kind == AST_IFEXP) {
        int end = new_block(c), next2 = new_block(c);
        if (end < 0 || next2 < 0) return 0;
        if (!compile_jump_if(c, e->a, next2, 0) || !compile_jump_if(c, e->b, target, cond) ||
            !emit_jump_noline(c, OP_JUMP, end))
            return 0;
        use_next_block(c, next2);
        if (!compile_jump_if(c, e->c, target, cond)) return 0;
        use_next_block(c, end);
        return 1;
    }
    if (e->kind == AST_COMPARE) {
        /* CPython sets the location to the comparison here and leaves it set. */
        c->u->loc = e->span;
        int n = e->list.len - 1;
        if (n > 0) {
            int cleanup = new_block(c);
            if (cleanup < 0 || !compile_expr(c, e->a)) return 0;
            for (int i = 0; i < n; i++)
                if (!compile_expr(c, e->list.items[i]) || !emit(c, OP_SWAP, 2) || !emit(c, OP_COPY, 2) ||
                    !compile_compare_op(c, e->cmpops[i]) || !emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup))
                    return 0;
            if (!compile_expr(c, e->list.items[n]) || !compile_compare_op(c, e->cmpops[n]) ||
                !emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target))
                return 0;
            int end = new_block(c);
            if (end < 0 || !emit_jump_noline(c, OP_JUMP, end)) return 0;
            use_next_block(c, cleanup);
            if (!emit(c, OP_POP_TOP, 0)) return 0;
            if (!cond && !emit_jump_noline(c, OP_JUMP, target)) return 0;
            use_next_block(c, end);
            return 1;
        }
    }
    return compile_expr(c, e) && emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
}

/* ---- statements ---- */

static int compile_body(Compiler *c, NodeList *body) {
    for (int i = 0; i < body->len; i++)
        if (!compile_stmt(c, body->items[i])) return 0;
    return 1;
}

static int is_docstring(Node *s) {
    return s->kind == AST_EXPR_STMT && s->a->kind == AST_CONSTANT && s->a->ctype == CONST_STR;
}

static int compile_function(Compiler *c, Node *s) {
    if (!unit_enter(c, SCOPE_FUNCTION, s->str, s->str_len, s->span.line)) return 0;
    Unit *u = c->u;
    u->argcount = s->list.len;
    for (int i = 0; i < s->list.len; i++)
        if (add_varname(c, s->list.items[i]->str, s->list.items[i]->str_len) < 0) return 0;
    if (!scan_globals(c, &s->list2) || !scan_locals(c, &s->list2)) return 0;
    NodeList body = s->list2;
    Value doc = VALUE_NONE;
    if (body.len && is_docstring(body.items[0])) {
        doc = const_value(c, body.items[0]->a);
        body.items++;
        body.len--;
    }
    if (doc == VALUE_ERROR || add_const(c, doc) < 0 || !compile_body(c, &body)) return 0;
    Code *code = unit_finish(c);
    if (!code) return 0;
    Node name = {.kind = AST_NAME, .span = s->span, .str = s->str, .str_len = s->str_len};
    return load_const(c, value_from_ptr(code)) && emit(c, OP_MAKE_FUNCTION, 0) && compile_name(c, &name, 1);
}

static Loop *innermost_loop(Compiler *c) { return c->u->nloops ? &c->u->loops[c->u->nloops - 1] : NULL; }

static int push_loop(Compiler *c, LoopKind kind, int start, int exit, Span at) {
    if (c->u->nloops == 64) return compile_error(c, at, "SyntaxError", "too many statically nested blocks");
    c->u->loops[c->u->nloops++] = (Loop){kind, start, exit};
    return 1;
}

static int compile_return(Compiler *c, Node *s) {
    Unit *u = c->u;
    if (u->kind == SCOPE_MODULE) return compile_error(c, s->span, "SyntaxError", "'return' outside function");
    Node *v = s->a;
    int preserve_tos = v && v->kind != AST_CONSTANT;
    if (preserve_tos) {
        if (!compile_expr(c, v)) return 0;
    } else if (v) {
        u->loc = v->span;
        if (!emit(c, OP_NOP, 0)) return 0;
    }
    if (!v || v->span.line != s->span.line) {
        u->loc = s->span;
        if (!emit(c, OP_NOP, 0)) return 0;
    }
    /* Leaving for loops pops their iterators. */
    for (int i = u->nloops - 1; i >= 0; i--) {
        if (u->loops[i].kind != LOOP_FOR) continue;
        if (preserve_tos && !emit(c, OP_SWAP, 2)) return 0;
        if (!emit(c, OP_POP_TOP, 0)) return 0;
    }
    if (!v) {
        if (!load_const(c, VALUE_NONE)) return 0;
    } else if (!preserve_tos) {
        if (!load_const(c, const_value(c, v))) return 0;
    }
    return emit(c, OP_RETURN_VALUE, 0);
}

static int compile_stmt(Compiler *c, Node *s) {
    Unit *u = c->u;
    u->loc = s->span;
    switch (s->kind) {
    case AST_FUNCTIONDEF: return compile_function(c, s);
    case AST_RETURN: return compile_return(c, s);
    case AST_ASSIGN: {
        if (!compile_expr(c, s->a)) return 0;
        for (int i = 0; i < s->list.len; i++) {
            if (i < s->list.len - 1 && !emit(c, OP_COPY, 1)) return 0;
            if (!compile_expr(c, s->list.items[i])) return 0;
        }
        return 1;
    }
    case AST_AUGASSIGN: {
        Node *t = s->a;
        u->loc = t->span;
        if (t->kind == AST_NAME) {
            if (!compile_name(c, t, 0)) return 0;
        } else {
            if (!compile_expr(c, t->a) || !compile_expr(c, t->b) || !emit(c, OP_COPY, 2) || !emit(c, OP_COPY, 2) ||
                !emit(c, OP_BINARY_SUBSCR, 0))
                return 0;
        }
        u->loc = s->span;
        if (!compile_expr(c, s->b) || !emit(c, OP_BINARY_OP, s->op)) return 0;
        u->loc = t->span;
        if (t->kind == AST_NAME) return compile_name(c, t, 1);
        return emit(c, OP_SWAP, 3) && emit(c, OP_SWAP, 2) && emit(c, OP_STORE_SUBSCR, 0);
    }
    case AST_IF: {
        int end = new_block(c);
        if (end < 0) return 0;
        int next = end;
        if (s->list2.len) {
            next = new_block(c);
            if (next < 0) return 0;
        }
        if (!compile_jump_if(c, s->a, next, 0) || !compile_body(c, &s->list)) return 0;
        if (s->list2.len) {
            if (!emit_jump_noline(c, OP_JUMP, end)) return 0;
            use_next_block(c, next);
            if (!compile_body(c, &s->list2)) return 0;
        }
        use_next_block(c, end);
        return 1;
    }
    case AST_WHILE: {
        int loop = new_block(c), body = new_block(c), anchor = new_block(c), end = new_block(c);
        if (loop < 0 || body < 0 || anchor < 0 || end < 0) return 0;
        use_next_block(c, loop);
        if (!push_loop(c, LOOP_WHILE, loop, end, s->span) || !compile_jump_if(c, s->a, anchor, 0)) return 0;
        use_next_block(c, body);
        if (!compile_body(c, &s->list)) return 0;
        u->loc = s->span;
        if (!compile_jump_if(c, s->a, body, 1)) return 0;
        u->nloops--;
        use_next_block(c, anchor);
        if (!compile_body(c, &s->list2)) return 0;
        use_next_block(c, end);
        return 1;
    }
    case AST_FOR: {
        int start = new_block(c), body = new_block(c), cleanup = new_block(c), end = new_block(c);
        if (start < 0 || body < 0 || cleanup < 0 || end < 0) return 0;
        if (!push_loop(c, LOOP_FOR, start, end, s->span)) return 0;
        if (!compile_expr(c, s->b) || !emit(c, OP_GET_ITER, 0)) return 0;
        use_next_block(c, start);
        if (!emit_jump(c, OP_FOR_ITER, cleanup)) return 0;
        use_next_block(c, body);
        if (!compile_expr(c, s->a) || !compile_body(c, &s->list)) return 0;
        /* The back edge is artificial: it takes its location from what precedes it. */
        u->loc = LOC_NONE;
        if (!emit_jump(c, OP_JUMP, start)) return 0;
        use_next_block(c, cleanup);
        u->nloops--;
        if (!compile_body(c, &s->list2)) return 0;
        use_next_block(c, end);
        return 1;
    }
    case AST_BREAK: {
        Loop *l = innermost_loop(c);
        if (!l) return compile_error(c, s->span, "SyntaxError", "'break' outside loop");
        if (l->kind == LOOP_FOR && !emit(c, OP_POP_TOP, 0)) return 0;
        return emit_jump(c, OP_JUMP, l->exit);
    }
    case AST_CONTINUE: {
        Loop *l = innermost_loop(c);
        if (!l) return compile_error(c, s->span, "SyntaxError", "'continue' not properly in loop");
        return emit_jump(c, OP_JUMP, l->start);
    }
    case AST_PASS: return emit(c, OP_NOP, 0);
    case AST_GLOBAL: return 1;
    case AST_EXPR_STMT:
        if (s->a->kind == AST_CONSTANT) return emit(c, OP_NOP, 0);
        return compile_expr(c, s->a) && emit(c, OP_POP_TOP, 0);
    default: return compile_error(c, s->span, "SyntaxError", "this statement is not supported by Anole yet");
    }
}

/* ---- units (one per code object) ---- */

static int unit_enter(Compiler *c, ScopeKind kind, const char *name, size_t name_len, int firstlineno) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) return nomem(c);
    u->parent = c->u;
    u->kind = kind;
    u->name = name;
    u->name_len = name_len;
    u->firstlineno = firstlineno;
    u->loc = LOC_NONE;
    if (u->parent && u->parent->kind != SCOPE_MODULE)
    {
        /* Qualified names longer than the buffer are cut; they only label code objects. */
        int n = snprintf(u->qualname, sizeof u->qualname, "%.200s.<locals>.", u->parent->qualname);
        snprintf(u->qualname + n, sizeof u->qualname - (size_t)n, "%.*s", (int)name_len, name);
    }
    else snprintf(u->qualname, sizeof u->qualname, "%.*s", (int)name_len, name);
    c->u = u;
    int b = new_block(c);
    if (b < 0) return 0;
    u->g.entry = u->cur = u->last = b;
    Span resume = kind == SCOPE_MODULE ? LOC_NONE : (Span){firstlineno, 0, firstlineno, 0};
    return emit_full(c, OP_RESUME, 0, resume, -1);
}

static void unit_free(Unit *u) {
    cfg_free(&u->g);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    free(u->globals);
    free(u);
}

/* Finishes the current unit into a code object and returns to the enclosing unit. */
static Code *unit_finish(Compiler *c) {
    Unit *u = c->u;
    VM *vm = c->vm;
    Code *code = NULL;
    if (c->failed) goto done;
    /* Every path that falls off the end returns None; the location comes from what precedes. */
    Block *cur = &u->g.blocks[u->cur];
    if (!(cur->len && cur->instrs[cur->len - 1].op == OP_RETURN_VALUE)) {
        u->loc = LOC_NONE;
        if (!load_const(c, VALUE_NONE) || !emit(c, OP_RETURN_VALUE, 0)) goto done;
    }
    code = gc_alloc(vm, sizeof(Code), OBJ_CODE);
    if (!code) {
        nomem(c);
        goto done;
    }
    code->name = str_intern(vm, u->name, u->name_len);
    code->qualname = str_intern(vm, u->qualname, strlen(u->qualname));
    code->filename = c->filename;
    code->firstlineno = u->firstlineno;
    code->is_module = u->kind == SCOPE_MODULE;
    code->nargs = (uint32_t)u->argcount;
    code->nlocals = (uint32_t)u->nvarnames;
    code->nconsts = (uint32_t)u->nconsts;
    code->nnames = (uint32_t)u->nnames;
    code->warmup = -8;
    code->consts = u->consts;
    u->consts = NULL;
    code->names = u->names;
    u->names = NULL;
    code->varnames = u->varnames;
    u->varnames = NULL;
    if (!code->name || !code->qualname || !flowgraph_assemble(&u->g, code->consts, (int)code->nconsts, code)) {
        nomem(c);
        code = NULL;
    }
done:
    c->u = u->parent;
    unit_free(u);
    return code;
}

Code *compile_module(VM *vm, Node *module, const char *filename, SyntaxErrorInfo *err) {
    Compiler c = {.vm = vm, .err = err};
    c.filename = str_intern(vm, filename, strlen(filename));
    if (!c.filename) {
        nomem(&c);
        return NULL;
    }
    if (!unit_enter(&c, SCOPE_MODULE, "<module>", 8, 1)) return NULL;
    NodeList body = module->list;
    if (body.len && is_docstring(body.items[0])) {
        Node *s = body.items[0];
        c.u->loc = s->span;
        Node docname = {.kind = AST_NAME, .span = s->span, .str = "__doc__", .str_len = 7};
        if (!load_const(&c, const_value(&c, s->a)) || !compile_name(&c, &docname, 1)) goto fail;
        body.items++;
        body.len--;
    }
    if (!compile_body(&c, &body)) goto fail;
    return unit_finish(&c);
fail:
    while (c.u) {
        Unit *p = c.u->parent;
        unit_free(c.u);
        c.u = p;
    }
    return NULL;
}
