/* The lexer. Indentation is measured in columns with tabs to the next multiple of 8, as CPython
 * does; inside brackets newlines and indentation are ignored (implicit line joining). */
#include "lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *src;
    size_t len, pos;
    int line;
    size_t line_start;
    Token *toks;
    size_t ntoks, cap;
    int indents[100];
    int nindent;
    char brackets[200];
    int bracket_line[200], bracket_col[200];
    int nbrackets;
    SyntaxErrorInfo *err;
} Lexer;

static int lexer_fail(Lexer *lx, const char *type, int line, int col, int end_col, const char *msg) {
    lx->err->type = type;
    snprintf(lx->err->message, sizeof lx->err->message, "%s", msg);
    lx->err->line = lx->err->end_line = line;
    lx->err->col = col;
    lx->err->end_col = end_col;
    return 0;
}

static int lexer_push(Lexer *lx, TokenKind kind, size_t start, size_t end, int line, int col,
                      int end_line, int end_col) {
    if (lx->ntoks == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 256;
        Token *t = realloc(lx->toks, cap * sizeof *t);
        if (!t) return lexer_fail(lx, "MemoryError", line, col, col, "out of memory");
        lx->toks = t;
        lx->cap = cap;
    }
    lx->toks[lx->ntoks++] = (Token){kind, line, col, end_line, end_col, start, end};
    return 1;
}

static const char *const lexer_ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *const lexer_ops2[] = {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=",
                                         "*=", "/=", "%=", "&=", "|=", "^=", "->", ":=", "@=", NULL};
static const char lexer_ops1[] = "()[]{}:,;.+-*/%&|^~<>=@";

int lexer_is_op(const char *src, const Token *t, const char *op) {
    size_t n = strlen(op);
    return t->kind == TOK_OP && t->end - t->start == n && memcmp(src + t->start, op, n) == 0;
}

static int lexer_is_ident_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static int lexer_is_ident_char(unsigned char c) {
    return lexer_is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Scans a string literal starting at the quote (prefix already consumed). */
static int lexer_string(Lexer *lx, size_t start, int col) {
    const char *s = lx->src;
    char q = s[lx->pos];
    int triple = lx->pos + 2 < lx->len && s[lx->pos + 1] == q && s[lx->pos + 2] == q;
    int start_line = lx->line;
    lx->pos += triple ? 3 : 1;
    for (;;) {
        if (lx->pos >= lx->len || (!triple && (s[lx->pos] == '\n' || s[lx->pos] == '\r'))) {
            char msg[120];
            if (triple) {
                snprintf(msg, sizeof msg, "unterminated triple-quoted string literal (detected at line %d)", lx->line);
                return lexer_fail(lx, "SyntaxError", start_line, col, col + 1, msg);
            }
            snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", lx->line);
            return lexer_fail(lx, "SyntaxError", start_line, col, col + 1, msg);
        }
        char c = s[lx->pos];
        if (c == '\\' && lx->pos + 1 < lx->len) {
            if (s[lx->pos + 1] == '\n') {
                lx->line++;
                lx->line_start = lx->pos + 2;
            }
            lx->pos += 2;
            continue;
        }
        if (c == '\n') {
            lx->line++;
            lx->line_start = lx->pos + 1;
        }
        if (c == q && (!triple || (lx->pos + 2 < lx->len && s[lx->pos + 1] == q && s[lx->pos + 2] == q))) {
            lx->pos += triple ? 3 : 1;
            break;
        }
        lx->pos++;
    }
    return lexer_push(lx, TOK_STRING, start, lx->pos, start_line, col, lx->line,
                      (int)(lx->pos - lx->line_start));
}

static int lexer_number(Lexer *lx, size_t start, int col) {
    const char *s = lx->src;
    while (lx->pos < lx->len) {
        char c = s[lx->pos];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.') {
            lx->pos++;
        } else if ((c == '+' || c == '-') && (s[lx->pos - 1] == 'e' || s[lx->pos - 1] == 'E') &&
                   !(s[start] == '0' && (s[start + 1] == 'x' || s[start + 1] == 'X'))) {
            lx->pos++;
        } else {
            break;
        }
    }
    return lexer_push(lx, TOK_NUMBER, start, lx->pos, lx->line, col, lx->line, (int)(lx->pos - lx->line_start));
}

/* Handles the indentation at the start of a logical line; returns 0 on error. */
static int lexer_indent(Lexer *lx) {
    const char *s = lx->src;
    for (;;) {
        int width = 0;
        size_t p = lx->pos;
        while (p < lx->len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\f')) {
            width = s[p] == '\t' ? (width / 8 + 1) * 8 : s[p] == ' ' ? width + 1 : 0;
            p++;
        }
        /* Blank and comment-only lines do not affect indentation. */
        if (p < lx->len && s[p] == '#') {
            while (p < lx->len && s[p] != '\n') p++;
        }
        if (p < lx->len && (s[p] == '\n' || s[p] == '\r')) {
            if (s[p] == '\r' && p + 1 < lx->len && s[p + 1] == '\n') p++;
            lx->pos = p + 1;
            lx->line++;
            lx->line_start = lx->pos;
            continue;
        }
        if (p >= lx->len) {
            lx->pos = p;
            return 1;
        }
        lx->pos = p;
        int col = (int)(p - lx->line_start);
        if (width > lx->indents[lx->nindent]) {
            if (lx->nindent + 1 >= (int)(sizeof lx->indents / sizeof lx->indents[0]))
                return lexer_fail(lx, "IndentationError", lx->line, 0, col, "too many levels of indentation");
            lx->indents[++lx->nindent] = width;
            return lexer_push(lx, TOK_INDENT, lx->line_start, p, lx->line, 0, lx->line, col);
        }
        while (width < lx->indents[lx->nindent]) {
            lx->nindent--;
            if (!lexer_push(lx, TOK_DEDENT, p, p, lx->line, col, lx->line, col)) return 0;
        }
        if (width != lx->indents[lx->nindent]) {
            /* CPython points just past the end of the offending line. */
            size_t e = p;
            while (e < lx->len && lx->src[e] != '\n' && lx->src[e] != '\r') e++;
            int end = (int)(e - lx->line_start);
            return lexer_fail(lx, "IndentationError", lx->line, end, end + 1,
                              "unindent does not match any outer indentation level");
        }
        return 1;
    }
}

int lexer_tokenize(const char *src, size_t len, TokenList *out, SyntaxErrorInfo *err) {
    Lexer lx = {.src = src, .len = len, .line = 1, .err = err};
    int at_line_start = 1;
    /* A UTF-8 byte order mark is not part of the program. */
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) lx.pos = lx.line_start = 3;
    for (;;) {
        if (at_line_start && lx.nbrackets == 0) {
            if (!lexer_indent(&lx)) goto fail;
            at_line_start = 0;
        }
        if (lx.pos >= len) break;
        char c = src[lx.pos];
        int col = (int)(lx.pos - lx.line_start);
        size_t start = lx.pos;
        if (c == ' ' || c == '\t' || c == '\f') {
            lx.pos++;
        } else if (c == '#') {
            while (lx.pos < len && src[lx.pos] != '\n' && src[lx.pos] != '\r') lx.pos++;
        } else if (c == '\\' && lx.pos + 1 < len && (src[lx.pos + 1] == '\n' || src[lx.pos + 1] == '\r')) {
            lx.pos += (src[lx.pos + 1] == '\r' && lx.pos + 2 < len && src[lx.pos + 2] == '\n') ? 3 : 2;
            lx.line++;
            lx.line_start = lx.pos;
        } else if (c == '\n' || c == '\r') {
            size_t nl = (c == '\r' && lx.pos + 1 < len && src[lx.pos + 1] == '\n') ? 2 : 1;
            if (lx.nbrackets == 0) {
                if (!lexer_push(&lx, TOK_NEWLINE, start, start + nl, lx.line, col, lx.line, col + 1)) goto fail;
                at_line_start = 1;
            }
            lx.pos += nl;
            lx.line++;
            lx.line_start = lx.pos;
        } else if (lexer_is_ident_start((unsigned char)c)) {
            while (lx.pos < len && lexer_is_ident_char((unsigned char)src[lx.pos])) lx.pos++;
            size_t n = lx.pos - start;
            /* String prefixes: r, b, f, u and their combinations, directly before a quote. */
            if (n <= 2 && lx.pos < len && (src[lx.pos] == '\'' || src[lx.pos] == '"')) {
                int ok = 1;
                for (size_t i = start; i < lx.pos; i++)
                    if (!strchr("rRbBfFuU", src[i])) ok = 0;
                if (ok) {
                    if (!lexer_string(&lx, start, col)) goto fail;
                    continue;
                }
            }
            if (!lexer_push(&lx, TOK_NAME, start, lx.pos, lx.line, col, lx.line, (int)(lx.pos - lx.line_start))) goto fail;
        } else if ((c >= '0' && c <= '9') || (c == '.' && lx.pos + 1 < len && src[lx.pos + 1] >= '0' && src[lx.pos + 1] <= '9')) {
            if (!lexer_number(&lx, start, col)) goto fail;
        } else if (c == '\'' || c == '"') {
            if (!lexer_string(&lx, start, col)) goto fail;
        } else {
            size_t n = 0;
            for (int i = 0; lexer_ops3[i] && !n; i++)
                if (lx.pos + 3 <= len && memcmp(src + lx.pos, lexer_ops3[i], 3) == 0) n = 3;
            for (int i = 0; lexer_ops2[i] && !n; i++)
                if (lx.pos + 2 <= len && memcmp(src + lx.pos, lexer_ops2[i], 2) == 0) n = 2;
            if (!n && strchr(lexer_ops1, c) && c) n = 1;
            if (!n) {
                char msg[80];
                if ((unsigned char)c < 0x80 && c >= 0x20)
                    snprintf(msg, sizeof msg, "invalid character '%c' (U+%04X)", c, (unsigned)c);
                else snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned char)c);
                lexer_fail(&lx, "SyntaxError", lx.line, col, col + 1, msg);
                goto fail;
            }
            if (n == 1 && strchr("([{", c)) {
                if (lx.nbrackets == (int)sizeof lx.brackets) {
                    lexer_fail(&lx, "SyntaxError", lx.line, col, col + 1, "too many nested parentheses");
                    goto fail;
                }
                lx.bracket_line[lx.nbrackets] = lx.line;
                lx.bracket_col[lx.nbrackets] = col;
                lx.brackets[lx.nbrackets++] = c;
            } else if (n == 1 && strchr(")]}", c)) {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                char msg[120];
                if (lx.nbrackets == 0) {
                    snprintf(msg, sizeof msg, "unmatched '%c'", c);
                    lexer_fail(&lx, "SyntaxError", lx.line, col, col + 1, msg);
                    goto fail;
                }
                if (lx.brackets[lx.nbrackets - 1] != open) {
                    int bl = lx.bracket_line[lx.nbrackets - 1];
                    if (bl == lx.line)
                        snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                                 c, lx.brackets[lx.nbrackets - 1]);
                    else
                        snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                                 c, lx.brackets[lx.nbrackets - 1], bl);
                    lexer_fail(&lx, "SyntaxError", lx.line, col, col + 1, msg);
                    goto fail;
                }
                lx.nbrackets--;
            }
            lx.pos += n;
            if (!lexer_push(&lx, TOK_OP, start, lx.pos, lx.line, col, lx.line, col + (int)n)) goto fail;
        }
    }
    if (lx.nbrackets) {
        char msg[80];
        int i = lx.nbrackets - 1;
        snprintf(msg, sizeof msg, "'%c' was never closed", lx.brackets[i]);
        lexer_fail(&lx, "SyntaxError", lx.bracket_line[i], lx.bracket_col[i], lx.bracket_col[i] + 1, msg);
        goto fail;
    }
    if (lx.ntoks && lx.toks[lx.ntoks - 1].kind != TOK_NEWLINE && lx.toks[lx.ntoks - 1].kind != TOK_DEDENT &&
        lx.toks[lx.ntoks - 1].kind != TOK_INDENT) {
        int col = (int)(lx.pos - lx.line_start);
        if (!lexer_push(&lx, TOK_NEWLINE, len, len, lx.line, col, lx.line, col + 1)) goto fail;
    }
    while (lx.nindent > 0) {
        lx.nindent--;
        if (!lexer_push(&lx, TOK_DEDENT, len, len, lx.line, 0, lx.line, 0)) goto fail;
    }
    if (!lexer_push(&lx, TOK_ENDMARKER, len, len, lx.line, 0, lx.line, 0)) goto fail;
    out->tokens = lx.toks;
    out->ntokens = lx.ntoks;
    return 1;
fail:
    free(lx.toks);
    out->tokens = NULL;
    out->ntokens = 0;
    return 0;
}

void lexer_free(TokenList *toks) {
    free(toks->tokens);
    toks->tokens = NULL;
    toks->ntokens = 0;
}
