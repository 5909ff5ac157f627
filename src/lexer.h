/* The lexer: UTF-8 source to tokens with positions, INDENT/DEDENT and implicit line joining. */
#ifndef ANOLE_LEXER_H
#define ANOLE_LEXER_H

#include <stddef.h>

typedef enum {
    TOK_ENDMARKER,
    TOK_NAME,
    TOK_NUMBER,
    TOK_STRING,
    TOK_OP,
    TOK_NEWLINE,
    TOK_INDENT,
    TOK_DEDENT,
} TokenKind;

/* Positions are CPython's: 1-based lines, 0-based UTF-8 byte columns, end exclusive. */
typedef struct {
    TokenKind kind;
    int line, col, end_line, end_col;
    size_t start, end;   /* byte offsets of the token's text in the source */
} Token;

/* A syntax error, CPython style: the exception type's name, the message, and the span the carets
 * go under. */
typedef struct {
    const char *type;    /* "SyntaxError" or "IndentationError" */
    char message[200];
    int line, col, end_line, end_col;
} SyntaxErrorInfo;

typedef struct {
    Token *tokens;
    size_t ntokens;
} TokenList;

/* Tokenizes the whole source. Returns 0 and fills err on a tokenizer error. */
int lexer_tokenize(const char *src, size_t len, TokenList *out, SyntaxErrorInfo *err);
void lexer_free(TokenList *toks);

/* True when the token is the operator op (exact text). */
int lexer_is_op(const char *src, const Token *t, const char *op);

#endif
