/* The abstract syntax tree. Every node keeps its full span (PEP 657): the first token's start to
 * the last token's end, exactly as CPython's parser records it. Nodes live in an arena that is
 * freed in one piece after compilation. */
#ifndef ANOLE_AST_H
#define ANOLE_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    int line, col, end_line, end_col;  /* CPython's convention: byte columns, end exclusive */
} Span;

typedef enum {
    /* statements */
    AST_MODULE, AST_FUNCTIONDEF, AST_RETURN, AST_ASSIGN, AST_AUGASSIGN, AST_IF, AST_WHILE, AST_FOR,
    AST_BREAK, AST_CONTINUE, AST_PASS, AST_EXPR_STMT, AST_GLOBAL,
    /* expressions */
    AST_BINOP, AST_UNARYOP, AST_BOOLOP, AST_COMPARE, AST_CALL, AST_NAME, AST_CONSTANT, AST_LIST,
    AST_TUPLE, AST_LISTCOMP, AST_COMPREHENSION, AST_SUBSCRIPT, AST_IFEXP, AST_ARG,
    /* added for the full language */
    AST_CLASSDEF, AST_TRY, AST_EXCEPTHANDLER, AST_RAISE, AST_WITH, AST_WITHITEM, AST_ASSERT,
    AST_DELETE, AST_IMPORT, AST_IMPORTFROM, AST_ALIAS, AST_NONLOCAL, AST_ANNASSIGN,
    AST_LAMBDA, AST_YIELD, AST_YIELDFROM, AST_ATTRIBUTE, AST_SLICE, AST_DICT, AST_SET,
    AST_DICTCOMP, AST_SETCOMP, AST_GENEXP, AST_STARRED, AST_KEYWORD, AST_JOINEDSTR,
    AST_FORMATTEDVALUE, AST_NAMEDEXPR, AST_ARGUMENTS,
} AstKind;

typedef enum { CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_INT, CONST_FLOAT, CONST_STR, CONST_BIGINT } ConstKind;

typedef enum { UNARY_NEG, UNARY_POS, UNARY_NOT, UNARY_INVERT } UnaryOpKind;
typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;
/* Comparison operators: the first six are COMPARE_OP's oparg. */
typedef enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE, CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN } CmpOp;

typedef struct Node Node;

typedef struct {
    Node **items;
    int len, cap;
} NodeList;

/* One node shape for every kind; the comment at each field says which kinds use it. */
struct Node {
    AstKind kind;
    Span span;
    int op;            /* BINOP: NB_* operator; UNARYOP, BOOLOP; AUGASSIGN: NB_* inplace operator */
    Node *a;           /* the main child: value, test, target, left, func, elt */
    Node *b;           /* the second child: right operand, iter, index */
    Node *c;           /* IFEXP: orelse */
    NodeList list;     /* body, targets, args, elements, comparators, generators, params */
    NodeList list2;    /* orelse; COMPREHENSION: ifs; DICT: values; ARGUMENTS: keyword-only; CALL: keywords */
    NodeList list3;    /* TRY: handlers' else (orelse); FUNCTIONDEF/CLASSDEF: decorators; CLASSDEF: keywords */
    NodeList list4;    /* TRY: finalbody */
    const char *str2;  /* ALIAS: the `as` name */
    size_t str2_len;
    int *cmpops;       /* COMPARE: one CmpOp per comparator */
    const char *str;   /* NAME, ARG, FUNCTIONDEF, GLOBAL names: the identifier; CONSTANT str: bytes */
    size_t str_len;
    ConstKind ctype;   /* CONSTANT */
    int64_t ival;          /* CONST_INT; CONST_BIGINT: the base, digits in str */
    double fval;
    int ctx_store;     /* NAME, SUBSCRIPT, TUPLE, LIST, ATTRIBUTE, STARRED used as targets (2: del) */
    int flag;          /* ANNASSIGN: simple name target; ARGUMENTS: number of positional-only */
};

typedef struct ArenaBlock ArenaBlock;
typedef struct {
    ArenaBlock *head;
} Arena;

void *arena_alloc(Arena *a, size_t size);
void arena_free(Arena *a);
int nodelist_push(Arena *a, NodeList *l, Node *n);

#endif
