/* A recursive-descent parser for Python's grammar, one function per grammar rule. A node's span
 * runs from the first token its rule consumed to the last, so `(f - 32) * 5` starts at the
 * parenthesis while the inner `f - 32` does not, as in CPython. */
#include "parser.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *src;
    Token *toks;
    size_t ntoks, pos;
    Arena *arena;
    SyntaxErrorInfo *err;
    int failed;
} Parser;

static Node *parse_expression(Parser *p);
static Node *parse_statement_into(Parser *p, NodeList *body);
static Node *parse_star_expressions(Parser *p);
static Node *parse_bitwise_or(Parser *p);
static Node *parse_disjunction(Parser *p);

static Token *peek(Parser *p) { return &p->toks[p->pos]; }
static Token *peek_at(Parser *p, size_t k) {
    size_t i = p->pos + k;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}

static int is_op(Parser *p, const char *op) { return lexer_is_op(p->src, peek(p), op); }

static int tok_is_name(Parser *p, const Token *t, const char *kw) {
    size_t n = strlen(kw);
    return t->kind == TOK_NAME && t->end - t->start == n && memcmp(p->src + t->start, kw, n) == 0;
}
static int is_kw(Parser *p, const char *kw) { return tok_is_name(p, peek(p), kw); }

static const char *const parser_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", NULL,
};

static int tok_is_keyword(Parser *p, const Token *t) {
    for (int i = 0; parser_keywords[i]; i++)
        if (tok_is_name(p, t, parser_keywords[i])) return 1;
    return 0;
}

static int parser_error_at(Parser *p, const char *type, int line, int col, int end_line, int end_col,
                           const char *msg) {
    if (p->failed) return 0;
    p->failed = 1;
    p->err->type = type;
    snprintf(p->err->message, sizeof p->err->message, "%s", msg);
    p->err->line = line;
    p->err->col = col;
    p->err->end_line = end_line;
    p->err->end_col = end_col;
    return 0;
}

static Node *parser_error_tok(Parser *p, const Token *t, const char *msg) {
    parser_error_at(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, msg);
    return NULL;
}

static Node *syntax_error(Parser *p) { return parser_error_tok(p, peek(p), "invalid syntax"); }

static Token *advance(Parser *p) {
    Token *t = peek(p);
    if (p->pos < p->ntoks - 1) p->pos++;
    return t;
}

static int expect_op(Parser *p, const char *op) {
    if (is_op(p, op)) {
        advance(p);
        return 1;
    }
    if (strcmp(op, ":") == 0) {
        /* CPython reports the missing colon after the previous token. */
        Token *prev = &p->toks[p->pos - 1];
        parser_error_at(p, "SyntaxError", prev->end_line, prev->end_col, prev->end_line, prev->end_col + 1,
                        "expected ':'");
        return 0;
    }
    syntax_error(p);
    return 0;
}

/* The end of the last real token consumed (not NEWLINE, INDENT or DEDENT). */
static void span_end(Parser *p, Span *s) {
    size_t i = p->pos;
    while (i > 0) {
        Token *t = &p->toks[i - 1];
        if (t->kind != TOK_NEWLINE && t->kind != TOK_INDENT && t->kind != TOK_DEDENT) {
            s->end_line = t->end_line;
            s->end_col = t->end_col;
            return;
        }
        i--;
    }
}

static Node *node_new(Parser *p, AstKind kind, size_t start_tok) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) {
        parser_error_tok(p, peek(p), "out of memory");
        return NULL;
    }
    n->kind = kind;
    Token *t = &p->toks[start_tok];
    n->span.line = t->line;
    n->span.col = t->col;
    span_end(p, &n->span);
    return n;
}

static void node_finish(Parser *p, Node *n) { span_end(p, &n->span); }

static int push(Parser *p, NodeList *l, Node *n) {
    if (!n) return 0;
    if (!nodelist_push(p->arena, l, n)) {
        parser_error_tok(p, peek(p), "out of memory");
        return 0;
    }
    return 1;
}

/* ---- atoms ---- */

static Node *parse_number(Parser *p) {
    size_t start = p->pos;
    Token *t = advance(p);
    char buf[128];
    size_t n = 0;
    int is_float = 0, base = 10;
    const char *s = p->src + t->start;
    size_t len = t->end - t->start;
    for (size_t i = 0; i < len && n < sizeof buf - 1; i++)
        if (s[i] != '_') buf[n++] = s[i];
    buf[n] = 0;
    if (n > 1 && buf[0] == '0' && strchr("xXoObB", buf[1])) base = strchr("xX", buf[1]) ? 16 : strchr("oO", buf[1]) ? 8 : 2;
    else if (strpbrk(buf, ".eE")) is_float = 1;
    if (buf[n - 1] == 'j' || buf[n - 1] == 'J') return parser_error_tok(p, t, "complex numbers are not supported by Anole yet");
    Node *node = node_new(p, AST_CONSTANT, start);
    if (!node) return NULL;
    char *end;
    errno = 0;
    if (is_float) {
        node->ctype = CONST_FLOAT;
        node->fval = strtod(buf, &end);
    } else {
        node->ctype = CONST_INT;
        unsigned long long v = strtoull(base == 10 ? buf : buf + 2, &end, base);
        if (errno || v > 0x7fffffffffffull)
            return parser_error_tok(p, t, "integer literal too large (Anole's ints are limited to 48 bits for now)");
        if (base == 10 && n > 1 && buf[0] == '0' && v != 0)
            return parser_error_tok(p, t, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        node->ival = (int64_t)v;
    }
    if (*end) return parser_error_tok(p, t, "invalid decimal literal");
    return node;
}

static void utf8_put(char *out, size_t *n, unsigned long c) {
    if (c < 0x80) out[(*n)++] = (char)c;
    else if (c < 0x800) {
        out[(*n)++] = (char)(0xc0 | (c >> 6));
        out[(*n)++] = (char)(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out[(*n)++] = (char)(0xe0 | (c >> 12));
        out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[(*n)++] = (char)(0x80 | (c & 0x3f));
    } else {
        out[(*n)++] = (char)(0xf0 | (c >> 18));
        out[(*n)++] = (char)(0x80 | ((c >> 12) & 0x3f));
        out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3f));
        out[(*n)++] = (char)(0x80 | (c & 0x3f));
    }
}

/* Decodes one string token (prefix, quotes, escapes) and appends its bytes to out. */
static int decode_string(Parser *p, Token *t, char *out, size_t *n) {
    const char *s = p->src + t->start;
    size_t len = t->end - t->start;
    int raw = 0;
    size_t i = 0;
    while (s[i] != '\'' && s[i] != '"') {
        if (s[i] == 'r' || s[i] == 'R') raw = 1;
        if (s[i] == 'b' || s[i] == 'B') return !!parser_error_tok(p, t, "bytes literals are not supported by Anole yet");
        if (s[i] == 'f' || s[i] == 'F') return !!parser_error_tok(p, t, "f-strings are not supported by Anole yet");
        i++;
    }
    char q = s[i];
    size_t qn = (i + 2 < len && s[i + 1] == q && s[i + 2] == q && len - i >= 6) ? 3 : 1;
    size_t a = i + qn, b = len - qn;
    for (size_t k = a; k < b; k++) {
        char c = s[k];
        if (c == '\r') {
            out[(*n)++] = '\n';
            if (k + 1 < b && s[k + 1] == '\n') k++;
            continue;
        }
        if (c != '\\' || raw) {
            out[(*n)++] = c;
            if (c == '\\' && raw && k + 1 < b) out[(*n)++] = s[++k];
            continue;
        }
        char e = s[++k];
        switch (e) {
        case '\n': break;
        case 'n': out[(*n)++] = '\n'; break;
        case 't': out[(*n)++] = '\t'; break;
        case 'r': out[(*n)++] = '\r'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned long v = 0;
            int d = 0;
            while (d < 3 && k < b && s[k] >= '0' && s[k] <= '7') v = v * 8 + (unsigned long)(s[k++] - '0'), d++;
            k--;
            utf8_put(out, n, v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            unsigned long v = 0;
            for (int d = 0; d < digits; d++) {
                char h = k + 1 < b ? s[++k] : 0;
                int x = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
                if (x < 0) return !!parser_error_tok(p, t, "(unicode error) truncated escape sequence");
                v = v * 16 + (unsigned long)x;
            }
            utf8_put(out, n, v);
            break;
        }
        case 'a': out[(*n)++] = '\a'; break;
        case 'b': out[(*n)++] = '\b'; break;
        case 'f': out[(*n)++] = '\f'; break;
        case 'v': out[(*n)++] = '\v'; break;
        case '\\': case '\'': case '"': out[(*n)++] = e; break;
        default:
            out[(*n)++] = '\\';
            out[(*n)++] = e;
        }
    }
    return 1;
}

static Node *parse_strings(Parser *p) {
    size_t start = p->pos, total = 0;
    for (size_t k = p->pos; k < p->ntoks && p->toks[k].kind == TOK_STRING; k++) total += p->toks[k].end - p->toks[k].start;
    char *buf = arena_alloc(p->arena, total + 1);
    if (!buf) return parser_error_tok(p, peek(p), "out of memory");
    size_t n = 0;
    while (peek(p)->kind == TOK_STRING)
        if (!decode_string(p, advance(p), buf, &n)) return NULL;
    Node *node = node_new(p, AST_CONSTANT, start);
    if (!node) return NULL;
    node->ctype = CONST_STR;
    node->str = buf;
    node->str_len = n;
    return node;
}

static Node *parse_comprehension_tail(Parser *p, Node *elt, size_t start, const char *close);

/* ( ... ): a parenthesized expression keeps its inner span; a tuple includes the parentheses. */
static Node *parse_paren(Parser *p) {
    size_t start = p->pos;
    advance(p);
    if (is_op(p, ")")) {
        advance(p);
        return node_new(p, AST_TUPLE, start);
    }
    Node *first = parse_expression(p);
    if (!first) return NULL;
    if (is_op(p, ")")) {
        advance(p);
        return first;
    }
    if (is_kw(p, "for")) return parser_error_tok(p, peek(p), "generator expressions are not supported by Anole yet");
    if (!is_op(p, ",")) return syntax_error(p);
    Node *t = node_new(p, AST_TUPLE, start);
    if (!t || !push(p, &t->list, first)) return NULL;
    while (is_op(p, ",")) {
        advance(p);
        if (is_op(p, ")")) break;
        if (!push(p, &t->list, parse_expression(p))) return NULL;
    }
    if (!expect_op(p, ")")) return NULL;
    node_finish(p, t);
    return t;
}

static Node *parse_list_display(Parser *p) {
    size_t start = p->pos;
    advance(p);
    Node *l = node_new(p, AST_LIST, start);
    if (!l) return NULL;
    if (!is_op(p, "]")) {
        Node *first = parse_expression(p);
        if (!first) return NULL;
        if (is_kw(p, "for")) return parse_comprehension_tail(p, first, start, "]");
        if (!push(p, &l->list, first)) return NULL;
        while (is_op(p, ",")) {
            advance(p);
            if (is_op(p, "]")) break;
            if (!push(p, &l->list, parse_expression(p))) return NULL;
        }
    }
    if (!expect_op(p, "]")) return NULL;
    node_finish(p, l);
    return l;
}

static Node *parse_comprehension_tail(Parser *p, Node *elt, size_t start, const char *close) {
    Node *comp = node_new(p, AST_LISTCOMP, start);
    if (!comp) return NULL;
    comp->a = elt;
    while (is_kw(p, "for")) {
        size_t gstart = p->pos;
        advance(p);
        Node *gen = node_new(p, AST_COMPREHENSION, gstart);
        if (!gen) return NULL;
        gen->a = parse_bitwise_or(p);
        if (!gen->a) return NULL;
        if (is_op(p, ",")) return parser_error_tok(p, peek(p), "tuple targets are not supported by Anole yet");
        gen->a->ctx_store = 1;
        if (gen->a->kind != AST_NAME) return parser_error_tok(p, peek(p), "cannot assign to expression");
        if (!is_kw(p, "in")) return syntax_error(p);
        advance(p);
        /* The iterable and each condition of a comprehension are disjunctions in CPython's grammar. */
        gen->b = parse_disjunction(p);
        if (!gen->b) return NULL;
        while (is_kw(p, "if")) {
            advance(p);
            if (!push(p, &gen->list2, parse_disjunction(p))) return NULL;
        }
        node_finish(p, gen);
        if (!push(p, &comp->list, gen)) return NULL;
    }
    if (!expect_op(p, close)) return NULL;
    node_finish(p, comp);
    return comp;
}

static Node *parse_atom(Parser *p) {
    Token *t = peek(p);
    size_t start = p->pos;
    if (t->kind == TOK_NAME) {
        if (is_kw(p, "None") || is_kw(p, "True") || is_kw(p, "False")) {
            advance(p);
            Node *n = node_new(p, AST_CONSTANT, start);
            if (!n) return NULL;
            n->ctype = tok_is_name(p, t, "None") ? CONST_NONE : tok_is_name(p, t, "True") ? CONST_TRUE : CONST_FALSE;
            return n;
        }
        if (tok_is_keyword(p, t)) {
            if (is_kw(p, "lambda")) return parser_error_tok(p, t, "lambda is not supported by Anole yet");
            return syntax_error(p);
        }
        advance(p);
        Node *n = node_new(p, AST_NAME, start);
        if (!n) return NULL;
        n->str = p->src + t->start;
        n->str_len = t->end - t->start;
        return n;
    }
    if (t->kind == TOK_NUMBER) return parse_number(p);
    if (t->kind == TOK_STRING) return parse_strings(p);
    if (is_op(p, "(")) return parse_paren(p);
    if (is_op(p, "[")) return parse_list_display(p);
    if (is_op(p, "{")) return parser_error_tok(p, t, "dict and set displays are not supported by Anole yet");
    return syntax_error(p);
}

static Node *parse_primary(Parser *p) {
    size_t start = p->pos;
    Node *e = parse_atom(p);
    while (e) {
        if (is_op(p, "(")) {
            advance(p);
            Node *call = node_new(p, AST_CALL, start);
            if (!call) return NULL;
            call->a = e;
            while (!is_op(p, ")")) {
                if (peek(p)->kind == TOK_NAME && lexer_is_op(p->src, peek_at(p, 1), "="))
                    return parser_error_tok(p, peek(p), "keyword arguments are not supported by Anole yet");
                if (is_op(p, "*") || is_op(p, "**"))
                    return parser_error_tok(p, peek(p), "argument unpacking is not supported by Anole yet");
                Node *arg = parse_expression(p);
                if (!arg) return NULL;
                if (is_kw(p, "for")) return parser_error_tok(p, peek(p), "generator expressions are not supported by Anole yet");
                if (!push(p, &call->list, arg)) return NULL;
                if (!is_op(p, ",")) break;
                advance(p);
            }
            if (!expect_op(p, ")")) return NULL;
            node_finish(p, call);
            e = call;
        } else if (is_op(p, "[")) {
            advance(p);
            Node *sub = node_new(p, AST_SUBSCRIPT, start);
            if (!sub) return NULL;
            sub->a = e;
            if (is_op(p, ":")) return parser_error_tok(p, peek(p), "slices are not supported by Anole yet");
            sub->b = parse_expression(p);
            if (!sub->b) return NULL;
            if (is_op(p, ":")) return parser_error_tok(p, peek(p), "slices are not supported by Anole yet");
            if (!expect_op(p, "]")) return NULL;
            node_finish(p, sub);
            e = sub;
        } else if (is_op(p, ".")) {
            return parser_error_tok(p, peek(p), "attributes are not supported by Anole yet");
        } else {
            break;
        }
    }
    return e;
}

/* ---- operators ---- */

static Node *binop(Parser *p, size_t start, Node *left, int op, Node *right) {
    if (!left || !right) return NULL;
    Node *n = node_new(p, AST_BINOP, start);
    if (!n) return NULL;
    n->a = left;
    n->b = right;
    n->op = op;
    return n;
}

static Node *parse_factor(Parser *p);

static Node *parse_power(Parser *p) {
    size_t start = p->pos;
    Node *base = parse_primary(p);
    if (base && is_op(p, "**")) {
        advance(p);
        return binop(p, start, base, 8, parse_factor(p));
    }
    return base;
}

static Node *parse_factor(Parser *p) {
    size_t start = p->pos;
    int op = is_op(p, "-") ? UNARY_NEG : is_op(p, "+") ? UNARY_POS : is_op(p, "~") ? UNARY_INVERT : -1;
    if (op < 0) return parse_power(p);
    advance(p);
    Node *operand = parse_factor(p);
    if (!operand) return NULL;
    Node *n = node_new(p, AST_UNARYOP, start);
    if (!n) return NULL;
    n->op = op;
    n->a = operand;
    return n;
}

typedef struct {
    const char *text;
    int nb;
} OpEntry;

static Node *parse_binary_level(Parser *p, Node *(*next)(Parser *), const OpEntry *ops) {
    size_t start = p->pos;
    Node *left = next(p);
    for (;;) {
        if (!left) return NULL;
        int found = -1;
        for (int i = 0; ops[i].text; i++)
            if (is_op(p, ops[i].text)) found = ops[i].nb;
        if (found < 0) return left;
        advance(p);
        left = binop(p, start, left, found, next(p));
    }
}

static const OpEntry term_ops[] = {{"*", 5}, {"/", 11}, {"//", 2}, {"%", 6}, {"@", 4}, {NULL, 0}};
static const OpEntry sum_ops[] = {{"+", 0}, {"-", 10}, {NULL, 0}};
static const OpEntry shift_ops[] = {{"<<", 3}, {">>", 9}, {NULL, 0}};
static const OpEntry and_ops[] = {{"&", 1}, {NULL, 0}};
static const OpEntry xor_ops[] = {{"^", 12}, {NULL, 0}};
static const OpEntry or_ops[] = {{"|", 7}, {NULL, 0}};

static Node *parse_term(Parser *p) { return parse_binary_level(p, parse_factor, term_ops); }
static Node *parse_sum(Parser *p) { return parse_binary_level(p, parse_term, sum_ops); }
static Node *parse_shift(Parser *p) { return parse_binary_level(p, parse_sum, shift_ops); }
static Node *parse_bitwise_and(Parser *p) { return parse_binary_level(p, parse_shift, and_ops); }
static Node *parse_bitwise_xor(Parser *p) { return parse_binary_level(p, parse_bitwise_and, xor_ops); }
static Node *parse_bitwise_or(Parser *p) { return parse_binary_level(p, parse_bitwise_xor, or_ops); }

static int compare_op_here(Parser *p, int *op) {
    static const char *const syms[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (is_op(p, syms[i])) {
            advance(p);
            *op = i;
            return 1;
        }
    if (is_kw(p, "in")) {
        advance(p);
        *op = CMP_IN;
        return 1;
    }
    if (is_kw(p, "not") && tok_is_name(p, peek_at(p, 1), "in")) {
        advance(p);
        advance(p);
        *op = CMP_NOT_IN;
        return 1;
    }
    if (is_kw(p, "is")) {
        advance(p);
        *op = CMP_IS;
        if (is_kw(p, "not")) {
            advance(p);
            *op = CMP_IS_NOT;
        }
        return 1;
    }
    return 0;
}

static Node *parse_comparison(Parser *p) {
    size_t start = p->pos;
    Node *left = parse_bitwise_or(p);
    if (!left) return NULL;
    int op;
    if (!compare_op_here(p, &op)) return left;
    Node *n = node_new(p, AST_COMPARE, start);
    if (!n) return NULL;
    n->a = left;
    int ops[64], nops = 0;
    do {
        if (nops == 64) return parser_error_tok(p, peek(p), "too many comparisons");
        ops[nops++] = op;
        if (!push(p, &n->list, parse_bitwise_or(p))) return NULL;
    } while (compare_op_here(p, &op));
    n->cmpops = arena_alloc(p->arena, sizeof(int) * (size_t)nops);
    if (!n->cmpops) return parser_error_tok(p, peek(p), "out of memory");
    memcpy(n->cmpops, ops, sizeof(int) * (size_t)nops);
    node_finish(p, n);
    return n;
}

static Node *parse_inversion(Parser *p) {
    if (!is_kw(p, "not")) return parse_comparison(p);
    size_t start = p->pos;
    advance(p);
    Node *operand = parse_inversion(p);
    if (!operand) return NULL;
    Node *n = node_new(p, AST_UNARYOP, start);
    if (!n) return NULL;
    n->op = UNARY_NOT;
    n->a = operand;
    return n;
}

static Node *parse_boolop(Parser *p, Node *(*next)(Parser *), const char *kw, int op) {
    size_t start = p->pos;
    Node *first = next(p);
    if (!first || !is_kw(p, kw)) return first;
    Node *n = node_new(p, AST_BOOLOP, start);
    if (!n || !push(p, &n->list, first)) return NULL;
    n->op = op;
    while (is_kw(p, kw)) {
        advance(p);
        if (!push(p, &n->list, next(p))) return NULL;
    }
    node_finish(p, n);
    return n;
}

static Node *parse_conjunction(Parser *p) { return parse_boolop(p, parse_inversion, "and", BOOL_AND); }
static Node *parse_disjunction(Parser *p) { return parse_boolop(p, parse_conjunction, "or", BOOL_OR); }

static Node *parse_expression(Parser *p) {
    size_t start = p->pos;
    Node *body = parse_disjunction(p);
    if (!body || !is_kw(p, "if")) return body;
    advance(p);
    Node *n = node_new(p, AST_IFEXP, start);
    if (!n) return NULL;
    n->b = body;
    n->a = parse_disjunction(p);
    if (!n->a) return NULL;
    if (!is_kw(p, "else")) return parser_error_tok(p, peek(p), "expected 'else' after 'if' expression");
    advance(p);
    n->c = parse_expression(p);
    if (!n->c) return NULL;
    node_finish(p, n);
    return n;
}

/* An expression list without parentheses: a tuple when there is a comma. */
static Node *parse_star_expressions(Parser *p) {
    size_t start = p->pos;
    Node *first = parse_expression(p);
    if (!first || !is_op(p, ",")) return first;
    Node *t = node_new(p, AST_TUPLE, start);
    if (!t || !push(p, &t->list, first)) return NULL;
    while (is_op(p, ",")) {
        advance(p);
        Token *k = peek(p);
        if (k->kind == TOK_NEWLINE || is_op(p, "=") || is_op(p, ")")) break;
        if (!push(p, &t->list, parse_expression(p))) return NULL;
    }
    node_finish(p, t);
    return t;
}

/* ---- statements ---- */

static int check_target(Parser *p, Node *t) {
    switch (t->kind) {
    case AST_NAME: case AST_SUBSCRIPT: t->ctx_store = 1; return 1;
    case AST_TUPLE: case AST_LIST:
        return !!parser_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                                 "unpacking assignment is not supported by Anole yet");
    case AST_CONSTANT:
        return !!parser_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                                 "cannot assign to literal here. Maybe you meant '==' instead of '='?");
    case AST_CALL:
        return !!parser_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                                 "cannot assign to function call here. Maybe you meant '==' instead of '='?");
    default:
        return !!parser_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                                 "cannot assign to expression here. Maybe you meant '==' instead of '='?");
    }
}

static const OpEntry aug_ops[] = {{"+=", 13}, {"-=", 23}, {"*=", 18}, {"/=", 24}, {"//=", 15}, {"%=", 19},
                                  {"**=", 21}, {"&=", 14}, {"|=", 20}, {"^=", 25}, {"<<=", 16}, {">>=", 22},
                                  {"@=", 17}, {NULL, 0}};

static Node *parse_simple_statement(Parser *p) {
    size_t start = p->pos;
    Token *t = peek(p);
    if (is_kw(p, "pass") || is_kw(p, "break") || is_kw(p, "continue")) {
        advance(p);
        return node_new(p, tok_is_name(p, t, "pass") ? AST_PASS : tok_is_name(p, t, "break") ? AST_BREAK : AST_CONTINUE, start);
    }
    if (is_kw(p, "return")) {
        advance(p);
        Node *n = node_new(p, AST_RETURN, start);
        if (!n) return NULL;
        if (peek(p)->kind != TOK_NEWLINE && !is_op(p, ";")) {
            n->a = parse_star_expressions(p);
            if (!n->a) return NULL;
        }
        node_finish(p, n);
        return n;
    }
    if (is_kw(p, "global")) {
        advance(p);
        Node *n = node_new(p, AST_GLOBAL, start);
        if (!n) return NULL;
        do {
            if (n->list.len) advance(p);
            if (peek(p)->kind != TOK_NAME || tok_is_keyword(p, peek(p))) return syntax_error(p);
            if (!push(p, &n->list, parse_atom(p))) return NULL;
        } while (is_op(p, ","));
        node_finish(p, n);
        return n;
    }
    static const char *const unsupported[] = {"import", "from", "class", "try", "with", "raise", "assert",
                                              "del", "lambda", "yield", "nonlocal", "async", "match", NULL};
    for (int i = 0; unsupported[i]; i++)
        if (is_kw(p, unsupported[i]) && !(strcmp(unsupported[i], "match") == 0)) {
            char msg[100];
            snprintf(msg, sizeof msg, "'%s' is not supported by Anole yet", unsupported[i]);
            return parser_error_tok(p, t, msg);
        }
    Node *first = parse_star_expressions(p);
    if (!first) return NULL;
    for (int i = 0; aug_ops[i].text; i++) {
        if (is_op(p, aug_ops[i].text)) {
            if (first->kind != AST_NAME && first->kind != AST_SUBSCRIPT)
                return parser_error_at(p, "SyntaxError", first->span.line, first->span.col, first->span.end_line,
                                       first->span.end_col, "'expression' is an illegal expression for augmented assignment"), NULL;
            advance(p);
            Node *n = node_new(p, AST_AUGASSIGN, start);
            if (!n) return NULL;
            first->ctx_store = 1;
            n->a = first;
            n->op = aug_ops[i].nb;
            n->b = parse_star_expressions(p);
            if (!n->b) return NULL;
            node_finish(p, n);
            return n;
        }
    }
    if (!is_op(p, "=")) {
        if (is_op(p, ":")) return parser_error_tok(p, peek(p), "annotations are not supported by Anole yet");
        Node *n = node_new(p, AST_EXPR_STMT, start);
        if (!n) return NULL;
        n->a = first;
        return n;
    }
    Node *n = node_new(p, AST_ASSIGN, start);
    if (!n) return NULL;
    Node *value = first;
    while (is_op(p, "=")) {
        advance(p);
        if (!check_target(p, value) || !push(p, &n->list, value)) return NULL;
        value = parse_star_expressions(p);
        if (!value) return NULL;
    }
    n->a = value;
    node_finish(p, n);
    return n;
}

static int parse_simple_statements(Parser *p, NodeList *body) {
    for (;;) {
        if (!push(p, body, parse_simple_statement(p))) return 0;
        if (!is_op(p, ";")) break;
        advance(p);
        if (peek(p)->kind == TOK_NEWLINE) break;
    }
    if (peek(p)->kind != TOK_NEWLINE) {
        syntax_error(p);
        return 0;
    }
    advance(p);
    return 1;
}

/* block: NEWLINE INDENT statements DEDENT, or simple statements on the same line. `what` names
 * the statement for the IndentationError CPython gives when the block is missing. */
static int parse_block(Parser *p, NodeList *body, const char *what, int line) {
    if (!expect_op(p, ":")) return 0;
    if (peek(p)->kind != TOK_NEWLINE) return parse_simple_statements(p, body);
    advance(p);
    if (peek(p)->kind != TOK_INDENT) {
        char msg[120];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        Token *t = peek(p);
        parser_error_at(p, "IndentationError", t->line, t->col, t->line, t->col + 1, msg);
        return 0;
    }
    advance(p);
    while (peek(p)->kind != TOK_DEDENT && peek(p)->kind != TOK_ENDMARKER)
        if (!parse_statement_into(p, body)) return 0;
    advance(p);
    return 1;
}

static Node *parse_if(Parser *p, const char *what) {
    size_t start = p->pos;
    int line = advance(p)->line;
    Node *n = node_new(p, AST_IF, start);
    if (!n) return NULL;
    n->a = parse_expression(p);
    if (!n->a || !parse_block(p, &n->list, what, line)) return NULL;
    if (is_kw(p, "elif")) {
        if (!push(p, &n->list2, parse_if(p, "'elif' statement"))) return NULL;
    } else if (is_kw(p, "else")) {
        int eline = advance(p)->line;
        if (!parse_block(p, &n->list2, "'else' statement", eline)) return NULL;
    }
    node_finish(p, n);
    return n;
}

static Node *parse_compound(Parser *p) {
    size_t start = p->pos;
    if (is_kw(p, "if")) return parse_if(p, "'if' statement");
    if (is_kw(p, "while")) {
        int line = advance(p)->line;
        Node *n = node_new(p, AST_WHILE, start);
        if (!n) return NULL;
        n->a = parse_expression(p);
        if (!n->a || !parse_block(p, &n->list, "'while' statement", line)) return NULL;
        if (is_kw(p, "else")) {
            int eline = advance(p)->line;
            if (!parse_block(p, &n->list2, "'else' statement", eline)) return NULL;
        }
        node_finish(p, n);
        return n;
    }
    if (is_kw(p, "for")) {
        int line = advance(p)->line;
        Node *n = node_new(p, AST_FOR, start);
        if (!n) return NULL;
        n->a = parse_bitwise_or(p);
        if (!n->a) return NULL;
        if (is_op(p, ",")) return parser_error_tok(p, peek(p), "tuple targets are not supported by Anole yet");
        if (!check_target(p, n->a)) return NULL;
        if (!is_kw(p, "in")) return syntax_error(p);
        advance(p);
        n->b = parse_star_expressions(p);
        if (!n->b || !parse_block(p, &n->list, "'for' statement", line)) return NULL;
        if (is_kw(p, "else")) {
            int eline = advance(p)->line;
            if (!parse_block(p, &n->list2, "'else' statement", eline)) return NULL;
        }
        node_finish(p, n);
        return n;
    }
    /* def */
    Token *def = advance(p);
    Node *n = node_new(p, AST_FUNCTIONDEF, start);
    if (!n) return NULL;
    Token *name = peek(p);
    if (name->kind != TOK_NAME || tok_is_keyword(p, name)) return syntax_error(p);
    advance(p);
    n->str = p->src + name->start;
    n->str_len = name->end - name->start;
    if (!expect_op(p, "(")) return NULL;
    while (!is_op(p, ")")) {
        Token *a = peek(p);
        if (is_op(p, "*") || is_op(p, "**") || is_op(p, "/"))
            return parser_error_tok(p, a, "this kind of parameter is not supported by Anole yet");
        if (a->kind != TOK_NAME || tok_is_keyword(p, a)) return syntax_error(p);
        size_t astart = p->pos;
        advance(p);
        if (is_op(p, "=") || is_op(p, ":"))
            return parser_error_tok(p, peek(p), "default values and annotations are not supported by Anole yet");
        Node *arg = node_new(p, AST_ARG, astart);
        if (!arg) return NULL;
        arg->str = p->src + a->start;
        arg->str_len = a->end - a->start;
        for (int i = 0; i < n->list.len; i++)
            if (n->list.items[i]->str_len == arg->str_len && memcmp(n->list.items[i]->str, arg->str, arg->str_len) == 0)
                return parser_error_tok(p, a, "duplicate argument in function definition");
        if (!push(p, &n->list, arg)) return NULL;
        if (!is_op(p, ",")) break;
        advance(p);
    }
    if (!expect_op(p, ")")) return NULL;
    if (is_op(p, "->")) return parser_error_tok(p, peek(p), "annotations are not supported by Anole yet");
    if (!parse_block(p, &n->list2, "function definition", def->line)) return NULL;
    node_finish(p, n);
    return n;
}

static Node *parse_statement_into(Parser *p, NodeList *body) {
    Token *t = peek(p);
    if (t->kind == TOK_INDENT) {
        parser_error_at(p, "IndentationError", t->line, t->col, t->end_line, t->end_col, "unexpected indent");
        return NULL;
    }
    if (is_kw(p, "if") || is_kw(p, "while") || is_kw(p, "for") || is_kw(p, "def")) {
        Node *n = parse_compound(p);
        return push(p, body, n) ? n : NULL;
    }
    if (is_kw(p, "else") || is_kw(p, "elif")) return syntax_error(p);
    if (!parse_simple_statements(p, body)) return NULL;
    return body->items[body->len - 1];
}

Node *parser_parse_module(const char *src, size_t len, Arena *arena, SyntaxErrorInfo *err) {
    TokenList toks;
    if (!lexer_tokenize(src, len, &toks, err)) return NULL;
    Parser p = {.src = src, .toks = toks.tokens, .ntoks = toks.ntokens, .arena = arena, .err = err};
    Node *mod = node_new(&p, AST_MODULE, 0);
    while (mod && peek(&p)->kind != TOK_ENDMARKER) {
        if (!parse_statement_into(&p, &mod->list)) {
            mod = NULL;
            break;
        }
    }
    if (p.failed) mod = NULL;
    lexer_free(&toks);
    return mod;
}

Node *parser_parse_expression(const char *src, size_t len, Arena *arena) {
    SyntaxErrorInfo err;
    TokenList toks;
    if (!lexer_tokenize(src, len, &toks, &err)) return NULL;
    Parser p = {.src = src, .toks = toks.tokens, .ntoks = toks.ntokens, .arena = arena, .err = &err};
    Node *e = parse_expression(&p);
    if (e && peek(&p)->kind != TOK_NEWLINE && peek(&p)->kind != TOK_ENDMARKER) e = NULL;
    if (p.failed) e = NULL;
    lexer_free(&toks);
    return e;
}
