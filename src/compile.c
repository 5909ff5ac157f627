/* The compiler, part one: code units, emission, constants and names, expressions, functions and
 * comprehensions. It follows CPython 3.11's compile.c closely where that decides what the learner
 * sees: which instructions an expression becomes and which source span each one carries. The
 * current location works as in CPython: a statement sets it and leaves it set, an expression sets
 * it and restores the previous one afterwards, and a few constructs set it explicitly. Statements
 * are in compile_stmt.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "compile_internal.h"
#include "containers.h"
#include "vm.h"

int cc_error(Compiler *c, Span at, const char *type, const char *msg) {
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

int cc_nomem(Compiler *c) { return cc_error(c, (Span){0, 0, 0, 0}, "MemoryError", "out of memory"); }

/* ---- blocks and emission ---- */

int cc_new_block(Compiler *c) {
    int b = cfg_new_block(&c->u->g);
    if (b < 0) cc_nomem(c);
    return b;
}

void cc_use_next_block(Compiler *c, int b) {
    Unit *u = c->u;
    u->g.blocks[u->last].next = b;
    u->last = b;
    u->cur = b;
}

int cc_emit_full(Compiler *c, int op, int arg, Span loc, int target) {
    Unit *u = c->u;
    Instr ins = {op, arg, loc, target, -1, 0, 0};
    if (u->nhandlers) {
        Handler *h = &u->handlers[u->nhandlers - 1];
        ins.handler = h->block;
        ins.hdepth = h->depth;
        ins.hlasti = h->lasti;
    }
    if (!cfg_append(&u->g, u->cur, ins)) return cc_nomem(c);
    /* A jump or a return ends its basic block; what follows starts a new one. */
    if (opcode_info[op].flags & (OPF_JUMP_FWD | OPF_JUMP_BACK | OPF_PSEUDO | OPF_EXIT)) {
        int b = cc_new_block(c);
        if (b < 0) return 0;
        cc_use_next_block(c, b);
    }
    return 1;
}

int cc_emit(Compiler *c, int op, int arg) { return cc_emit_full(c, op, arg, c->u->loc, -1); }
int cc_emit_jump(Compiler *c, int op, int target) { return cc_emit_full(c, op, 0, c->u->loc, target); }
int cc_emit_jump_noline(Compiler *c, int op, int target) { return cc_emit_full(c, op, 0, LOC_NONE, target); }

int cc_push_handler(Compiler *c, int block, int depth, int lasti) {
    Unit *u = c->u;
    if (u->nhandlers == 64) return cc_error(c, u->loc, "SyntaxError", "too many statically nested blocks");
    u->handlers[u->nhandlers++] = (Handler){block, depth, lasti};
    return 1;
}

void cc_pop_handler(Compiler *c) { c->u->nhandlers--; }

/* ---- constants and names ---- */

int compile_const_same(Value a, Value b) {
    if (a == b) return 1;
    if (value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR)) return str_equal(value_as_ptr(a), value_as_ptr(b));
    if (value_is_kind(a, OBJ_TUPLE) && value_is_kind(b, OBJ_TUPLE)) {
        Tuple *x = value_as_ptr(a), *y = value_as_ptr(b);
        if (x->len != y->len) return 0;
        for (uint32_t i = 0; i < x->len; i++)
            if (!compile_const_same(x->items[i], y->items[i])) return 0;
        return 1;
    }
    return 0;
}

int cc_add_const(Compiler *c, Value v) {
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++)
        if (!value_is_kind(v, OBJ_CODE) && compile_const_same(u->consts[i], v)) return i;
    if (u->nconsts == u->capconsts) {
        int cap = u->capconsts ? u->capconsts * 2 : 8;
        Value *p = realloc(u->consts, (size_t)cap * sizeof *p);
        if (!p) return cc_nomem(c) - 1;
        u->consts = p;
        u->capconsts = cap;
    }
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

int cc_load_const(Compiler *c, Value v) {
    if (v == VALUE_ERROR) return 0;
    int i = cc_add_const(c, v);
    return i >= 0 && cc_emit(c, OP_LOAD_CONST, i);
}

static int add_str(Compiler *c, Str ***arr, int *n, int *cap, const char *s, size_t len) {
    for (int i = 0; i < *n; i++)
        if ((*arr)[i]->len == len && memcmp((*arr)[i]->data, s, len) == 0) return i;
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 8;
        Str **p = realloc(*arr, (size_t)ncap * sizeof *p);
        if (!p) return cc_nomem(c) - 1;
        *arr = p;
        *cap = ncap;
    }
    Str *str = str_intern(c->vm, s, len);
    if (!str) return cc_nomem(c) - 1;
    (*arr)[*n] = str;
    return (*n)++;
}

int cc_add_name(Compiler *c, const char *s, size_t len) {
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

Value cc_str_const(Compiler *c, const char *s, size_t len) {
    Str *str = str_intern(c->vm, s, len);
    if (!str) {
        cc_nomem(c);
        return VALUE_ERROR;
    }
    return value_from_ptr(str);
}

Value cc_const_value(Compiler *c, Node *e) {
    switch (e->ctype) {
    case CONST_NONE: return VALUE_NONE;
    case CONST_TRUE: return VALUE_TRUE;
    case CONST_FALSE: return VALUE_FALSE;
    case CONST_INT: return value_from_int(e->ival);
    case CONST_FLOAT: return value_from_float(e->fval);
    case CONST_BIGINT: {
        Value v = bigint_from_digits(c->vm, e->str, e->str_len, (int)e->ival, 0);
        if (v == VALUE_ERROR) {
            c->vm->exc = VALUE_NULL;
            cc_nomem(c);
        }
        return v;
    }
    case CONST_STR: {
        Str *s = str_new(c->vm, e->str, e->str_len);
        if (!s) {
            cc_nomem(c);
            return VALUE_ERROR;
        }
        return value_from_ptr(s);
    }
    }
    return VALUE_NONE;
}

/* Emits the load, store or delete of a name, by its scope: module and class bodies use the
 * namespace dict (LOAD_NAME), functions use fast locals, cells and globals as the symbol table
 * resolved them. */
int cc_name(Compiler *c, const char *s, size_t len, int ctx, Span at) {
    Unit *u = c->u;
    Symbol *sym = symtable_lookup(u->scope, s, len);
    int flags = sym ? sym->flags : 0;
    static const int name_ops[3] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    static const int fast_ops[3] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const int deref_ops[3] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const int global_ops[3] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    (void)at;
    if (flags & SYM_GLOBAL) {
        int i = cc_add_name(c, s, len);
        return i >= 0 && cc_emit(c, global_ops[ctx], ctx == 0 ? i << 1 : i);
    }
    if (flags & (SYM_CELL | SYM_FREE)) {
        int slot = find_varname(u, s, len);
        if (slot >= 0) {
            if (u->scope->kind == SCOPE_CLASS && ctx == 0) return cc_emit(c, OP_LOAD_CLASSDEREF, slot);
            if (u->scope->kind != SCOPE_CLASS || (flags & SYM_FREE)) return cc_emit(c, deref_ops[ctx], slot);
        }
    }
    if (u->scope->kind != SCOPE_FUNCTION) {
        int i = cc_add_name(c, s, len);
        return i >= 0 && cc_emit(c, name_ops[ctx], i);
    }
    if (flags & SYM_ASSIGNED) {
        int slot = find_varname(u, s, len);
        if (slot < 0) slot = add_varname(c, s, len);
        return slot >= 0 && cc_emit(c, fast_ops[ctx], slot);
    }
    int i = cc_add_name(c, s, len);
    return i >= 0 && cc_emit(c, global_ops[ctx], ctx == 0 ? i << 1 : i);
}

/* ---- expressions ---- */

static int all_constant(Compiler *c, NodeList *items, Value *out);
static int fold_constant(Compiler *c, Node *e, Value *out);

static int is_starred_list(NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i] && l->items[i]->kind == AST_STARRED) return 1;
    return 0;
}

/* A display with a * ([a, *b], (a, *b), {a, *b}) or a call's positional arguments with one, as
 * 3.11's starunpack_helper lays them out: the items before the first * are pushed and made the
 * list or set (with `pushed` values already on the stack), the rest added or extended into it;
 * a tuple is made from a list at the end. */
static int compile_starred_sequence(Compiler *c, NodeList *items, int pushed, int build, int tuple) {
    int add = build == OP_BUILD_SET ? OP_SET_ADD : OP_LIST_APPEND;
    int extend = build == OP_BUILD_SET ? OP_SET_UPDATE : OP_LIST_EXTEND;
    int n = 0;
    while (n < items->len && items->items[n]->kind != AST_STARRED) {
        if (!cc_expr(c, items->items[n])) return 0;
        n++;
    }
    if (!cc_emit(c, build, pushed + n)) return 0;
    for (int i = n; i < items->len; i++) {
        Node *e = items->items[i];
        if (e->kind == AST_STARRED) {
            if (!cc_expr(c, e->a) || !cc_emit(c, extend, 1)) return 0;
        } else if (!cc_expr(c, e) || !cc_emit(c, add, 1)) {
            return 0;
        }
    }
    return !tuple || cc_emit(c, OP_LIST_TO_TUPLE, 0);
}

/* Arguments of a call whose callable (and NULL or self) are on the stack, n_before of them
 * already being positional arguments (a class statement's name). */
int cc_call_helper(Compiler *c, int n_before, NodeList *args, NodeList *keywords, Span at) {
    int star = is_starred_list(args);
    int dstar = 0;
    for (int i = 0; i < keywords->len; i++)
        if (!keywords->items[i]->str) dstar = 1;
    Span saved = c->u->loc;
    if (!star && !dstar) {
        for (int i = 0; i < args->len; i++)
            if (!cc_expr(c, args->items[i])) return 0;
        int nkw = keywords->len;
        for (int i = 0; i < nkw; i++)
            if (!cc_expr(c, keywords->items[i]->a)) return 0;
        c->u->loc = at;
        if (nkw) {
            Tuple *names = tuple_new(c->vm, (uint32_t)nkw);
            if (!names) return cc_nomem(c);
            for (int i = 0; i < nkw; i++) {
                Value s = cc_str_const(c, keywords->items[i]->str, keywords->items[i]->str_len);
                if (s == VALUE_ERROR) return 0;
                names->items[i] = s;
            }
            int k = cc_add_const(c, value_from_ptr(names));
            if (k < 0 || !cc_emit(c, OP_KW_NAMES, k)) return 0;
        }
        int n = n_before + args->len + nkw;
        int ok = cc_emit(c, OP_PRECALL, n) && cc_emit(c, OP_CALL, n);
        c->u->loc = saved;
        return ok;
    }
    /* f(*a, **k): positional arguments as one tuple, keywords as one dict, laid out as 3.11's
     * compiler_call_helper and starunpack_helper do: f(*a) alone pushes a as it is
     * (CALL_FUNCTION_EX makes the tuple), and the arguments before the first * are pushed and
     * made the list at once. */
    if (!n_before && args->len == 1 && args->items[0]->kind == AST_STARRED) {
        if (!cc_expr(c, args->items[0]->a)) return 0;
    } else if (star) {
        if (!compile_starred_sequence(c, args, n_before, OP_BUILD_LIST, 1)) return 0;
    } else {
        for (int i = 0; i < args->len; i++)
            if (!cc_expr(c, args->items[i])) return 0;
        if (!cc_emit(c, OP_BUILD_TUPLE, n_before + args->len)) return 0;
    }
    int have_dict = 0;
    if (keywords->len) {
        int pending = 0;
        for (int i = 0; i < keywords->len; i++) {
            Node *k = keywords->items[i];
            if (k->str) {
                Value s = cc_str_const(c, k->str, k->str_len);
                if (s == VALUE_ERROR || !cc_load_const(c, s) || !cc_expr(c, k->a)) return 0;
                pending++;
                continue;
            }
            if (pending || !have_dict) {
                if (!cc_emit(c, OP_BUILD_MAP, pending)) return 0;
                if (have_dict && !cc_emit(c, OP_DICT_MERGE, 1)) return 0;
                have_dict = 1;
                pending = 0;
            }
            if (!cc_expr(c, k->a) || !cc_emit(c, OP_DICT_MERGE, 1)) return 0;
        }
        if (pending) {
            if (!cc_emit(c, OP_BUILD_MAP, pending)) return 0;
            if (have_dict && !cc_emit(c, OP_DICT_MERGE, 1)) return 0;
            have_dict = 1;
        }
    }
    c->u->loc = at;
    int ok = cc_emit(c, OP_CALL_FUNCTION_EX, have_dict);
    c->u->loc = saved;
    return ok;
}

static int compile_call(Compiler *c, Node *e) {
    Node *f = e->a;
    int plain_kw = 1;
    for (int i = 0; i < e->list2.len; i++)
        if (!e->list2.items[i]->str) plain_kw = 0;
    /* As 3.11's maybe_optimize_method_call: not for a module bound by an import at module level
     * (module.function(...) uses LOAD_ATTR). */
    int imported = 0;
    if (f->kind == AST_ATTRIBUTE && f->a->kind == AST_NAME) {
        Symbol *sym = symtable_lookup(c->st.root, f->a->str, f->a->str_len);
        Symbol *local = symtable_lookup(c->u->scope, f->a->str, f->a->str_len);
        int is_local = c->u->scope->kind != SCOPE_MODULE && local && (local->flags & SYM_ASSIGNED);
        imported = sym && (sym->flags & SYM_IMPORTED) && !is_local;
    }
    if (f->kind == AST_ATTRIBUTE && !imported && !is_starred_list(&e->list) && plain_kw && e->list.len + e->list2.len < 255) {
        /* obj.meth(args): LOAD_METHOD keeps obj as the first argument without a bound method. */
        if (!cc_expr(c, f->a)) return 0;
        Span saved = c->u->loc;
        c->u->loc = f->span;
        int name = cc_add_name(c, f->str, f->str_len);
        if (name < 0 || !cc_emit(c, OP_LOAD_METHOD, name)) return 0;
        c->u->loc = saved;
        return cc_call_helper(c, 0, &e->list, &e->list2, e->span);
    }
    Span saved = c->u->loc;
    c->u->loc = f->span;
    if (!cc_emit(c, OP_PUSH_NULL, 0)) return 0;
    c->u->loc = e->span;
    if (!cc_expr(c, f)) return 0;
    int ok = cc_call_helper(c, 0, &e->list, &e->list2, e->span);
    c->u->loc = saved;
    return ok;
}

static int compile_slice(Compiler *c, Node *s) {
    int n = 2;
    if (s->a) {
        if (!cc_expr(c, s->a)) return 0;
    } else if (!cc_load_const(c, VALUE_NONE)) {
        return 0;
    }
    if (s->b) {
        if (!cc_expr(c, s->b)) return 0;
    } else if (!cc_load_const(c, VALUE_NONE)) {
        return 0;
    }
    if (s->c) {
        if (!cc_expr(c, s->c)) return 0;
        n = 3;
    }
    return cc_emit(c, OP_BUILD_SLICE, n);
}

/* Items [begin, end) of a dict display, as 3.11's compiler_subdict: two or more constant keys
 * (and few enough items) become the values, a tuple of the keys and BUILD_CONST_KEY_MAP; more
 * than 15 items are added one by one with MAP_ADD onto an empty map; otherwise BUILD_MAP. */
static int compile_subdict(Compiler *c, Node *e, int begin, int end) {
    int n = end - begin, big = n * 2 > 30;
    if (n > 1 && !big) {
        Value *keys = malloc(sizeof(Value) * (size_t)n);
        if (!keys) return cc_nomem(c);
        int constant = 1;
        for (int i = 0; i < n && constant; i++) constant = fold_constant(c, e->list.items[begin + i], &keys[i]);
        if (constant) {
            Tuple *t = tuple_new(c->vm, (uint32_t)n);
            if (!t) {
                free(keys);
                return cc_nomem(c);
            }
            memcpy(t->items, keys, sizeof(Value) * (size_t)n);
            free(keys);
            for (int i = begin; i < end; i++)
                if (!cc_expr(c, e->list2.items[i])) return 0;
            return cc_load_const(c, value_from_ptr(t)) && cc_emit(c, OP_BUILD_CONST_KEY_MAP, n);
        }
        free(keys);
    }
    if (big && !cc_emit(c, OP_BUILD_MAP, 0)) return 0;
    for (int i = begin; i < end; i++) {
        if (!cc_expr(c, e->list.items[i]) || !cc_expr(c, e->list2.items[i])) return 0;
        if (big && !cc_emit(c, OP_MAP_ADD, 1)) return 0;
    }
    return big || cc_emit(c, OP_BUILD_MAP, n);
}

/* A dict display, as 3.11's compiler_dict: runs of key: value items go through
 * compile_subdict (a run is cut once it passes 15 items), each **mapping is merged with
 * DICT_UPDATE into the dict built so far. */
static int compile_dict(Compiler *c, Node *e) {
    int n = e->list.len, elements = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        if (!e->list.items[i]) {
            if (elements) {
                if (!compile_subdict(c, e, i - elements, i)) return 0;
                if (have_dict && !cc_emit(c, OP_DICT_UPDATE, 1)) return 0;
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict && !cc_emit(c, OP_BUILD_MAP, 0)) return 0;
            have_dict = 1;
            if (!cc_expr(c, e->list2.items[i]) || !cc_emit(c, OP_DICT_UPDATE, 1)) return 0;
        } else if (elements * 2 > 30) {
            if (!compile_subdict(c, e, i - elements, i + 1)) return 0;
            if (have_dict && !cc_emit(c, OP_DICT_UPDATE, 1)) return 0;
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (!compile_subdict(c, e, n - elements, n)) return 0;
        if (have_dict && !cc_emit(c, OP_DICT_UPDATE, 1)) return 0;
        have_dict = 1;
    }
    return have_dict || cc_emit(c, OP_BUILD_MAP, 0);
}

/* A set display's items as one frozenset constant, when they are all constants (1, *out set);
 * 0 when some item is not; -1 when memory ran out. */
static int fold_frozenset(Compiler *c, NodeList *items, Value *out) {
    Tuple *t = tuple_new(c->vm, (uint32_t)items->len);
    if (!t) return -1;
    for (int i = 0; i < items->len; i++)
        if (!fold_constant(c, items->items[i], &t->items[i])) return 0;
    *out = set_frozenset_const(c->vm, t);
    if (*out != VALUE_ERROR) return 1;
    c->vm->exc = VALUE_NULL;
    return -1;
}

static int compile_set(Compiler *c, Node *e) {
    if (is_starred_list(&e->list)) return compile_starred_sequence(c, &e->list, 0, OP_BUILD_SET, 0);
    /* Three or more constants become one frozenset constant, as CPython 3.11 compiles them
     * (which also decides the iteration order of the resulting set). */
    int n = e->list.len;
    if (n > 2) {
        Value fs;
        int constant = fold_frozenset(c, &e->list, &fs);
        if (constant < 0) return cc_nomem(c);
        if (constant) return cc_emit(c, OP_BUILD_SET, 0) && cc_load_const(c, fs) && cc_emit(c, OP_SET_UPDATE, 1);
    }
    for (int i = 0; i < n; i++)
        if (!cc_expr(c, e->list.items[i])) return 0;
    return cc_emit(c, OP_BUILD_SET, n);
}

/* An expression that is only iterated over or searched (`for x in X`, a comprehension's
 * `in X`, `y in X`), as 3.11's fold_iter: a list display becomes a tuple, and a set display
 * of constants becomes a frozenset constant. */
int cc_iterable(Compiler *c, Node *e) {
    if (e->kind == AST_LIST && !is_starred_list(&e->list)) e->kind = AST_TUPLE;
    if (e->kind != AST_SET || is_starred_list(&e->list)) return cc_expr(c, e);
    Value fs;
    int constant = fold_frozenset(c, &e->list, &fs);
    if (constant < 0) return cc_nomem(c);
    if (!constant) return cc_expr(c, e);
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int ok = cc_load_const(c, fs);
    c->u->loc = saved;
    return ok;
}

/* One `for` clause of a comprehension (and the rest, recursively), inside its function. */
static int compile_comprehension_generator(Compiler *c, Node *e, int index, int depth) {
    Node *gen = e->list.items[index];
    int start = cc_new_block(c), cleanup = cc_new_block(c), anchor = cc_new_block(c);
    if (start < 0 || cleanup < 0 || anchor < 0) return 0;
    if (index == 0) {
        if (!cc_emit(c, OP_LOAD_FAST, 0)) return 0;
    } else if (!cc_iterable(c, gen->b) || !cc_emit(c, OP_GET_ITER, 0)) {
        return 0;
    }
    cc_use_next_block(c, start);
    if (!cc_emit_jump(c, OP_FOR_ITER, anchor) || !cc_store_target(c, gen->a)) return 0;
    for (int i = 0; i < gen->list2.len; i++)
        if (!cc_jump_if(c, gen->list2.items[i], cleanup, 0)) return 0;
    if (index + 1 < e->list.len) {
        if (!compile_comprehension_generator(c, e, index + 1, depth + 1)) return 0;
    } else {
        switch (e->kind) {
        case AST_LISTCOMP:
            if (!cc_expr(c, e->a) || !cc_emit(c, OP_LIST_APPEND, depth + 1)) return 0;
            break;
        case AST_SETCOMP:
            if (!cc_expr(c, e->a) || !cc_emit(c, OP_SET_ADD, depth + 1)) return 0;
            break;
        case AST_DICTCOMP:
            if (!cc_expr(c, e->a) || !cc_expr(c, e->b) || !cc_emit(c, OP_MAP_ADD, depth + 1)) return 0;
            break;
        default: /* GENEXP */
            if (!cc_expr(c, e->a) || !cc_emit(c, OP_YIELD_VALUE, 0) || !cc_emit(c, OP_RESUME, 1) ||
                !cc_emit(c, OP_POP_TOP, 0))
                return 0;
            break;
        }
    }
    cc_use_next_block(c, cleanup);
    if (!cc_emit_jump(c, OP_JUMP, start)) return 0;
    cc_use_next_block(c, anchor);
    return 1;
}

static int compile_comprehension(Compiler *c, Node *e) {
    static const char *const names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    int which = e->kind == AST_LISTCOMP ? 0 : e->kind == AST_SETCOMP ? 1 : e->kind == AST_DICTCOMP ? 2 : 3;
    if (!cc_unit_enter(c, e, SCOPE_FUNCTION, names[which], strlen(names[which]), e->span.line)) return 0;
    Unit *u = c->u;
    u->argcount = 1;
    u->loc = e->span;
    if (which < 3) {
        static const int build[] = {OP_BUILD_LIST, OP_BUILD_SET, OP_BUILD_MAP};
        if (!cc_emit(c, build[which], 0)) return 0;
    }
    if (!compile_comprehension_generator(c, e, 0, which < 3 ? 1 : 0)) return 0;
    if (which < 3 && !cc_emit(c, OP_RETURN_VALUE, 0)) return 0;
    Code *code = cc_unit_finish(c);
    if (!code || !cc_make_closure(c, code, 0)) return 0;
    return cc_iterable(c, e->list.items[0]->b) && cc_emit(c, OP_GET_ITER, 0) && cc_emit(c, OP_PRECALL, 0) &&
           cc_emit(c, OP_CALL, 0);
}

static int compile_joined_str(Compiler *c, Node *e) {
    int n = 0;
    for (int i = 0; i < e->list.len; i++) {
        Node *v = e->list.items[i];
        if (v->kind == AST_CONSTANT) {
            if (!cc_load_const(c, cc_const_value(c, v))) return 0;
        } else {
            if (!cc_expr(c, v->a)) return 0;
            int flags = v->op == 's' ? 1 : v->op == 'r' ? 2 : v->op == 'a' ? 3 : 0;
            if (v->b) {
                if (!compile_joined_str(c, v->b)) return 0;
                flags |= 4;
            }
            if (!cc_emit(c, OP_FORMAT_VALUE, flags)) return 0;
        }
        n++;
    }
    /* As in 3.11's compiler_joined_str: one piece is the string itself; none, or several, are
     * joined by BUILD_STRING (f"" and an empty format spec make BUILD_STRING 0). */
    if (n == 1) return 1;
    return cc_emit(c, OP_BUILD_STRING, n);
}

static int compile_compare(Compiler *c, Node *e);
static int compile_comparator(Compiler *c, Node *e, int i);
static int compile_compare_op(Compiler *c, int op);
static int compile_boolop(Compiler *c, Node *e);
static int compile_sequence(Compiler *c, Node *e);

/* Stores TOS into a target: a name, attribute, subscript, or a tuple/list to unpack. */
int cc_store_target(Compiler *c, Node *t) {
    Span saved = c->u->loc;
    c->u->loc = t->span;
    int ok;
    switch (t->kind) {
    case AST_NAME: ok = cc_name(c, t->str, t->str_len, 1, t->span); break;
    case AST_ATTRIBUTE: {
        if (!cc_expr(c, t->a)) return 0;
        c->u->loc = t->span;
        int i = cc_add_name(c, t->str, t->str_len);
        ok = i >= 0 && cc_emit(c, OP_STORE_ATTR, i);
        break;
    }
    case AST_SUBSCRIPT:
        if (!cc_expr(c, t->a)) return 0;
        if (!cc_expr(c, t->b)) return 0;
        c->u->loc = t->span;
        ok = cc_emit(c, OP_STORE_SUBSCR, 0);
        break;
    case AST_TUPLE:
    case AST_LIST: {
        int star = -1;
        for (int i = 0; i < t->list.len; i++)
            if (t->list.items[i]->kind == AST_STARRED) star = i;
        if (star < 0) ok = cc_emit(c, OP_UNPACK_SEQUENCE, t->list.len);
        else ok = cc_emit(c, OP_UNPACK_EX, star | (t->list.len - star - 1) << 8);
        for (int i = 0; ok && i < t->list.len; i++) {
            Node *x = t->list.items[i];
            ok = cc_store_target(c, x->kind == AST_STARRED ? x->a : x);
        }
        break;
    }
    case AST_STARRED: ok = cc_store_target(c, t->a); break;
    default: ok = cc_error(c, t->span, "SyntaxError", "cannot assign to expression");
    }
    c->u->loc = saved;
    return ok;
}

static int compile_expr1(Compiler *c, Node *e) {
    Value folded;
    if ((e->kind == AST_BINOP || e->kind == AST_UNARYOP || e->kind == AST_CONSTANT) && fold_constant(c, e, &folded))
        return cc_load_const(c, folded);
    if (c->failed) return 0;
    switch (e->kind) {
    case AST_NAME: return cc_name(c, e->str, e->str_len, e->ctx_store == 2 ? 2 : 0, e->span);
    case AST_BINOP: return cc_expr(c, e->a) && cc_expr(c, e->b) && cc_emit(c, OP_BINARY_OP, e->op);
    case AST_UNARYOP: {
        static const int ops[] = {OP_UNARY_NEGATIVE, OP_UNARY_POSITIVE, OP_UNARY_NOT, OP_UNARY_INVERT};
        return cc_expr(c, e->a) && cc_emit(c, ops[e->op], 0);
    }
    case AST_BOOLOP: return compile_boolop(c, e);
    case AST_COMPARE: return compile_compare(c, e);
    case AST_CALL: return compile_call(c, e);
    case AST_LIST:
    case AST_TUPLE:
        if (is_starred_list(&e->list)) return compile_starred_sequence(c, &e->list, 0, OP_BUILD_LIST, e->kind == AST_TUPLE);
        return compile_sequence(c, e);
    case AST_DICT: return compile_dict(c, e);
    case AST_SET: return compile_set(c, e);
    case AST_LISTCOMP: case AST_SETCOMP: case AST_DICTCOMP: case AST_GENEXP: return compile_comprehension(c, e);
    case AST_ATTRIBUTE: {
        if (!cc_expr(c, e->a)) return 0;
        int i = cc_add_name(c, e->str, e->str_len);
        return i >= 0 && cc_emit(c, OP_LOAD_ATTR, i);
    }
    case AST_SUBSCRIPT:
        if (!cc_expr(c, e->a)) return 0;
        if (!cc_expr(c, e->b)) return 0;
        return cc_emit(c, OP_BINARY_SUBSCR, 0);
    case AST_SLICE: return compile_slice(c, e);
    case AST_IFEXP: {
        int end = cc_new_block(c), next = cc_new_block(c);
        if (end < 0 || next < 0) return 0;
        if (!cc_jump_if(c, e->a, next, 0) || !cc_expr(c, e->b) || !cc_emit_jump_noline(c, OP_JUMP, end)) return 0;
        cc_use_next_block(c, next);
        if (!cc_expr(c, e->c)) return 0;
        cc_use_next_block(c, end);
        return 1;
    }
    case AST_LAMBDA: return cc_function(c, e);
    case AST_JOINEDSTR: return compile_joined_str(c, e);
    case AST_NAMEDEXPR:
        return cc_expr(c, e->b) && cc_emit(c, OP_COPY, 1) && cc_name(c, e->a->str, e->a->str_len, 1, e->a->span);
    case AST_YIELD:
        if (c->u->scope->kind != SCOPE_FUNCTION) return cc_error(c, e->span, "SyntaxError", "'yield' outside function");
        if (e->a) {
            if (!cc_expr(c, e->a)) return 0;
        } else if (!cc_load_const(c, VALUE_NONE)) {
            return 0;
        }
        return cc_emit(c, OP_YIELD_VALUE, 0) && cc_emit(c, OP_RESUME, 1);
    case AST_YIELDFROM: {
        if (c->u->scope->kind != SCOPE_FUNCTION) return cc_error(c, e->span, "SyntaxError", "'yield' outside function");
        int start = cc_new_block(c), exit = cc_new_block(c);
        if (start < 0 || exit < 0) return 0;
        if (!cc_expr(c, e->a) || !cc_emit(c, OP_GET_YIELD_FROM_ITER, 0) || !cc_load_const(c, VALUE_NONE)) return 0;
        cc_use_next_block(c, start);
        if (!cc_emit_jump(c, OP_SEND, exit) || !cc_emit(c, OP_YIELD_VALUE, 0) || !cc_emit(c, OP_RESUME, 2) ||
            !cc_emit_jump_noline(c, OP_JUMP, start))
            return 0;
        cc_use_next_block(c, exit);
        return 1;
    }
    case AST_STARRED: return cc_error(c, e->span, "SyntaxError", "can't use starred expression here");
    default: return cc_error(c, e->span, "SyntaxError", "this expression is not supported by Anole yet");
    }
}

int cc_expr(Compiler *c, Node *e) {
    Span saved = c->u->loc;
    c->u->loc = e->span;
    int ok = compile_expr1(c, e);
    c->u->loc = saved;
    return ok;
}

/* ---- functions, lambdas and closures ---- */

/* Makes a function from code on the stack (with whatever `flags` items MAKE_FUNCTION takes
 * below it), adding the closure tuple when the code has free variables. */
int cc_make_closure(Compiler *c, Code *code, int flags) {
    if (code->nfree) {
        Unit *u = c->u;
        for (uint32_t i = code->nlocals - code->nfree; i < code->nlocals; i++) {
            Str *name = code->varnames[i];
            int slot = find_varname(u, name->data, name->len);
            if (slot < 0) return cc_error(c, u->loc, "SyntaxError", "internal error: free variable not found");
            if (!cc_emit(c, OP_LOAD_CLOSURE, slot)) return 0;
        }
        if (!cc_emit(c, OP_BUILD_TUPLE, (int)code->nfree)) return 0;
        flags |= 8;
    }
    return cc_load_const(c, value_from_ptr(code)) && cc_emit(c, OP_MAKE_FUNCTION, flags);
}

static int is_docstring(Node *s) {
    return s->kind == AST_EXPR_STMT && s->a->kind == AST_CONSTANT && s->a->ctype == CONST_STR;
}

/* def (s->kind FUNCTIONDEF) or lambda: evaluates defaults and annotations, compiles the body
 * into its own code object and leaves the new function on the stack. */
int cc_function(Compiler *c, Node *s) {
    Node *args = s->a;
    int flags = 0;
    /* Positional defaults as one tuple. */
    int ndefaults = 0, constant = 1;
    Value dvals[256];
    for (int i = 0; i < args->list.len; i++)
        if (args->list.items[i]->a) {
            if (ndefaults < 256 && constant && !fold_constant(c, args->list.items[i]->a, &dvals[ndefaults])) constant = 0;
            ndefaults++;
        }
    if (ndefaults && constant && ndefaults <= 256) {
        /* Constant defaults become one constant tuple, as CPython's optimizer folds them. */
        Tuple *t = tuple_new(c->vm, (uint32_t)ndefaults);
        if (!t) return cc_nomem(c);
        for (int i = 0; i < ndefaults; i++) t->items[i] = dvals[i];
        if (!cc_load_const(c, value_from_ptr(t))) return 0;
        flags |= 1;
    } else if (ndefaults) {
        for (int i = 0; i < args->list.len; i++)
            if (args->list.items[i]->a && !cc_expr(c, args->list.items[i]->a)) return 0;
        if (!cc_emit(c, OP_BUILD_TUPLE, ndefaults)) return 0;
        flags |= 1;
    }
    /* Keyword-only defaults: the values, then a tuple of their names and BUILD_CONST_KEY_MAP,
     * as 3.11's compiler_visit_kwonlydefaults. */
    int nkwdefaults = 0;
    for (int i = 0; i < args->list2.len; i++) {
        Node *a = args->list2.items[i];
        if (!a->a) continue;
        if (!cc_expr(c, a->a)) return 0;
        nkwdefaults++;
    }
    if (nkwdefaults) {
        Tuple *names = tuple_new(c->vm, (uint32_t)nkwdefaults);
        if (!names) return cc_nomem(c);
        for (int i = 0, k = 0; i < args->list2.len; i++) {
            Node *a = args->list2.items[i];
            if (a->a) names->items[k++] = cc_str_const(c, a->str, a->str_len);
        }
        if (!cc_load_const(c, value_from_ptr(names)) || !cc_emit(c, OP_BUILD_CONST_KEY_MAP, nkwdefaults)) return 0;
        flags |= 2;
    }
    if (s->kind == AST_FUNCTIONDEF) {
        int nann = 0;
        NodeList *lists[2] = {&args->list, &args->list2};
        for (int l = 0; l < 2; l++)
            for (int i = 0; i < lists[l]->len; i++) {
                Node *a = lists[l]->items[i];
                if (!a->b) continue;
                if (!cc_load_const(c, cc_str_const(c, a->str, a->str_len)) || !cc_expr(c, a->b)) return 0;
                nann++;
            }
        Node *extra[2] = {args->a, args->b};
        for (int k = 0; k < 2; k++)
            if (extra[k] && extra[k]->b) {
                if (!cc_load_const(c, cc_str_const(c, extra[k]->str, extra[k]->str_len)) || !cc_expr(c, extra[k]->b)) return 0;
                nann++;
            }
        if (s->b) {
            if (!cc_load_const(c, cc_str_const(c, "return", 6)) || !cc_expr(c, s->b)) return 0;
            nann++;
        }
        if (nann) {
            if (!cc_emit(c, OP_BUILD_TUPLE, nann * 2)) return 0;
            flags |= 4;
        }
    }
    const char *name = s->kind == AST_LAMBDA ? "<lambda>" : s->str;
    size_t name_len = s->kind == AST_LAMBDA ? 8 : s->str_len;
    /* A decorated function's first line is its first decorator's. */
    int firstlineno = s->kind == AST_FUNCTIONDEF && s->list3.len ? s->list3.items[0]->span.line : s->span.line;
    if (!cc_unit_enter(c, s, SCOPE_FUNCTION, name, name_len, firstlineno)) return 0;
    Unit *u = c->u;
    u->argcount = args->list.len;
    u->kwonlyargcount = args->list2.len;
    u->posonlyargcount = args->flag;
    if (args->a) u->flags |= CODE_VARARGS;
    if (args->b) u->flags |= CODE_VARKEYWORDS;
    if (s->kind == AST_LAMBDA) {
        if (cc_add_const(c, VALUE_NONE) < 0) return 0;
        u->loc = s->b->span;
        if (!cc_expr(c, s->b)) return 0;
        if (u->scope->is_generator) {
            if (!cc_emit(c, OP_POP_TOP, 0) || !cc_load_const(c, VALUE_NONE)) return 0;
        }
        /* 3.11 returns with the location the scope started with: the lambda's line, columns 0. */
        u->loc = (Span){.line = s->span.line, .end_line = s->span.line, .col = 0, .end_col = 0};
        if (!cc_emit(c, OP_RETURN_VALUE, 0)) return 0;
    } else {
        NodeList body = s->list2;
        Value doc = VALUE_NONE;
        if (body.len && is_docstring(body.items[0])) {
            doc = cc_const_value(c, body.items[0]->a);
            body.items++;
            body.len--;
        }
        if (doc == VALUE_ERROR || cc_add_const(c, doc) < 0 || !cc_body(c, &body)) return 0;
    }
    Code *code = cc_unit_finish(c);
    return code && cc_make_closure(c, code, flags);
}

/* ---- units (one per code object) ---- */

static int slot_add_if(Compiler *c, Scope *s, int want, int unwant) {
    for (int i = 0; i < s->nsyms; i++) {
        Symbol *sym = &s->syms[i];
        if ((sym->flags & want) == want && !(sym->flags & unwant) && find_varname(c->u, sym->name, sym->len) < 0)
            if (add_varname(c, sym->name, sym->len) < 0) return 0;
    }
    return 1;
}

static int add_params(Compiler *c, Node *args) {
    for (int i = 0; i < args->list.len; i++)
        if (add_varname(c, args->list.items[i]->str, args->list.items[i]->str_len) < 0) return 0;
    for (int i = 0; i < args->list2.len; i++)
        if (add_varname(c, args->list2.items[i]->str, args->list2.items[i]->str_len) < 0) return 0;
    if (args->a && add_varname(c, args->a->str, args->a->str_len) < 0) return 0;
    if (args->b && add_varname(c, args->b->str, args->b->str_len) < 0) return 0;
    return 1;
}

int cc_unit_enter(Compiler *c, Node *node, ScopeKind kind, const char *name, size_t name_len, int firstlineno) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) return cc_nomem(c);
    u->parent = c->u;
    u->scope = symtable_scope_of(&c->st, node);
    if (!u->scope) {
        free(u);
        return cc_error(c, node->span, "SyntaxError", "internal error: no scope for this node");
    }
    u->name = name;
    u->name_len = name_len;
    u->firstlineno = firstlineno;
    u->loc = LOC_NONE;
    if (u->parent && u->parent->scope->kind == SCOPE_FUNCTION) {
        /* Qualified names longer than the buffer are cut; they only label code objects. */
        int n = snprintf(u->qualname, sizeof u->qualname, "%.200s.<locals>.", u->parent->qualname);
        snprintf(u->qualname + n, sizeof u->qualname - (size_t)n, "%.*s", (int)name_len, name);
    } else if (u->parent && u->parent->scope->kind == SCOPE_CLASS) {
        int n = snprintf(u->qualname, sizeof u->qualname, "%.200s.", u->parent->qualname);
        snprintf(u->qualname + n, sizeof u->qualname - (size_t)n, "%.*s", (int)name_len, name);
    } else {
        snprintf(u->qualname, sizeof u->qualname, "%.*s", (int)name_len, name);
    }
    c->u = u;
    /* Frame slots: parameters, other locals, cells that are not parameters, free variables. */
    if (node->kind == AST_FUNCTIONDEF || node->kind == AST_LAMBDA) {
        if (!add_params(c, node->a)) return 0;
    } else if (kind == SCOPE_FUNCTION && add_varname(c, ".0", 2) < 0) {
        return 0;
    }
    if (kind == SCOPE_FUNCTION && !slot_add_if(c, u->scope, SYM_ASSIGNED, SYM_GLOBAL | SYM_CELL | SYM_FREE | SYM_NONLOCAL))
        return 0;
    u->nplain = u->nvarnames;
    if (!slot_add_if(c, u->scope, SYM_CELL, SYM_FREE | SYM_GLOBAL)) return 0;
    int before_free = u->nvarnames;
    if (!slot_add_if(c, u->scope, SYM_FREE, SYM_GLOBAL)) return 0;
    u->nfree = u->nvarnames - before_free;
    if (u->scope->is_generator) u->flags |= CODE_GENERATOR;
    int b = cc_new_block(c);
    if (b < 0) return 0;
    u->g.entry = u->cur = u->last = b;
    /* Cells are made and free variables copied in before RESUME, as in 3.11. */
    for (int i = 0; i < u->nvarnames - u->nfree; i++) {
        Symbol *sym = symtable_lookup(u->scope, u->varnames[i]->data, u->varnames[i]->len);
        if (sym && (sym->flags & SYM_CELL) && !(sym->flags & SYM_FREE) && !cc_emit_full(c, OP_MAKE_CELL, i, LOC_NONE, -1))
            return 0;
    }
    if (u->nfree && !cc_emit_full(c, OP_COPY_FREE_VARS, u->nfree, LOC_NONE, -1)) return 0;
    if ((u->flags & CODE_GENERATOR) && !(cc_emit_full(c, OP_RETURN_GENERATOR, 0, LOC_NONE, -1) &&
                                          cc_emit_full(c, OP_POP_TOP, 0, LOC_NONE, -1)))
        return 0;
    Span resume = kind == SCOPE_MODULE ? LOC_NONE : (Span){firstlineno, 0, firstlineno, 0};
    return cc_emit_full(c, OP_RESUME, 0, resume, -1);
}

static void unit_free(Unit *u) {
    cfg_free(&u->g);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    free(u);
}

/* Finishes the current unit into a code object and returns to the enclosing unit. */
Code *cc_unit_finish(Compiler *c) {
    Unit *u = c->u;
    VM *vm = c->vm;
    Code *code = NULL;
    if (c->failed) goto done;
    /* Every path that falls off the end returns None; the location comes from what precedes. */
    Block *cur = &u->g.blocks[u->cur];
    if (!(cur->len && cur->instrs[cur->len - 1].op == OP_RETURN_VALUE)) {
        u->loc = LOC_NONE;
        if (!cc_load_const(c, VALUE_NONE) || !cc_emit(c, OP_RETURN_VALUE, 0)) goto done;
    }
    code = gc_alloc(vm, sizeof(Code), OBJ_CODE);
    if (!code) {
        cc_nomem(c);
        goto done;
    }
    code->name = str_intern(vm, u->name, u->name_len);
    code->qualname = str_intern(vm, u->qualname, strlen(u->qualname));
    code->filename = c->filename;
    code->firstlineno = u->firstlineno;
    code->is_module = u->scope->kind == SCOPE_MODULE;
    code->nargs = (uint32_t)u->argcount;
    code->kwonlyargcount = (uint32_t)u->kwonlyargcount;
    code->posonlyargcount = (uint32_t)u->posonlyargcount;
    code->flags = (uint32_t)u->flags | (u->scope->kind == SCOPE_CLASS ? CODE_CLASS_BODY : 0);
    code->nlocals = (uint32_t)u->nvarnames;
    code->nfree = (uint32_t)u->nfree;
    code->ncells = (uint32_t)(u->nvarnames - u->nplain - u->nfree);
    code->nconsts = (uint32_t)u->nconsts;
    code->nnames = (uint32_t)u->nnames;
    code->warmup = -8;
    code->consts = u->consts;
    u->consts = NULL;
    code->names = u->names;
    u->names = NULL;
    code->name_hints = calloc(code->nnames ? code->nnames : 1, sizeof(uint32_t));
    code->varnames = u->varnames;
    u->varnames = NULL;
    if (!code->name || !code->qualname || !code->name_hints || !flowgraph_assemble(vm, &u->g, code)) {
        cc_nomem(c);
        code = NULL;
    }
done:
    c->u = u->parent;
    unit_free(u);
    return code;
}

/* ---- the shared pieces kept from the first compiler ---- */

static int fold_constant(Compiler *c, Node *e, Value *out) {
    VM *vm = c->vm;
    if (e->kind == AST_CONSTANT) {
        *out = cc_const_value(c, e);
        return *out != VALUE_ERROR;
    }
    Value a, b;
    /* A tuple display of constants is a constant too (3.11's fold_tuple), so tuples nest. */
    if (e->kind == AST_TUPLE && !is_starred_list(&e->list)) {
        Tuple *t = tuple_new(vm, (uint32_t)e->list.len);
        if (!t) {
            vm->exc = VALUE_NULL;
            return 0;
        }
        for (int i = 0; i < e->list.len; i++)
            if (!fold_constant(c, e->list.items[i], &t->items[i])) return 0;
        *out = value_from_ptr(t);
        return 1;
    }
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
            /* CPython's optimizer does not fold integer results beyond 128 bits (safe_power,
             * safe_multiply, safe_lshift): keep the same bytecode. */
            if (!value_is_float(a) && !value_is_float(b) && (e->op == 8 || e->op == 5 || e->op == 3)) {
                if (value_is_kind(a, OBJ_BIGINT) || value_is_kind(b, OBJ_BIGINT)) return 0;
                int64_t x = value_is_bool(a) ? a == VALUE_TRUE : value_as_int(a);
                int64_t y = value_is_bool(b) ? b == VALUE_TRUE : value_as_int(b);
                int xb = 0, yb = 0;
                for (uint64_t u = (uint64_t)(x < 0 ? -x : x); u; u >>= 1) xb++;
                for (uint64_t u = (uint64_t)(y < 0 ? -y : y); u; u >>= 1) yb++;
                if (e->op == 5 && xb + yb > 128) return 0;
                if (e->op == 8 && y > 0 && x != 0 && (int64_t)xb * y > 128) return 0;
                if (e->op == 3 && y > 0 && xb + y > 128) return 0;
            }
            *out = num_binary_op(vm, e->op, a, b);
            if (*out == VALUE_ERROR || *out == VALUE_NULL) {
                vm->exc = VALUE_NULL;
                return 0;
            }
            return 1;
        }
        /* str * int and int * str, as 3.11's safe_multiply: only results up to 4096
         * characters, and never a negative count. */
        if (e->op == 5 && (value_is_kind(a, OBJ_STR) || value_is_kind(b, OBJ_STR))) {
            Value s = value_is_kind(a, OBJ_STR) ? a : b, n = s == a ? b : a;
            if (!value_is_int(n) && !value_is_bool(n)) return 0;
            int64_t count = value_is_bool(n) ? n == VALUE_TRUE : value_as_int(n);
            uint32_t size = ((Str *)value_as_ptr(s))->nchars;
            if (size && (count < 0 || count > 4096 / size)) return 0;
            *out = op_binary(vm, 5, a, b);
            if (*out == VALUE_ERROR) vm->exc = VALUE_NULL;
            return *out != VALUE_ERROR;
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

static int compile_compare_op(Compiler *c, int op) {
    if (op <= CMP_GE) return cc_emit(c, OP_COMPARE_OP, op);
    if (op == CMP_IS || op == CMP_IS_NOT) return cc_emit(c, OP_IS_OP, op == CMP_IS_NOT);
    return cc_emit(c, OP_CONTAINS_OP, op == CMP_NOT_IN);
}

/* Comparator i of a comparison; the last one, after `in` or `not in`, is folded as an
 * iterable (3.11's fold_compare). */
static int compile_comparator(Compiler *c, Node *e, int i) {
    int op = e->cmpops[i];
    if (i == e->list.len - 1 && (op == CMP_IN || op == CMP_NOT_IN)) return cc_iterable(c, e->list.items[i]);
    return cc_expr(c, e->list.items[i]);
}

static int compile_compare(Compiler *c, Node *e) {
    if (!cc_expr(c, e->a)) return 0;
    int n = e->list.len - 1;
    if (n == 0) return compile_comparator(c, e, 0) && compile_compare_op(c, e->cmpops[0]);
    int cleanup = cc_new_block(c);
    if (cleanup < 0) return 0;
    for (int i = 0; i < n; i++) {
        if (!cc_expr(c, e->list.items[i]) || !cc_emit(c, OP_SWAP, 2) || !cc_emit(c, OP_COPY, 2) ||
            !compile_compare_op(c, e->cmpops[i]) || !cc_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup))
            return 0;
    }
    if (!compile_comparator(c, e, n) || !compile_compare_op(c, e->cmpops[n])) return 0;
    int end = cc_new_block(c);
    if (end < 0 || !cc_emit_jump_noline(c, OP_JUMP, end)) return 0;
    cc_use_next_block(c, cleanup);
    if (!cc_emit(c, OP_SWAP, 2) || !cc_emit(c, OP_POP_TOP, 0)) return 0;
    cc_use_next_block(c, end);
    return 1;
}

static int compile_boolop(Compiler *c, Node *e) {
    int end = cc_new_block(c);
    if (end < 0) return 0;
    int op = e->op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < e->list.len - 1; i++)
        if (!cc_expr(c, e->list.items[i]) || !cc_emit_jump(c, op, end)) return 0;
    if (!cc_expr(c, e->list.items[e->list.len - 1])) return 0;
    cc_use_next_block(c, end);
    return 1;
}

static int all_constant(Compiler *c, NodeList *items, Value *out) {
    for (int i = 0; i < items->len; i++)
        if (!fold_constant(c, items->items[i], &out[i])) return 0;
    return 1;
}

static int compile_sequence(Compiler *c, Node *e) {
    int n = e->list.len;
    if (n < 0) return 0;
    Value *vals = n ? malloc((size_t)n * sizeof(Value)) : NULL;
    if (n && !vals) return cc_nomem(c);
    int constant = (n > 0 || e->kind == AST_TUPLE) && all_constant(c, &e->list, vals);
    int ok = 1;
    if (constant && (e->kind == AST_TUPLE || n > 2)) {
        Tuple *t = tuple_new(c->vm, (uint32_t)n);
        if (!t) {
            free(vals);
            return cc_nomem(c);
        }
        if (n) memcpy(t->items, vals, (size_t)n * sizeof(Value));
        if (e->kind == AST_TUPLE) ok = cc_load_const(c, value_from_ptr(t));
        else ok = cc_emit(c, OP_BUILD_LIST, 0) && cc_load_const(c, value_from_ptr(t)) && cc_emit(c, OP_LIST_EXTEND, 1);
    } else {
        for (int i = 0; i < n && ok; i++) ok = cc_expr(c, e->list.items[i]);
        ok = ok && cc_emit(c, e->kind == AST_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_LIST, n);
    }
    free(vals);
    return ok;
}

int cc_jump_if(Compiler *c, Node *e, int target, int cond) {
    if (e->kind == AST_UNARYOP && e->op == UNARY_NOT) return cc_jump_if(c, e->a, target, !cond);
    if (e->kind == AST_BOOLOP) {
        int cond2 = e->op == BOOL_OR;
        int next2 = target;
        if (!cond2 != !cond) {
            next2 = cc_new_block(c);
            if (next2 < 0) return 0;
        }
        int n = e->list.len - 1;
        for (int i = 0; i < n; i++)
            if (!cc_jump_if(c, e->list.items[i], next2, cond2)) return 0;
        if (!cc_jump_if(c, e->list.items[n], target, cond)) return 0;
        if (next2 != target) cc_use_next_block(c, next2);
        return 1;
    }
    if (e->kind == AST_IFEXP) {
        int end = cc_new_block(c), next2 = cc_new_block(c);
        if (end < 0 || next2 < 0) return 0;
        if (!cc_jump_if(c, e->a, next2, 0) || !cc_jump_if(c, e->b, target, cond) ||
            !cc_emit_jump_noline(c, OP_JUMP, end))
            return 0;
        cc_use_next_block(c, next2);
        if (!cc_jump_if(c, e->c, target, cond)) return 0;
        cc_use_next_block(c, end);
        return 1;
    }
    if (e->kind == AST_COMPARE) {
        /* CPython sets the location to the comparison here and leaves it set. */
        c->u->loc = e->span;
        int n = e->list.len - 1;
        if (n > 0) {
            int cleanup = cc_new_block(c);
            if (cleanup < 0 || !cc_expr(c, e->a)) return 0;
            for (int i = 0; i < n; i++)
                if (!cc_expr(c, e->list.items[i]) || !cc_emit(c, OP_SWAP, 2) || !cc_emit(c, OP_COPY, 2) ||
                    !compile_compare_op(c, e->cmpops[i]) || !cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup))
                    return 0;
            if (!compile_comparator(c, e, n) || !compile_compare_op(c, e->cmpops[n]) ||
                !cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target))
                return 0;
            int end = cc_new_block(c);
            if (end < 0 || !cc_emit_jump_noline(c, OP_JUMP, end)) return 0;
            cc_use_next_block(c, cleanup);
            if (!cc_emit(c, OP_POP_TOP, 0)) return 0;
            if (!cond && !cc_emit_jump_noline(c, OP_JUMP, target)) return 0;
            cc_use_next_block(c, end);
            return 1;
        }
    }
    return cc_expr(c, e) && cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, target);
}

Code *compile_module(VM *vm, Node *module, const char *filename, SyntaxErrorInfo *err) {
    Compiler c = {.vm = vm, .err = err};
    c.filename = str_intern(vm, filename, strlen(filename));
    if (!c.filename) {
        cc_nomem(&c);
        return NULL;
    }
    if (!symtable_build(&c.st, module, err)) return NULL;
    Code *code = NULL;
    if (!cc_unit_enter(&c, module, SCOPE_MODULE, "<module>", 8, 1)) goto fail;
    NodeList body = module->list;
    if (body.len && is_docstring(body.items[0])) {
        Node *s = body.items[0];
        c.u->loc = s->span;
        if (!cc_load_const(&c, cc_const_value(&c, s->a)) || !cc_name(&c, "__doc__", 7, 1, s->span)) goto fail;
        body.items++;
        body.len--;
    }
    if (!cc_setup_annotations_if_needed(&c, &body) || !cc_body(&c, &body)) goto fail;
    code = cc_unit_finish(&c);
    symtable_free(&c.st);
    return code;
fail:
    while (c.u) {
        Unit *p = c.u->parent;
        unit_free(c.u);
        c.u = p;
    }
    symtable_free(&c.st);
    return NULL;
}
