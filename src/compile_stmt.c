/* The compiler, part two: statements, including the exception-handling shapes of CPython 3.11
 * (try/except/finally, with), classes and imports. Handlers are recorded per instruction (the
 * active Handler when it was emitted) and turned into the exception table by the assembler. */
#include <stdio.h>
#include <string.h>

#include "compile_internal.h"

int cc_body(Compiler *c, NodeList *body) {
    for (int i = 0; i < body->len; i++)
        if (!cc_stmt(c, body->items[i])) return 0;
    return 1;
}

/* How many values each kind of enclosing construct keeps on the stack. */
static int fblock_stack_items(FBlockKind kind) {
    switch (kind) {
    case FB_FOR: case FB_WITH: case FB_HANDLER_CLEANUP: case FB_POP_VALUE: return 1;
    case FB_FINALLY_END: return 2;
    default: return 0;
    }
}

int cc_push_fblock(Compiler *c, FBlockKind kind, int block, int exit, Node *datum, int hbase, Span at) {
    Unit *u = c->u;
    if (u->nfblocks == 64) return cc_error(c, at, "SyntaxError", "too many statically nested blocks");
    u->fblocks[u->nfblocks++] = (FBlock){kind, block, exit, datum, hbase};
    u->depth += fblock_stack_items(kind);
    return 1;
}

void cc_pop_fblock(Compiler *c) {
    Unit *u = c->u;
    u->nfblocks--;
    u->depth -= fblock_stack_items(u->fblocks[u->nfblocks].kind);
}

static int compile_call_exit_with_none(Compiler *c) {
    return cc_load_const(c, VALUE_NONE) && cc_load_const(c, VALUE_NONE) && cc_load_const(c, VALUE_NONE) &&
           cc_emit(c, OP_PRECALL, 2) && cc_emit(c, OP_CALL, 2) && cc_emit(c, OP_POP_TOP, 0);
}

static int compile_handler_name_cleanup(Compiler *c, Node *h) {
    if (!h || !h->str) return 1;
    return cc_load_const(c, VALUE_NONE) && cc_name(c, h->str, h->str_len, 1, h->span) &&
           cc_name(c, h->str, h->str_len, 2, h->span);
}

/* Leaves one enclosing construct on the way out of a break, continue or return. preserve_tos:
 * a return value sits on top of the stack and must survive. */
static int unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos) {
    switch (fb->kind) {
    case FB_WHILE: case FB_TRY_EXCEPT: return 1;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve_tos && !cc_emit(c, OP_SWAP, 2)) return 0;
        return cc_emit(c, OP_POP_TOP, 0);
    case FB_FINALLY_TRY: {
        /* Run the finally body here, with the return value (if any) kept below it. */
        int ok = 1;
        if (preserve_tos) ok = cc_push_fblock(c, FB_POP_VALUE, -1, -1, NULL, c->u->nhandlers, c->u->loc);
        ok = ok && cc_body(c, &fb->datum->list4);
        if (preserve_tos && ok) cc_pop_fblock(c);
        /* As 3.11: what follows the finally body (the jump or return that unwound) has no line
         * of its own, so it seems to run after the statement that caused the unwinding. */
        c->u->loc = LOC_NONE;
        return ok;
    }
    case FB_FINALLY_END:
        if (preserve_tos && !cc_emit(c, OP_SWAP, 2)) return 0;
        if (!cc_emit(c, OP_POP_TOP, 0)) return 0;
        if (preserve_tos && !cc_emit(c, OP_SWAP, 2)) return 0;
        return cc_emit(c, OP_POP_EXCEPT, 0);
    case FB_WITH:
        /* The __exit__ call carries the with statement's location, and what follows none, as in
         * 3.11's compiler_unwind_fblock. */
        c->u->loc = fb->datum->span;
        if ((preserve_tos && !cc_emit(c, OP_SWAP, 2)) || !compile_call_exit_with_none(c)) return 0;
        c->u->loc = LOC_NONE;
        return 1;
    case FB_HANDLER_CLEANUP:
        if (preserve_tos && !cc_emit(c, OP_SWAP, 2)) return 0;
        return cc_emit(c, OP_POP_EXCEPT, 0) && compile_handler_name_cleanup(c, fb->datum);
    }
    return 1;
}

/* Unwinds the enclosing constructs up to the innermost loop (loop_only, for break and continue)
 * or all of them (for return). The compiler's bookkeeping is restored afterwards: the code that
 * follows the jump is still, statically, inside those constructs. */
static int unwind_fblocks(Compiler *c, int loop_only, int preserve_tos, FBlock *loop) {
    Unit *u = c->u;
    int saved_n = u->nfblocks, saved_h = u->nhandlers, saved_depth = u->depth;
    FBlock saved[64];
    memcpy(saved, u->fblocks, sizeof saved);
    int ok = 1, found = 0;
    while (ok && u->nfblocks) {
        FBlock fb = u->fblocks[u->nfblocks - 1];
        if (loop_only && (fb.kind == FB_WHILE || fb.kind == FB_FOR)) {
            *loop = fb;
            found = 1;
            break;
        }
        cc_pop_fblock(c);
        u->nhandlers = fb.hbase;
        ok = unwind_fblock(c, &fb, preserve_tos);
    }
    memcpy(u->fblocks, saved, sizeof saved);
    u->nfblocks = saved_n;
    u->nhandlers = saved_h;
    u->depth = saved_depth;
    if (loop_only && !found) return ok ? -1 : 0;
    return ok;
}

static int compile_return(Compiler *c, Node *s) {
    Unit *u = c->u;
    if (u->scope->kind != SCOPE_FUNCTION) return cc_error(c, s->span, "SyntaxError", "'return' outside function");
    Node *v = s->a;
    int preserve_tos = v && v->kind != AST_CONSTANT;
    if (preserve_tos) {
        if (!cc_expr(c, v)) return 0;
    } else if (v) {
        u->loc = v->span;
        if (!cc_emit(c, OP_NOP, 0)) return 0;
    }
    if (!v || v->span.line != s->span.line) {
        u->loc = s->span;
        if (!cc_emit(c, OP_NOP, 0)) return 0;
    }
    if (!unwind_fblocks(c, 0, preserve_tos, NULL)) return 0;
    /* The jump and the return after unwinding are outside every handler being left. */
    if (!v) {
        if (!cc_load_const(c, VALUE_NONE)) return 0;
    } else if (!preserve_tos) {
        if (!cc_load_const(c, cc_const_value(c, v))) return 0;
    }
    return cc_emit(c, OP_RETURN_VALUE, 0);
}

static int compile_try_except(Compiler *c, Node *s) {
    Unit *u = c->u;
    int body = cc_new_block(c), except = cc_new_block(c), end = cc_new_block(c), cleanup = cc_new_block(c);
    int orelse = cc_new_block(c);
    if (body < 0 || except < 0 || end < 0 || cleanup < 0 || orelse < 0) return 0;
    int depth = u->depth;
    if (!cc_emit(c, OP_NOP, 0)) return 0;
    cc_use_next_block(c, body);
    int hbase = u->nhandlers;
    if (!cc_push_handler(c, except, depth, 0) || !cc_push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL, hbase, s->span)) return 0;
    if (!cc_body(c, &s->list)) return 0;
    cc_pop_fblock(c);
    cc_pop_handler(c);
    if (!cc_emit_jump_noline(c, OP_JUMP, orelse)) return 0;
    cc_use_next_block(c, except);
    /* The handler runs with [prev_exc, exc] on the stack; raising in it goes to cleanup. */
    if (!cc_push_handler(c, cleanup, depth + 1, 1)) return 0;
    u->loc = LOC_NONE;
    if (!cc_emit(c, OP_PUSH_EXC_INFO, 0)) return 0;
    for (int i = 0; i < s->list2.len; i++) {
        Node *h = s->list2.items[i];
        u->loc = h->span;
        if (!h->a && i < s->list2.len - 1) return cc_error(c, h->span, "SyntaxError", "default 'except:' must be last");
        int next = cc_new_block(c);
        if (next < 0) return 0;
        if (h->a) {
            if (!cc_expr(c, h->a) || !cc_emit(c, OP_CHECK_EXC_MATCH, 0) || !cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, next))
                return 0;
        }
        if (h->str) {
            int name_cleanup = cc_new_block(c);
            if (name_cleanup < 0 || !cc_name(c, h->str, h->str_len, 1, h->span)) return 0;
            if (!cc_push_handler(c, name_cleanup, depth + 1, 1)) return 0;
            if (!cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h, hbase, h->span) || !cc_body(c, &h->list)) return 0;
            cc_pop_fblock(c);
            /* As 3.11's two POP_BLOCKs: the normal exit runs outside both the name's cleanup
             * and the handlers' cleanup; the next handler is inside the latter again. */
            cc_pop_handler(c);
            cc_pop_handler(c);
            u->loc = LOC_NONE;
            if (!cc_emit(c, OP_POP_EXCEPT, 0) || !compile_handler_name_cleanup(c, h) || !cc_emit_jump(c, OP_JUMP, end))
                return 0;
            if (!cc_push_handler(c, cleanup, depth + 1, 1)) return 0;
            cc_use_next_block(c, name_cleanup);
            if (!compile_handler_name_cleanup(c, h) || !cc_emit(c, OP_RERAISE, 1)) return 0;
        } else {
            if (!cc_emit(c, OP_POP_TOP, 0)) return 0;
            if (!cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL, hbase, h->span) || !cc_body(c, &h->list)) return 0;
            cc_pop_fblock(c);
            cc_pop_handler(c);
            u->loc = LOC_NONE;
            if (!cc_emit(c, OP_POP_EXCEPT, 0) || !cc_emit_jump(c, OP_JUMP, end)) return 0;
            if (!cc_push_handler(c, cleanup, depth + 1, 1)) return 0;
        }
        cc_use_next_block(c, next);
    }
    /* No handler matched: re-raise, keeping the original traceback position. */
    u->loc = LOC_NONE;
    if (!cc_emit(c, OP_RERAISE, 0)) return 0;
    cc_pop_handler(c);
    cc_use_next_block(c, cleanup);
    if (!cc_emit(c, OP_COPY, 3) || !cc_emit(c, OP_POP_EXCEPT, 0) || !cc_emit(c, OP_RERAISE, 1)) return 0;
    cc_use_next_block(c, orelse);
    if (!cc_body(c, &s->list3)) return 0;
    cc_use_next_block(c, end);
    return 1;
}

static int compile_try_finally(Compiler *c, Node *s) {
    Unit *u = c->u;
    int body = cc_new_block(c), end = cc_new_block(c), final = cc_new_block(c), cleanup = cc_new_block(c);
    if (body < 0 || end < 0 || final < 0 || cleanup < 0) return 0;
    int depth = u->depth;
    if (!cc_emit(c, OP_NOP, 0)) return 0;
    cc_use_next_block(c, body);
    int hbase = u->nhandlers;
    if (!cc_push_handler(c, final, depth, 0) || !cc_push_fblock(c, FB_FINALLY_TRY, body, end, s, hbase, s->span)) return 0;
    if (s->list2.len) {
        if (!compile_try_except(c, s)) return 0;
    } else if (!cc_body(c, &s->list)) {
        return 0;
    }
    cc_pop_fblock(c);
    cc_pop_handler(c);
    /* The normal path runs the finally body inline. */
    if (!cc_body(c, &s->list4) || !cc_emit_jump_noline(c, OP_JUMP, end)) return 0;
    cc_use_next_block(c, final);
    if (!cc_push_handler(c, cleanup, depth + 1, 1)) return 0;
    u->loc = LOC_NONE;
    if (!cc_emit(c, OP_PUSH_EXC_INFO, 0)) return 0;
    if (!cc_push_fblock(c, FB_FINALLY_END, -1, -1, NULL, hbase, s->span) || !cc_body(c, &s->list4)) return 0;
    cc_pop_fblock(c);
    u->loc = LOC_NONE;
    if (!cc_emit(c, OP_RERAISE, 0)) return 0;
    cc_pop_handler(c);
    cc_use_next_block(c, cleanup);
    if (!cc_emit(c, OP_COPY, 3) || !cc_emit(c, OP_POP_EXCEPT, 0) || !cc_emit(c, OP_RERAISE, 1)) return 0;
    cc_use_next_block(c, end);
    return 1;
}

static int compile_with(Compiler *c, Node *s, int item) {
    Unit *u = c->u;
    Node *it = s->list.items[item];
    int body = cc_new_block(c), final = cc_new_block(c), exit = cc_new_block(c), cleanup = cc_new_block(c);
    int suppress = cc_new_block(c);
    if (body < 0 || final < 0 || exit < 0 || cleanup < 0 || suppress < 0) return 0;
    if (!cc_expr(c, it->a)) return 0;
    u->loc = s->span;
    if (!cc_emit(c, OP_BEFORE_WITH, 0)) return 0;
    int depth = u->depth + 1;
    cc_use_next_block(c, body);
    int hbase = u->nhandlers;
    if (!cc_push_handler(c, final, depth, 1) || !cc_push_fblock(c, FB_WITH, body, -1, s, hbase, s->span)) return 0;
    if (it->b) {
        if (!cc_store_target(c, it->b)) return 0;
    } else if (!cc_emit(c, OP_POP_TOP, 0)) {
        return 0;
    }
    if (item + 1 < s->list.len) {
        if (!compile_with(c, s, item + 1)) return 0;
    } else if (!cc_body(c, &s->list2)) {
        return 0;
    }
    cc_pop_fblock(c);
    cc_pop_handler(c);
    u->loc = s->span;
    if (!compile_call_exit_with_none(c) || !cc_emit_jump(c, OP_JUMP, exit)) return 0;
    cc_use_next_block(c, final);
    if (!cc_push_handler(c, cleanup, depth + 2, 1)) return 0;
    u->loc = LOC_NONE;
    if (!cc_emit(c, OP_PUSH_EXC_INFO, 0) || !cc_emit(c, OP_WITH_EXCEPT_START, 0) ||
        !cc_emit_jump(c, OP_POP_JUMP_IF_TRUE, suppress) || !cc_emit(c, OP_RERAISE, 2))
        return 0;
    /* As 3.11's compiler_with_except_finish lays it out: the cleanup right after the re-raise, then
     * the suppressing exit, whose first POP_TOP the handler still covers (POP_BLOCK comes after
     * it there), falling through to what follows the with. */
    cc_pop_handler(c);
    cc_use_next_block(c, cleanup);
    if (!cc_emit(c, OP_COPY, 3) || !cc_emit(c, OP_POP_EXCEPT, 0) || !cc_emit(c, OP_RERAISE, 1)) return 0;
    cc_use_next_block(c, suppress);
    if (!cc_push_handler(c, cleanup, depth + 2, 1) || !cc_emit(c, OP_POP_TOP, 0)) return 0;
    cc_pop_handler(c);
    if (!cc_emit(c, OP_POP_EXCEPT, 0) || !cc_emit(c, OP_POP_TOP, 0) || !cc_emit(c, OP_POP_TOP, 0)) return 0;
    cc_use_next_block(c, exit);
    return 1;
}

static int compile_decorated(Compiler *c, Node *s, int (*make)(Compiler *, Node *)) {
    for (int i = 0; i < s->list3.len; i++)
        if (!cc_expr(c, s->list3.items[i])) return 0;
    if (!make(c, s)) return 0;
    /* Each decorator's call carries the decorator's location. */
    for (int i = s->list3.len - 1; i >= 0; i--) {
        c->u->loc = s->list3.items[i]->span;
        if (!cc_emit(c, OP_PRECALL, 0) || !cc_emit(c, OP_CALL, 0)) return 0;
    }
    c->u->loc = s->span;
    return cc_name(c, s->str, s->str_len, 1, s->span);
}

static int compile_class_body(Compiler *c, Node *s) {
    Unit *u = c->u;
    if (!cc_emit(c, OP_PUSH_NULL, 0) || !cc_emit(c, OP_LOAD_BUILD_CLASS, 0)) return 0;
    int firstlineno = s->list3.len ? s->list3.items[0]->span.line : s->span.line;
    if (!cc_unit_enter(c, s, SCOPE_CLASS, s->str, s->str_len, firstlineno)) return 0;
    Unit *cu = c->u;
    /* The class body's prelude sits, zero-width, on the class's first line. */
    cu->loc = (Span){cu->firstlineno, 0, cu->firstlineno, 0};
    Value qual = cc_str_const(c, cu->qualname, strlen(cu->qualname));
    if (!cc_name(c, "__name__", 8, 0, s->span) || !cc_name(c, "__module__", 10, 1, s->span) ||
        !cc_load_const(c, qual) || !cc_name(c, "__qualname__", 12, 1, s->span))
        return 0;
    NodeList body = s->list2;
    if (body.len && body.items[0]->kind == AST_EXPR_STMT && body.items[0]->a->kind == AST_CONSTANT &&
        body.items[0]->a->ctype == CONST_STR) {
        cu->loc = body.items[0]->span;
        if (!cc_load_const(c, cc_const_value(c, body.items[0]->a)) || !cc_name(c, "__doc__", 7, 1, s->span)) return 0;
        body.items++;
        body.len--;
    }
    if (!cc_setup_annotations_if_needed(c, &body) || !cc_body(c, &body)) return 0;
    Code *code = cc_unit_finish(c);
    if (!code) return 0;
    u->loc = s->span;
    if (!cc_make_closure(c, code, 0)) return 0;
    Value name = cc_str_const(c, s->str, s->str_len);
    if (!cc_load_const(c, name)) return 0;
    return cc_call_helper(c, 2, &s->list, &s->list4, s->span);
}

static int compile_import(Compiler *c, Node *s) {
    for (int i = 0; i < s->list.len; i++) {
        Node *a = s->list.items[i];
        int name = cc_add_name(c, a->str, a->str_len);
        if (name < 0 || !cc_load_const(c, value_from_int(0)) || !cc_load_const(c, VALUE_NONE) ||
            !cc_emit(c, OP_IMPORT_NAME, name))
            return 0;
        if (a->str2) {
            /* import a.b as c: walk to the submodule. */
            size_t start = 0;
            for (size_t k = 0; k <= a->str_len; k++) {
                if (k < a->str_len && a->str[k] != '.') continue;
                if (start > 0) {
                    int sub = cc_add_name(c, a->str + start, k - start);
                    if (sub < 0 || !cc_emit(c, OP_IMPORT_FROM, sub) || !cc_emit(c, OP_SWAP, 2) || !cc_emit(c, OP_POP_TOP, 0))
                        return 0;
                }
                start = k + 1;
            }
            if (!cc_name(c, a->str2, a->str2_len, 1, a->span)) return 0;
        } else {
            size_t n = 0;
            while (n < a->str_len && a->str[n] != '.') n++;
            if (!cc_name(c, a->str, n, 1, a->span)) return 0;
        }
    }
    return 1;
}

static int compile_import_from(Compiler *c, Node *s) {
    if (s->op) return cc_error(c, s->span, "ImportError", "attempted relative import with no known parent package");
    Tuple *names = tuple_new(c->vm, (uint32_t)s->list.len);
    if (!names) return cc_nomem(c);
    for (int i = 0; i < s->list.len; i++) {
        Value v = cc_str_const(c, s->list.items[i]->str, s->list.items[i]->str_len);
        if (v == VALUE_ERROR) return 0;
        names->items[i] = v;
    }
    int mod = cc_add_name(c, s->str, s->str_len);
    if (mod < 0 || !cc_load_const(c, value_from_int(0)) || !cc_load_const(c, value_from_ptr(names)) ||
        !cc_emit(c, OP_IMPORT_NAME, mod))
        return 0;
    if (s->list.len == 1 && s->list.items[0]->str[0] == '*') return cc_emit(c, OP_IMPORT_STAR, 0);
    for (int i = 0; i < s->list.len; i++) {
        Node *a = s->list.items[i];
        int n = cc_add_name(c, a->str, a->str_len);
        if (n < 0 || !cc_emit(c, OP_IMPORT_FROM, n)) return 0;
        if (!cc_name(c, a->str2 ? a->str2 : a->str, a->str2 ? a->str2_len : a->str_len, 1, a->span)) return 0;
    }
    return cc_emit(c, OP_POP_TOP, 0);
}

static int compile_delete(Compiler *c, Node *t) {
    Span saved = c->u->loc;
    c->u->loc = t->span;
    int ok = 1;
    switch (t->kind) {
    case AST_NAME: ok = cc_name(c, t->str, t->str_len, 2, t->span); break;
    case AST_ATTRIBUTE: {
        int i = cc_add_name(c, t->str, t->str_len);
        ok = cc_expr(c, t->a) && i >= 0 && cc_emit(c, OP_DELETE_ATTR, i);
        break;
    }
    case AST_SUBSCRIPT:
        ok = cc_expr(c, t->a) && cc_expr(c, t->b) && cc_emit(c, OP_DELETE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; ok && i < t->list.len; i++) ok = compile_delete(c, t->list.items[i]);
        break;
    default: ok = cc_error(c, t->span, "SyntaxError", "cannot delete expression");
    }
    c->u->loc = saved;
    return ok;
}

static int compile_annassign(Compiler *c, Node *s) {
    Unit *u = c->u;
    if (s->c) {
        if (!cc_expr(c, s->c) || !cc_store_target(c, s->a)) return 0;
    }
    /* Module and class bodies record simple names' annotations in __annotations__. */
    if (u->scope->kind != SCOPE_FUNCTION && s->flag) {
        u->loc = s->span;
        Value key = cc_str_const(c, s->a->str, s->a->str_len);
        return cc_expr(c, s->b) && cc_name(c, "__annotations__", 15, 0, s->span) && cc_load_const(c, key) &&
               cc_emit(c, OP_STORE_SUBSCR, 0);
    }
    return 1;
}

static int has_annotations(NodeList *body) {
    for (int i = 0; i < body->len; i++) {
        Node *s = body->items[i];
        if (s->kind == AST_ANNASSIGN && s->flag) return 1;
        if ((s->kind == AST_IF || s->kind == AST_WHILE || s->kind == AST_FOR) &&
            (has_annotations(&s->list) || has_annotations(&s->list2)))
            return 1;
    }
    return 0;
}

int cc_stmt(Compiler *c, Node *s) {
    Unit *u = c->u;
    u->loc = s->span;
    switch (s->kind) {
    case AST_FUNCTIONDEF: return compile_decorated(c, s, cc_function);
    case AST_CLASSDEF: return compile_decorated(c, s, compile_class_body);
    case AST_RETURN: return compile_return(c, s);
    case AST_ASSIGN: {
        if (!cc_expr(c, s->a)) return 0;
        for (int i = 0; i < s->list.len; i++) {
            if (i < s->list.len - 1 && !cc_emit(c, OP_COPY, 1)) return 0;
            if (!cc_store_target(c, s->list.items[i])) return 0;
        }
        return 1;
    }
    case AST_AUGASSIGN: {
        Node *t = s->a;
        u->loc = t->span;
        int attr = -1;
        if (t->kind == AST_NAME) {
            if (!cc_name(c, t->str, t->str_len, 0, t->span)) return 0;
        } else if (t->kind == AST_ATTRIBUTE) {
            attr = cc_add_name(c, t->str, t->str_len);
            if (attr < 0 || !cc_expr(c, t->a) || !cc_emit(c, OP_COPY, 1) || !cc_emit(c, OP_LOAD_ATTR, attr)) return 0;
        } else {
            if (!cc_expr(c, t->a) || !cc_expr(c, t->b) || !cc_emit(c, OP_COPY, 2) || !cc_emit(c, OP_COPY, 2) ||
                !cc_emit(c, OP_BINARY_SUBSCR, 0))
                return 0;
        }
        u->loc = s->span;
        if (!cc_expr(c, s->b) || !cc_emit(c, OP_BINARY_OP, s->op)) return 0;
        u->loc = t->span;
        if (t->kind == AST_NAME) return cc_name(c, t->str, t->str_len, 1, t->span);
        if (t->kind == AST_ATTRIBUTE) return cc_emit(c, OP_SWAP, 2) && cc_emit(c, OP_STORE_ATTR, attr);
        return cc_emit(c, OP_SWAP, 3) && cc_emit(c, OP_SWAP, 2) && cc_emit(c, OP_STORE_SUBSCR, 0);
    }
    case AST_ANNASSIGN: return compile_annassign(c, s);
    case AST_IF: {
        int end = cc_new_block(c);
        if (end < 0) return 0;
        int next = end;
        if (s->list2.len) {
            next = cc_new_block(c);
            if (next < 0) return 0;
        }
        if (!cc_jump_if(c, s->a, next, 0) || !cc_body(c, &s->list)) return 0;
        if (s->list2.len) {
            if (!cc_emit_jump_noline(c, OP_JUMP, end)) return 0;
            cc_use_next_block(c, next);
            if (!cc_body(c, &s->list2)) return 0;
        }
        cc_use_next_block(c, end);
        return 1;
    }
    case AST_WHILE: {
        int loop = cc_new_block(c), body = cc_new_block(c), anchor = cc_new_block(c), end = cc_new_block(c);
        if (loop < 0 || body < 0 || anchor < 0 || end < 0) return 0;
        cc_use_next_block(c, loop);
        if (!cc_push_fblock(c, FB_WHILE, loop, end, NULL, u->nhandlers, s->span) || !cc_jump_if(c, s->a, anchor, 0)) return 0;
        cc_use_next_block(c, body);
        if (!cc_body(c, &s->list)) return 0;
        u->loc = s->span;
        if (!cc_jump_if(c, s->a, body, 1)) return 0;
        cc_pop_fblock(c);
        cc_use_next_block(c, anchor);
        if (!cc_body(c, &s->list2)) return 0;
        cc_use_next_block(c, end);
        return 1;
    }
    case AST_FOR: {
        int start = cc_new_block(c), body = cc_new_block(c), cleanup = cc_new_block(c), end = cc_new_block(c);
        if (start < 0 || body < 0 || cleanup < 0 || end < 0) return 0;
        if (!cc_iterable(c, s->b) || !cc_emit(c, OP_GET_ITER, 0)) return 0;
        if (!cc_push_fblock(c, FB_FOR, start, end, NULL, u->nhandlers, s->span)) return 0;
        cc_use_next_block(c, start);
        if (!cc_emit_jump(c, OP_FOR_ITER, cleanup)) return 0;
        cc_use_next_block(c, body);
        if (!cc_store_target(c, s->a) || !cc_body(c, &s->list)) return 0;
        /* The back edge is artificial: it takes its location from what precedes it. */
        u->loc = LOC_NONE;
        if (!cc_emit_jump(c, OP_JUMP, start)) return 0;
        cc_use_next_block(c, cleanup);
        cc_pop_fblock(c);
        if (!cc_body(c, &s->list2)) return 0;
        cc_use_next_block(c, end);
        return 1;
    }
    case AST_BREAK:
    case AST_CONTINUE: {
        FBlock loop;
        int r = unwind_fblocks(c, 1, 0, &loop);
        if (r == 0) return 0;
        if (r < 0)
            return cc_error(c, s->span, "SyntaxError", s->kind == AST_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
        if (s->kind == AST_BREAK) {
            /* Leaving a for loop also pops its iterator. */
            if (loop.kind == FB_FOR && !cc_emit(c, OP_POP_TOP, 0)) return 0;
            return cc_emit_jump(c, OP_JUMP, loop.exit);
        }
        return cc_emit_jump(c, OP_JUMP, loop.block);
    }
    case AST_PASS: return cc_emit(c, OP_NOP, 0);
    case AST_GLOBAL:
    case AST_NONLOCAL: return 1;
    case AST_EXPR_STMT:
        if (s->a->kind == AST_CONSTANT) return cc_emit(c, OP_NOP, 0);
        return cc_expr(c, s->a) && cc_emit(c, OP_POP_TOP, 0);
    case AST_TRY: return s->list4.len ? compile_try_finally(c, s) : compile_try_except(c, s);
    case AST_WITH: return compile_with(c, s, 0);
    case AST_RAISE: {
        int n = 0;
        if (s->a) {
            if (!cc_expr(c, s->a)) return 0;
            n = 1;
            if (s->b) {
                if (!cc_expr(c, s->b)) return 0;
                n = 2;
            }
        }
        return cc_emit(c, OP_RAISE_VARARGS, n);
    }
    case AST_ASSERT: {
        int end = cc_new_block(c);
        if (end < 0 || !cc_jump_if(c, s->a, end, 1) || !cc_emit(c, OP_LOAD_ASSERTION_ERROR, 0)) return 0;
        if (s->b) {
            if (!cc_expr(c, s->b) || !cc_emit(c, OP_PRECALL, 0) || !cc_emit(c, OP_CALL, 0)) return 0;
        }
        if (!cc_emit(c, OP_RAISE_VARARGS, 1)) return 0;
        cc_use_next_block(c, end);
        return 1;
    }
    case AST_DELETE:
        for (int i = 0; i < s->list.len; i++)
            if (!compile_delete(c, s->list.items[i])) return 0;
        return 1;
    case AST_IMPORT: return compile_import(c, s);
    case AST_IMPORTFROM: return compile_import_from(c, s);
    default: return cc_error(c, s->span, "SyntaxError", "this statement is not supported by Anole yet");
    }
}

/* Module and class bodies with annotated names start with SETUP_ANNOTATIONS. */
int cc_setup_annotations_if_needed(Compiler *c, NodeList *body) {
    if (!has_annotations(body)) return 1;
    return cc_emit(c, OP_SETUP_ANNOTATIONS, 0);
}
