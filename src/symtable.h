/* The symbol table: for every scope (module, class, function, lambda, comprehension), which
 * names are local, global, free (from an enclosing function) or cells (captured by an inner
 * function). Built once over the AST before compiling, as CPython's symtable.c does. */
#ifndef ANOLE_SYMTABLE_H
#define ANOLE_SYMTABLE_H

#include "ast.h"
#include "lexer.h"

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION } ScopeKind;

enum {
    SYM_ASSIGNED = 1 << 0,   /* bound in this scope (assignment, def, import, for, param ...) */
    SYM_PARAM = 1 << 1,
    SYM_GLOBAL = 1 << 2,     /* declared global */
    SYM_NONLOCAL = 1 << 3,   /* declared nonlocal */
    SYM_USED = 1 << 4,       /* read in this scope */
    SYM_FREE = 1 << 5,       /* resolved: comes from an enclosing function's cell */
    SYM_CELL = 1 << 6,       /* resolved: a local captured by an inner scope */
    SYM_IMPORTED = 1 << 7,   /* bound by an import statement */
};

typedef struct {
    const char *name;
    size_t len;
    int flags;
} Symbol;

typedef struct Scope {
    ScopeKind kind;
    Node *node;              /* MODULE, CLASSDEF, FUNCTIONDEF, LAMBDA, *COMP, GENEXP */
    struct Scope *parent;
    Symbol *syms;
    int nsyms, capsyms;
    struct Scope **children;
    int nchildren, capchildren;
    int is_generator;
    int uses_super;          /* mentions super or __class__: methods need their class */
} Scope;

typedef struct {
    Scope *root;
    Scope **all;             /* every scope, to find a node's scope */
    int nall, capall;
} SymTable;

/* Builds the table; returns 0 and fills err on an error (e.g. nonlocal at module level). */
int symtable_build(SymTable *st, Node *module, SyntaxErrorInfo *err);
void symtable_free(SymTable *st);
Scope *symtable_scope_of(SymTable *st, Node *node);
Symbol *symtable_lookup(Scope *s, const char *name, size_t len);

#endif
