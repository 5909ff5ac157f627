/* The symbol table pass. First every scope records what it binds, declares and uses; then free
 * names are resolved against enclosing function scopes (class scopes are skipped, as in Python),
 * marking them free here and cells where they are bound. */
#include "symtable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    SymTable *st;
    SyntaxErrorInfo *err;
    int failed;
} SymBuilder;

static int sym_error(SymBuilder *b, Span at, const char *msg) {
    if (!b->failed) {
        b->failed = 1;
        b->err->type = "SyntaxError";
        snprintf(b->err->message, sizeof b->err->message, "%s", msg);
        b->err->line = at.line;
        b->err->col = at.col;
        b->err->end_line = at.end_line;
        b->err->end_col = at.end_col;
    }
    return 0;
}

Symbol *symtable_lookup(Scope *s, const char *name, size_t len) {
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].len == len && memcmp(s->syms[i].name, name, len) == 0) return &s->syms[i];
    return NULL;
}

static Symbol *sym_add(SymBuilder *b, Scope *s, const char *name, size_t len, int flags) {
    Symbol *sym = symtable_lookup(s, name, len);
    if (!sym) {
        if (s->nsyms == s->capsyms) {
            int cap = s->capsyms ? s->capsyms * 2 : 16;
            Symbol *p = realloc(s->syms, (size_t)cap * sizeof *p);
            if (!p) {
                b->failed = 1;
                return NULL;
            }
            s->syms = p;
            s->capsyms = cap;
        }
        sym = &s->syms[s->nsyms++];
        *sym = (Symbol){name, len, 0};
    }
    sym->flags |= flags;
    return sym;
}

static Scope *scope_new(SymBuilder *b, ScopeKind kind, Node *node, Scope *parent) {
    Scope *s = calloc(1, sizeof(Scope));
    SymTable *st = b->st;
    if (!s) return NULL;
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    if (st->nall == st->capall) {
        int cap = st->capall ? st->capall * 2 : 16;
        Scope **p = realloc(st->all, (size_t)cap * sizeof *p);
        if (!p) {
            free(s);
            return NULL;
        }
        st->all = p;
        st->capall = cap;
    }
    st->all[st->nall++] = s;
    if (parent) {
        if (parent->nchildren == parent->capchildren) {
            int cap = parent->capchildren ? parent->capchildren * 2 : 4;
            Scope **p = realloc(parent->children, (size_t)cap * sizeof *p);
            if (!p) return NULL;
            parent->children = p;
            parent->capchildren = cap;
        }
        parent->children[parent->nchildren++] = s;
    }
    return s;
}

static void visit_expr(SymBuilder *b, Scope *s, Node *e);
static void visit_stmts(SymBuilder *b, Scope *s, NodeList *l);

static void visit_exprs(SymBuilder *b, Scope *s, NodeList *l) {
    for (int i = 0; i < l->len; i++)
        if (l->items[i]) visit_expr(b, s, l->items[i]);
}

static void bind(SymBuilder *b, Scope *s, const char *name, size_t len) { sym_add(b, s, name, len, SYM_ASSIGNED); }

static void visit_target(SymBuilder *b, Scope *s, Node *t) {
    switch (t->kind) {
    case AST_NAME: bind(b, s, t->str, t->str_len); break;
    case AST_TUPLE:
    case AST_LIST:
        for (int i = 0; i < t->list.len; i++) visit_target(b, s, t->list.items[i]);
        break;
    case AST_STARRED: visit_target(b, s, t->a); break;
    default: visit_expr(b, s, t); break;
    }
}

static void visit_arguments_defaults(SymBuilder *b, Scope *s, Node *args) {
    for (int i = 0; i < args->list.len; i++) {
        if (args->list.items[i]->a) visit_expr(b, s, args->list.items[i]->a);
        if (args->list.items[i]->b) visit_expr(b, s, args->list.items[i]->b);
    }
    for (int i = 0; i < args->list2.len; i++) {
        if (args->list2.items[i]->a) visit_expr(b, s, args->list2.items[i]->a);
        if (args->list2.items[i]->b) visit_expr(b, s, args->list2.items[i]->b);
    }
    if (args->a && args->a->b) visit_expr(b, s, args->a->b);
    if (args->b && args->b->b) visit_expr(b, s, args->b->b);
}

static void bind_params(SymBuilder *b, Scope *fs, Node *args) {
    for (int i = 0; i < args->list.len; i++) sym_add(b, fs, args->list.items[i]->str, args->list.items[i]->str_len, SYM_ASSIGNED | SYM_PARAM);
    for (int i = 0; i < args->list2.len; i++) sym_add(b, fs, args->list2.items[i]->str, args->list2.items[i]->str_len, SYM_ASSIGNED | SYM_PARAM);
    if (args->a) sym_add(b, fs, args->a->str, args->a->str_len, SYM_ASSIGNED | SYM_PARAM);
    if (args->b) sym_add(b, fs, args->b->str, args->b->str_len, SYM_ASSIGNED | SYM_PARAM);
}

/* Comprehensions are functions of one argument, `.0`, the outermost iterable evaluated outside. */
static void visit_comprehension(SymBuilder *b, Scope *s, Node *e) {
    Node *first = e->list.items[0];
    visit_expr(b, s, first->b);
    Scope *cs = scope_new(b, SCOPE_FUNCTION, e, s);
    if (!cs) {
        b->failed = 1;
        return;
    }
    cs->is_generator = e->kind == AST_GENEXP;
    sym_add(b, cs, ".0", 2, SYM_ASSIGNED | SYM_PARAM);
    for (int g = 0; g < e->list.len; g++) {
        Node *gen = e->list.items[g];
        if (g > 0) visit_expr(b, cs, gen->b);
        visit_target(b, cs, gen->a);
        visit_exprs(b, cs, &gen->list2);
    }
    visit_expr(b, cs, e->a);
    if (e->b) visit_expr(b, cs, e->b);
}

static void visit_expr(SymBuilder *b, Scope *s, Node *e) {
    if (!e || b->failed) return;
    switch (e->kind) {
    case AST_NAME:
        if (e->ctx_store) bind(b, s, e->str, e->str_len);
        else sym_add(b, s, e->str, e->str_len, SYM_USED);
        if (e->str_len == 5 && memcmp(e->str, "super", 5) == 0) s->uses_super = 1;
        break;
    case AST_LAMBDA: {
        visit_arguments_defaults(b, s, e->a);
        Scope *fs = scope_new(b, SCOPE_FUNCTION, e, s);
        if (!fs) {
            b->failed = 1;
            return;
        }
        bind_params(b, fs, e->a);
        visit_expr(b, fs, e->b);
        break;
    }
    case AST_LISTCOMP: case AST_SETCOMP: case AST_DICTCOMP: case AST_GENEXP: visit_comprehension(b, s, e); break;
    case AST_YIELD: case AST_YIELDFROM:
        s->is_generator = 1;
        if (e->a) visit_expr(b, s, e->a);
        break;
    case AST_NAMEDEXPR: {
        /* The walrus binds in the nearest enclosing non-comprehension scope. */
        Scope *t = s;
        while (t->parent && t->node && (t->node->kind == AST_LISTCOMP || t->node->kind == AST_SETCOMP ||
                                        t->node->kind == AST_DICTCOMP || t->node->kind == AST_GENEXP))
            t = t->parent;
        if (t != s) {
            sym_add(b, s, e->a->str, e->a->str_len, SYM_USED | SYM_NONLOCAL);
            if (t->kind == SCOPE_MODULE) {
                symtable_lookup(s, e->a->str, e->a->str_len)->flags = SYM_GLOBAL | SYM_USED;
            }
        }
        bind(b, t, e->a->str, e->a->str_len);
        visit_expr(b, s, e->b);
        break;
    }
    case AST_CONSTANT: break;
    default:
        visit_expr(b, s, e->a);
        visit_expr(b, s, e->b);
        visit_expr(b, s, e->c);
        visit_exprs(b, s, &e->list);
        visit_exprs(b, s, &e->list2);
        break;
    }
}

static void visit_stmt(SymBuilder *b, Scope *s, Node *st) {
    if (b->failed) return;
    switch (st->kind) {
    case AST_FUNCTIONDEF: {
        visit_exprs(b, s, &st->list3);
        visit_arguments_defaults(b, s, st->a);
        if (st->b) visit_expr(b, s, st->b);
        bind(b, s, st->str, st->str_len);
        Scope *fs = scope_new(b, SCOPE_FUNCTION, st, s);
        if (!fs) {
            b->failed = 1;
            return;
        }
        bind_params(b, fs, st->a);
        visit_stmts(b, fs, &st->list2);
        break;
    }
    case AST_CLASSDEF: {
        visit_exprs(b, s, &st->list3);
        visit_exprs(b, s, &st->list);
        for (int i = 0; i < st->list4.len; i++) visit_expr(b, s, st->list4.items[i]->a);
        bind(b, s, st->str, st->str_len);
        Scope *cs = scope_new(b, SCOPE_CLASS, st, s);
        if (!cs) {
            b->failed = 1;
            return;
        }
        visit_stmts(b, cs, &st->list2);
        break;
    }
    case AST_GLOBAL:
    case AST_NONLOCAL:
        for (int i = 0; i < st->list.len; i++) {
            Node *n = st->list.items[i];
            Symbol *prev = symtable_lookup(s, n->str, n->str_len);
            if (prev && (prev->flags & (SYM_ASSIGNED | SYM_USED))) {
                char msg[200];
                snprintf(msg, sizeof msg, "name '%.*s' is %s prior to %s declaration", (int)n->str_len, n->str,
                         (prev->flags & SYM_ASSIGNED) ? "assigned to" : "used", st->kind == AST_GLOBAL ? "global" : "nonlocal");
                sym_error(b, n->span, msg);
                return;
            }
            if (st->kind == AST_NONLOCAL && s->kind == SCOPE_MODULE) {
                sym_error(b, st->span, "nonlocal declaration not allowed at module level");
                return;
            }
            sym_add(b, s, n->str, n->str_len, st->kind == AST_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL);
            /* As CPython's symtable records a global declaration in the module's own symbols
             * (st_global): module-level code then reaches that name with LOAD_GLOBAL and
             * STORE_GLOBAL, wherever the declaration is. */
            Scope *module = s;
            while (module->parent) module = module->parent;
            if (st->kind == AST_GLOBAL && module != s) sym_add(b, module, n->str, n->str_len, SYM_GLOBAL);
        }
        break;
    case AST_ASSIGN:
        for (int i = 0; i < st->list.len; i++) visit_target(b, s, st->list.items[i]);
        visit_expr(b, s, st->a);
        break;
    case AST_AUGASSIGN:
        if (st->a->kind == AST_NAME) sym_add(b, s, st->a->str, st->a->str_len, SYM_ASSIGNED | SYM_USED);
        else visit_expr(b, s, st->a);
        visit_expr(b, s, st->b);
        break;
    case AST_ANNASSIGN:
        if (st->a->kind == AST_NAME) bind(b, s, st->a->str, st->a->str_len);
        else visit_expr(b, s, st->a);
        visit_expr(b, s, st->b);
        visit_expr(b, s, st->c);
        break;
    case AST_FOR:
        visit_target(b, s, st->a);
        visit_expr(b, s, st->b);
        visit_stmts(b, s, &st->list);
        visit_stmts(b, s, &st->list2);
        break;
    case AST_WITH:
        for (int i = 0; i < st->list.len; i++) {
            visit_expr(b, s, st->list.items[i]->a);
            if (st->list.items[i]->b) visit_target(b, s, st->list.items[i]->b);
        }
        visit_stmts(b, s, &st->list2);
        break;
    case AST_TRY:
        visit_stmts(b, s, &st->list);
        for (int i = 0; i < st->list2.len; i++) {
            Node *h = st->list2.items[i];
            if (h->a) visit_expr(b, s, h->a);
            if (h->str) bind(b, s, h->str, h->str_len);
            visit_stmts(b, s, &h->list);
        }
        visit_stmts(b, s, &st->list3);
        visit_stmts(b, s, &st->list4);
        break;
    case AST_IMPORT:
    case AST_IMPORTFROM:
        for (int i = 0; i < st->list.len; i++) {
            Node *a = st->list.items[i];
            if (a->str2) sym_add(b, s, a->str2, a->str2_len, SYM_ASSIGNED | SYM_IMPORTED);
            else if (a->str_len == 1 && a->str[0] == '*') continue;
            else {
                size_t n = 0;
                while (n < a->str_len && a->str[n] != '.') n++;
                sym_add(b, s, a->str, n, SYM_ASSIGNED | SYM_IMPORTED);
            }
        }
        break;
    case AST_DELETE:
        for (int i = 0; i < st->list.len; i++) visit_target(b, s, st->list.items[i]);
        break;
    case AST_IF:
    case AST_WHILE:
        visit_expr(b, s, st->a);
        visit_stmts(b, s, &st->list);
        visit_stmts(b, s, &st->list2);
        break;
    default:
        visit_expr(b, s, st->a);
        visit_expr(b, s, st->b);
        break;
    }
}

static void visit_stmts(SymBuilder *b, Scope *s, NodeList *l) {
    for (int i = 0; i < l->len && !b->failed; i++) visit_stmt(b, s, l->items[i]);
}

/* Finds the function scope that binds name, above s, skipping classes. */
static Scope *resolve_enclosing(Scope *s, const char *name, size_t len) {
    for (Scope *p = s->parent; p && p->kind != SCOPE_MODULE; p = p->parent) {
        if (p->kind == SCOPE_CLASS) continue;
        Symbol *sym = symtable_lookup(p, name, len);
        if (!sym) continue;
        if (sym->flags & SYM_GLOBAL) return NULL;
        if ((sym->flags & SYM_ASSIGNED) && !(sym->flags & SYM_NONLOCAL)) return p;
    }
    return NULL;
}

/* Marks `name` free in every function scope from s up to (not including) owner. */
static void mark_free_path(SymBuilder *b, Scope *s, Scope *owner, const char *name, size_t len) {
    for (Scope *p = s; p && p != owner; p = p->parent) {
        Symbol *sym = sym_add(b, p, name, len, 0);
        if (!sym) return;
        if (p->kind == SCOPE_CLASS) {
            /* A class between a function and its free variable passes it through as a free name. */
            sym->flags |= SYM_FREE;
            continue;
        }
        sym->flags |= SYM_FREE;
    }
    Symbol *osym = symtable_lookup(owner, name, len);
    if (osym) osym->flags |= SYM_CELL;
}

static void resolve(SymBuilder *b, Scope *s) {
    for (int i = 0; i < s->nchildren; i++) resolve(b, s->children[i]);
    if (s->kind == SCOPE_MODULE) return;
    for (int i = 0; i < s->nsyms; i++) {
        Symbol sym = s->syms[i];
        if (sym.flags & SYM_GLOBAL) continue;
        int wants_outer = (sym.flags & SYM_NONLOCAL) || ((sym.flags & SYM_USED) && !(sym.flags & SYM_ASSIGNED)) ||
                          ((sym.flags & SYM_FREE) && !(sym.flags & SYM_ASSIGNED));
        if (s->kind == SCOPE_CLASS && !(sym.flags & SYM_NONLOCAL) && !(sym.flags & SYM_FREE)) continue;
        if (!wants_outer) continue;
        Scope *owner = resolve_enclosing(s, sym.name, sym.len);
        if (owner) mark_free_path(b, s, owner, sym.name, sym.len);
        else if (sym.flags & SYM_NONLOCAL) {
            char msg[160];
            snprintf(msg, sizeof msg, "no binding for nonlocal '%.*s' found", (int)sym.len, sym.name);
            sym_error(b, s->node ? s->node->span : (Span){1, 0, 1, 0}, msg);
            return;
        }
    }
}

int symtable_build(SymTable *st, Node *module, SyntaxErrorInfo *err) {
    memset(st, 0, sizeof *st);
    SymBuilder b = {st, err, 0};
    st->root = scope_new(&b, SCOPE_MODULE, module, NULL);
    if (!st->root) return 0;
    visit_stmts(&b, st->root, &module->list);
    /* Resolution may add free names to intermediate scopes; two passes settle chains. */
    if (!b.failed) resolve(&b, st->root);
    if (!b.failed) resolve(&b, st->root);
    if (b.failed && !err->type) {
        err->type = "MemoryError";
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    return !b.failed;
}

void symtable_free(SymTable *st) {
    for (int i = 0; i < st->nall; i++) {
        free(st->all[i]->syms);
        free(st->all[i]->children);
        free(st->all[i]);
    }
    free(st->all);
    memset(st, 0, sizeof *st);
}

Scope *symtable_scope_of(SymTable *st, Node *node) {
    for (int i = 0; i < st->nall; i++)
        if (st->all[i]->node == node) return st->all[i];
    return NULL;
}
