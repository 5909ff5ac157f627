/* The parser: tokens to an AST whose every node keeps its span. */
#ifndef ANOLE_PARSER_H
#define ANOLE_PARSER_H

#include "ast.h"
#include "lexer.h"

/* Parses a whole module. Returns NULL and fills err on a syntax error. */
Node *parser_parse_module(const char *src, size_t len, Arena *arena, SyntaxErrorInfo *err);

/* Parses src as a single expression (used to place traceback carets). NULL when it is not one. */
Node *parser_parse_expression(const char *src, size_t len, Arena *arena);

#endif
