/* Shared between the parser's two files (parser.c: tokens and expressions; parsestmt.c:
 * statements). Not for use outside the parser. */
#ifndef ANOLE_PARSER_INTERNAL_H
#define ANOLE_PARSER_INTERNAL_H

#include "ast.h"
#include "lexer.h"

typedef struct {
    const char *src;
    Token *toks;
    size_t ntoks, pos;
    Arena *arena;
    SyntaxErrorInfo *err;
    int failed;
    int depth;   /* nesting of the recursive expression rules (parse_enter) */
} Parser;

/* How deeply expressions may nest (-(-(-x)), not not x, lambda: lambda: x, a if b else (...)).
 * CPython 3.11 stops at about the same depth with "RecursionError: maximum recursion depth
 * exceeded during compilation"; the limit keeps the parser's, compiler's and symbol table's C
 * recursion within the stack, which is smaller under WebAssembly. Brackets are limited apart,
 * by the lexer (200 levels, as in CPython). */
#define PARSER_MAX_DEPTH 2999

/* Enters one level of a recursive expression rule: 0 (and the RecursionError) when too deep.
 * Each successful parse_enter is paired with p->depth-- on the way out. */
int parse_enter(Parser *p);

Token *parse_peek(Parser *p);
Token *parse_peek_at(Parser *p, size_t k);
Token *parse_advance(Parser *p);
int parse_is_op(Parser *p, const char *op);
int parse_is_kw(Parser *p, const char *kw);
int parse_tok_is_name(Parser *p, const Token *t, const char *kw);
int parse_tok_is_keyword(Parser *p, const Token *t);
int parse_error_at(Parser *p, const char *type, int line, int col, int end_line, int end_col, const char *msg);
Node *parse_error_tok(Parser *p, const Token *t, const char *msg);
Node *parse_syntax_error(Parser *p);
int parse_expect_op(Parser *p, const char *op);
Node *parse_node_new(Parser *p, AstKind kind, size_t start_tok);
void parse_node_finish(Parser *p, Node *n);
int parse_push(Parser *p, NodeList *l, Node *n);

Node *parse_expression(Parser *p);           /* expression (incl. lambda and ternary) */
Node *parse_named_expression(Parser *p);     /* expression or NAME := expression */
Node *parse_star_expressions(Parser *p);     /* a, *b, c as a tuple */
Node *parse_disjunction(Parser *p);
Node *parse_bitwise_or(Parser *p);
Node *parse_star_targets(Parser *p);         /* for-loop and comprehension targets */
Node *parse_arguments_def(Parser *p, const char *close, int lambda); /* parameter lists */
Node *parse_yield(Parser *p);
size_t parse_decode_escape(const char *s, size_t n, char *out);

/* parsestmt.c */
int parse_statement_into(Parser *p, NodeList *body);
int parse_check_target(Parser *p, Node *t, int del);

#endif
