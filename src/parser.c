/* The parser, part one: tokens, errors, nodes, literals (numbers, strings, f-strings) and the
 * expression grammar, one function per grammar rule. A node's span runs from the first token its
 * rule consumed to the last, so `(f - 32) * 5` starts at the parenthesis while the inner `f - 32`
 * does not, as in CPython. Statements are in parsestmt.c. */
#include "parser.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

Token *parse_peek(Parser *p) { return &p->toks[p->pos]; }
Token *parse_peek_at(Parser *p, size_t k) {
    size_t i = p->pos + k;
    return &p->toks[i < p->ntoks ? i : p->ntoks - 1];
}

int parse_is_op(Parser *p, const char *op) { return lexer_is_op(p->src, parse_peek(p), op); }

int parse_tok_is_name(Parser *p, const Token *t, const char *kw) {
    size_t n = strlen(kw);
    return t->kind == TOK_NAME && t->end - t->start == n && memcmp(p->src + t->start, kw, n) == 0;
}
int parse_is_kw(Parser *p, const char *kw) { return parse_tok_is_name(p, parse_peek(p), kw); }

static const char *const parser_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield", NULL,
};

int parse_tok_is_keyword(Parser *p, const Token *t) {
    for (int i = 0; parser_keywords[i]; i++)
        if (parse_tok_is_name(p, t, parser_keywords[i])) return 1;
    return 0;
}

int parse_error_at(Parser *p, const char *type, int line, int col, int end_line, int end_col,
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

Node *parse_error_tok(Parser *p, const Token *t, const char *msg) {
    parse_error_at(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, msg);
    return NULL;
}

Node *parse_syntax_error(Parser *p) { return parse_error_tok(p, parse_peek(p), "invalid syntax"); }

int parse_enter(Parser *p) {
    if (p->depth >= PARSER_MAX_DEPTH) {
        const Token *t = parse_peek(p);
        parse_error_at(p, "RecursionError", t->line, t->col, t->end_line, t->end_col,
                       "maximum recursion depth exceeded during compilation");
        return 0;
    }
    p->depth++;
    return 1;
}

Token *parse_advance(Parser *p) {
    Token *t = parse_peek(p);
    if (p->pos < p->ntoks - 1) p->pos++;
    return t;
}

int parse_expect_op(Parser *p, const char *op) {
    if (parse_is_op(p, op)) {
        parse_advance(p);
        return 1;
    }
    if (strcmp(op, ":") == 0) {
        /* CPython reports the missing colon after the previous token. */
        Token *prev = &p->toks[p->pos - 1];
        parse_error_at(p, "SyntaxError", prev->end_line, prev->end_col, prev->end_line, prev->end_col + 1,
                        "expected ':'");
        return 0;
    }
    parse_syntax_error(p);
    return 0;
}

/* The end of the last real token consumed (not NEWLINE, INDENT or DEDENT). */
static void parse_span_end(Parser *p, Span *s) {
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

Node *parse_node_new(Parser *p, AstKind kind, size_t start_tok) {
    Node *n = arena_alloc(p->arena, sizeof(Node));
    if (!n) {
        parse_error_tok(p, parse_peek(p), "out of memory");
        return NULL;
    }
    n->kind = kind;
    Token *t = &p->toks[start_tok];
    n->span.line = t->line;
    n->span.col = t->col;
    parse_span_end(p, &n->span);
    return n;
}

void parse_node_finish(Parser *p, Node *n) { parse_span_end(p, &n->span); }

int parse_push(Parser *p, NodeList *l, Node *n) {
    if (!n) return 0;
    if (!nodelist_push(p->arena, l, n)) {
        parse_error_tok(p, parse_peek(p), "out of memory");
        return 0;
    }
    return 1;
}

/* ---- atoms ---- */


/* ---- literals ---- */

static Node *parse_number(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_advance(p);
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
    if (buf[n - 1] == 'j' || buf[n - 1] == 'J') return parse_error_tok(p, t, "complex numbers are not supported by Anole yet");
    Node *node = parse_node_new(p, AST_CONSTANT, start);
    if (!node) return NULL;
    char *end;
    errno = 0;
    if (is_float) {
        node->ctype = CONST_FLOAT;
        node->fval = strtod(buf, &end);
    } else {
        node->ctype = CONST_INT;
        unsigned long long v = strtoull(base == 10 ? buf : buf + 2, &end, base);
        if (errno || v > 0x7fffffffffffull) {
            /* Too big for a small int: the compiler makes a big int from the digits. */
            if (*end) return parse_error_tok(p, t, "invalid decimal literal");
            size_t off = base == 10 ? 0 : 2;
            char *digits = arena_alloc(p->arena, n - off + 1);
            if (!digits) return parse_error_tok(p, t, "out of memory");
            memcpy(digits, buf + off, n - off + 1);
            node->ctype = CONST_BIGINT;
            node->str = digits;
            node->str_len = n - off;
            node->ival = base;
            return node;
        }
        if (base == 10 && n > 1 && buf[0] == '0' && v != 0)
            return parse_error_tok(p, t, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        node->ival = (int64_t)v;
    }
    if (*end) return parse_error_tok(p, t, "invalid decimal literal");
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
static Node *parse_star_named(Parser *p);

/* ---- f-strings ---- */

/* Parses the expression text src[from, to) of an f-string replacement field with its own tokens,
 * placed at the right line and column of the whole source. */
static Node *parse_fstring_expr(Parser *p, size_t from, size_t to, int line, int col) {
    SyntaxErrorInfo err;
    TokenList toks;
    size_t len = to - from;
    char *copy = arena_alloc(p->arena, len + 3);
    if (!copy) return parse_error_tok(p, parse_peek(p), "out of memory");
    copy[0] = '(';
    memcpy(copy + 1, p->src + from, len);
    copy[len + 1] = ')';
    if (!lexer_tokenize(copy, len + 2, &toks, &err)) {
        parse_error_at(p, "SyntaxError", line, col, line, col + 1, "f-string: invalid syntax");
        return NULL;
    }
    /* Shift the tokens onto the source: the leading '(' is virtual and sits one column left. */
    for (size_t i = 0; i < toks.ntokens; i++) {
        Token *t = &toks.tokens[i];
        if (t->line == 1) t->col += col - 1;
        if (t->end_line == 1) t->end_col += col - 1;
        t->line += line - 1;
        t->end_line += line - 1;
        t->start = t->start + from - 1;
        t->end = t->end + from - 1;
    }
    Parser sub = {.src = p->src, .toks = toks.tokens, .ntoks = toks.ntokens, .arena = p->arena, .err = p->err};
    /* The copy's parentheses are not in the source: parse inside them. */
    sub.pos = 1;
    Node *e = parse_star_expressions(&sub);
    /* The expression must end exactly at the virtual closing parenthesis (followed only by the
     * NEWLINE and ENDMARKER the lexer adds). */
    if (e && sub.pos + 3 != sub.ntoks) e = NULL;
    lexer_free(&toks);
    if (!e) {
        if (!sub.failed) parse_error_at(p, "SyntaxError", line, col, line, col + 1, "f-string: invalid syntax");
        p->failed = 1;
        return NULL;
    }
    return e;
}

static int fstring_push_literal(Parser *p, Node *joined, const char *buf, size_t n, size_t start_tok) {
    if (!n) return 1;
    Node *c = parse_node_new(p, AST_CONSTANT, start_tok);
    if (!c) return 0;
    char *copy = arena_alloc(p->arena, n + 1);
    if (!copy) return 0;
    memcpy(copy, buf, n);
    c->ctype = CONST_STR;
    c->str = copy;
    c->str_len = n;
    c->span = joined->span;
    return parse_push(p, &joined->list, c);
}

/* Parses the body of an f-string token into `joined`'s values: literal text (with {{ and }}) and
 * replacement fields {expr[=][!conv][:spec]}. Specs may nest one level of fields. */
static int parse_fstring_body(Parser *p, Node *joined, Token *t, size_t a, size_t b, int raw, size_t start_tok) {
    const char *s = p->src;
    char *lit = arena_alloc(p->arena, b - a + 1);
    if (!lit) return 0;
    size_t n = 0;
    int line = t->line;
    size_t line_start = t->start - (size_t)t->col;
    for (size_t k = a; k < b; k++) {
        char c = s[k];
        if (c == '\n') {
            line++;
            line_start = k + 1;
        }
        if (c == '{' && k + 1 < b && s[k + 1] == '{') {
            lit[n++] = '{';
            k++;
            continue;
        }
        if (c == '}' && k + 1 < b && s[k + 1] == '}') {
            lit[n++] = '}';
            k++;
            continue;
        }
        if (c == '}') {
            parse_error_at(p, "SyntaxError", line, (int)(k - line_start), line, (int)(k - line_start) + 1,
                           "f-string: single '}' is not allowed");
            return 0;
        }
        if (c == '\\' && !raw && k + 1 < b) {
            /* Reuse the ordinary escape decoder on this one escape. */
            size_t m = 0;
            char tmp[8];
            size_t e = k + 2;
            if (s[k + 1] == 'x') e = k + 4;
            else if (s[k + 1] == 'u') e = k + 6;
            else if (s[k + 1] == 'U') e = k + 10;
            else if (s[k + 1] >= '0' && s[k + 1] <= '7') {
                e = k + 2;
                while (e < b && e < k + 4 && s[e] >= '0' && s[e] <= '7') e++;
            }
            if (e > b) e = b;
            m = parse_decode_escape(s + k, e - k, tmp);
            memcpy(lit + n, tmp, m);
            n += m;
            k = e - 1;
            continue;
        }
        if (c != '{') {
            lit[n++] = c;
            continue;
        }
        /* A replacement field: find the end of the expression at depth 0. */
        size_t expr_start = k + 1, j = expr_start;
        int depth = 0;
        char quote = 0;
        for (; j < b; j++) {
            char d = s[j];
            if (quote) {
                if (d == quote) quote = 0;
                continue;
            }
            if (d == '\'' || d == '"') quote = d;
            else if (d == '(' || d == '[' || d == '{') depth++;
            else if (d == ')' || d == ']' || (d == '}' && depth > 0)) depth--;
            else if (depth == 0 && (d == '}' || d == ':' || (d == '!' && j + 1 < b && s[j + 1] != '='))) break;
            else if (depth == 0 && d == '=' && j + 1 < b && s[j + 1] != '=' && s[j - 1] != '=' && s[j - 1] != '!' &&
                     s[j - 1] != '<' && s[j - 1] != '>')
                break;
        }
        if (j >= b) {
            parse_error_at(p, "SyntaxError", line, (int)(k - line_start), line, (int)(k - line_start) + 1,
                           "f-string: expecting '}'");
            return 0;
        }
        size_t expr_end = j;
        int debug = 0;
        if (s[j] == '=') {
            /* f"{x = }": the text shown keeps the spaces around '='. */
            debug = 1;
            j++;
            while (j < b && (s[j] == ' ' || s[j] == '\t')) j++;
        }
        if (debug) {
            /* f"{x=}" shows the expression's text, then the value. */
            memcpy(lit + n, s + expr_start, j - expr_start);
            n += j - expr_start;
        }
        if (!fstring_push_literal(p, joined, lit, n, start_tok)) return 0;
        n = 0;
        Node *value = parse_fstring_expr(p, expr_start, expr_end, line, (int)(expr_start - line_start));
        if (!value) return 0;
        Node *fv = parse_node_new(p, AST_FORMATTEDVALUE, start_tok);
        if (!fv) return 0;
        fv->span = joined->span;
        fv->a = value;
        fv->op = debug ? 'r' : -1;
        if (s[j] == '!') {
            char conv = j + 1 < b ? s[j + 1] : 0;
            if (conv != 's' && conv != 'r' && conv != 'a') {
                parse_error_at(p, "SyntaxError", line, (int)(j - line_start), line, (int)(j - line_start) + 1,
                               "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                return 0;
            }
            fv->op = conv;
            j += 2;
        }
        if (s[j] == ':') {
            if (debug && fv->op == 'r') fv->op = -1;
            size_t spec_start = j + 1, q = spec_start;
            int d2 = 0;
            for (; q < b; q++) {
                if (s[q] == '{') d2++;
                else if (s[q] == '}') {
                    if (d2 == 0) break;
                    d2--;
                }
            }
            Node *spec = parse_node_new(p, AST_JOINEDSTR, start_tok);
            if (!spec) return 0;
            spec->span = joined->span;
            if (!parse_fstring_body(p, spec, t, spec_start, q, raw, start_tok)) return 0;
            fv->b = spec;
            j = q;
        }
        if (j >= b || s[j] != '}') {
            parse_error_at(p, "SyntaxError", line, (int)(j - line_start), line, (int)(j - line_start) + 1,
                           "f-string: expecting '}'");
            return 0;
        }
        if (!parse_push(p, &joined->list, fv)) return 0;
        k = j;
    }
    return fstring_push_literal(p, joined, lit, n, start_tok);
}

/* Decodes one backslash escape at s (s[0] == '\\'), n bytes long at most; writes UTF-8 to out and
 * returns the bytes written. Unknown escapes keep the backslash, as Python does. */
size_t parse_decode_escape(const char *s, size_t n, char *out) {
    size_t m = 0;
    char e = n > 1 ? s[1] : 0;
    switch (e) {
    case '\n': return 0;
    case 'n': out[m++] = '\n'; return m;
    case 't': out[m++] = '\t'; return m;
    case 'r': out[m++] = '\r'; return m;
    case 'a': out[m++] = '\a'; return m;
    case 'b': out[m++] = '\b'; return m;
    case 'f': out[m++] = '\f'; return m;
    case 'v': out[m++] = '\v'; return m;
    case '\\': case '\'': case '"': out[m++] = e; return m;
    case 'x': case 'u': case 'U': {
        unsigned long v = 0;
        for (size_t k = 2; k < n; k++) {
            char h = s[k];
            int x = (h >= '0' && h <= '9') ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : 0;
            v = v * 16 + (unsigned long)x;
        }
        utf8_put(out, &m, v);
        return m;
    }
    default:
        if (e >= '0' && e <= '7') {
            unsigned long v = 0;
            for (size_t k = 1; k < n && s[k] >= '0' && s[k] <= '7'; k++) v = v * 8 + (unsigned long)(s[k] - '0');
            utf8_put(out, &m, v);
            return m;
        }
        out[m++] = '\\';
        if (e) out[m++] = e;
        return m;
    }
}

/* The length of the escape sequence starting at s[0] == '\\' (within n bytes). */
static size_t escape_length(const char *s, size_t n) {
    if (n < 2) return n;
    char e = s[1];
    size_t want = e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
    if (e >= '0' && e <= '7') {
        want = 2;
        while (want < 4 && want < n && s[want] >= '0' && s[want] <= '7') want++;
    }
    return want < n ? want : n;
}

typedef struct {
    int raw, fstring, bytes;
    size_t body_start, body_end;  /* source offsets of the text between the quotes */
} StrToken;

static StrToken string_token_parts(Parser *p, Token *t) {
    const char *s = p->src + t->start;
    size_t len = t->end - t->start, i = 0;
    StrToken st = {0};
    while (s[i] != '\'' && s[i] != '"') {
        if (s[i] == 'r' || s[i] == 'R') st.raw = 1;
        if (s[i] == 'f' || s[i] == 'F') st.fstring = 1;
        if (s[i] == 'b' || s[i] == 'B') st.bytes = 1;
        i++;
    }
    char q = s[i];
    size_t qn = (i + 2 < len && s[i + 1] == q && s[i + 2] == q && len - i >= 6) ? 3 : 1;
    st.body_start = t->start + i + qn;
    st.body_end = t->end - qn;
    return st;
}

/* Appends the decoded text of a plain string token. */
static void decode_plain(Parser *p, StrToken *st, char *out, size_t *n) {
    const char *s = p->src;
    for (size_t k = st->body_start; k < st->body_end; k++) {
        char c = s[k];
        if (c == '\r') {
            out[(*n)++] = '\n';
            if (k + 1 < st->body_end && s[k + 1] == '\n') k++;
            continue;
        }
        if (c != '\\') {
            out[(*n)++] = c;
            continue;
        }
        if (st->raw) {
            out[(*n)++] = c;
            if (k + 1 < st->body_end) out[(*n)++] = s[++k];
            continue;
        }
        size_t el = escape_length(s + k, st->body_end - k);
        *n += parse_decode_escape(s + k, el, out + *n);
        k += el - 1;
    }
}

/* Adjacent string literals concatenate; if any is an f-string the result is a JoinedStr. */
static Node *parse_strings(Parser *p) {
    size_t start = p->pos, total = 0;
    int any_f = 0;
    for (size_t k = p->pos; k < p->ntoks && p->toks[k].kind == TOK_STRING; k++) {
        total += p->toks[k].end - p->toks[k].start;
        StrToken st = string_token_parts(p, &p->toks[k]);
        if (st.bytes) return parse_error_tok(p, &p->toks[k], "bytes literals are not supported by Anole yet");
        any_f |= st.fstring;
    }
    size_t end_tok = start;
    while (end_tok < p->ntoks && p->toks[end_tok].kind == TOK_STRING) end_tok++;
    if (!any_f) {
        char *buf = arena_alloc(p->arena, total + 1);
        if (!buf) return parse_error_tok(p, parse_peek(p), "out of memory");
        size_t n = 0;
        while (parse_peek(p)->kind == TOK_STRING) {
            StrToken st = string_token_parts(p, parse_peek(p));
            decode_plain(p, &st, buf, &n);
            parse_advance(p);
        }
        Node *node = parse_node_new(p, AST_CONSTANT, start);
        if (!node) return NULL;
        node->ctype = CONST_STR;
        node->str = buf;
        node->str_len = n;
        return node;
    }
    p->pos = end_tok;
    Node *joined = parse_node_new(p, AST_JOINEDSTR, start);
    if (!joined) return NULL;
    for (size_t k = start; k < end_tok; k++) {
        Token *t = &p->toks[k];
        StrToken st = string_token_parts(p, t);
        if (st.fstring) {
            if (!parse_fstring_body(p, joined, t, st.body_start, st.body_end, st.raw, start)) return NULL;
        } else {
            char *buf = arena_alloc(p->arena, t->end - t->start + 1);
            size_t n = 0;
            if (!buf) return NULL;
            decode_plain(p, &st, buf, &n);
            if (!fstring_push_literal(p, joined, buf, n, start)) return NULL;
        }
    }
    /* Merge adjacent literal parts, as CPython does. */
    NodeList merged = {0};
    for (int i = 0; i < joined->list.len; i++) {
        Node *v = joined->list.items[i];
        Node *last = merged.len ? merged.items[merged.len - 1] : NULL;
        if (last && last->kind == AST_CONSTANT && v->kind == AST_CONSTANT) {
            char *buf = arena_alloc(p->arena, last->str_len + v->str_len + 1);
            if (!buf) return NULL;
            memcpy(buf, last->str, last->str_len);
            memcpy(buf + last->str_len, v->str, v->str_len);
            last->str = buf;
            last->str_len += v->str_len;
        } else if (!parse_push(p, &merged, v)) {
            return NULL;
        }
    }
    joined->list = merged;
    return joined;
}

/* ---- displays and comprehensions ---- */

/* for ... in ... [if ...]* clauses after an element; kind is LISTCOMP, SETCOMP, DICTCOMP or GENEXP. */
static Node *parse_comprehension(Parser *p, AstKind kind, Node *elt, Node *value, size_t start, const char *close) {
    Node *comp = parse_node_new(p, kind, start);
    if (!comp) return NULL;
    comp->a = elt;
    comp->b = value;
    while (parse_is_kw(p, "for") || parse_is_kw(p, "async")) {
        size_t gstart = p->pos;
        if (parse_is_kw(p, "async")) return parse_error_tok(p, parse_peek(p), "async comprehensions are not supported by Anole yet");
        parse_advance(p);
        Node *gen = parse_node_new(p, AST_COMPREHENSION, gstart);
        if (!gen) return NULL;
        gen->a = parse_star_targets(p);
        if (!gen->a || !parse_check_target(p, gen->a, 0)) return NULL;
        if (!parse_is_kw(p, "in")) return parse_syntax_error(p);
        parse_advance(p);
        gen->b = parse_disjunction(p);
        if (!gen->b) return NULL;
        while (parse_is_kw(p, "if")) {
            parse_advance(p);
            if (!parse_push(p, &gen->list2, parse_disjunction(p))) return NULL;
        }
        parse_node_finish(p, gen);
        if (!parse_push(p, &comp->list, gen)) return NULL;
    }
    if (close && !parse_expect_op(p, close)) return NULL;
    parse_node_finish(p, comp);
    return comp;
}

static Node *parse_star_named(Parser *p) {
    if (parse_is_op(p, "*")) {
        size_t start = p->pos;
        parse_advance(p);
        Node *n = parse_node_new(p, AST_STARRED, start);
        if (!n) return NULL;
        n->a = parse_bitwise_or(p);
        if (!n->a) return NULL;
        parse_node_finish(p, n);
        return n;
    }
    return parse_named_expression(p);
}

/* ( ... ): a parenthesized expression keeps its inner span; a tuple includes the parentheses. */
static Node *parse_paren(Parser *p) {
    size_t start = p->pos;
    parse_advance(p);
    if (parse_is_op(p, ")")) {
        parse_advance(p);
        return parse_node_new(p, AST_TUPLE, start);
    }
    if (parse_is_kw(p, "yield")) {
        Node *y = parse_yield(p);
        if (!y || !parse_expect_op(p, ")")) return NULL;
        return y;
    }
    Node *first = parse_star_named(p);
    if (!first) return NULL;
    if (parse_is_op(p, ")")) {
        parse_advance(p);
        if (first->kind == AST_STARRED) return parse_error_tok(p, &p->toks[p->pos - 1], "cannot use starred expression here");
        return first;
    }
    if (parse_is_kw(p, "for")) return parse_comprehension(p, AST_GENEXP, first, NULL, start, ")");
    if (!parse_is_op(p, ",")) return parse_syntax_error(p);
    Node *t = parse_node_new(p, AST_TUPLE, start);
    if (!t || !parse_push(p, &t->list, first)) return NULL;
    while (parse_is_op(p, ",")) {
        parse_advance(p);
        if (parse_is_op(p, ")")) break;
        if (!parse_push(p, &t->list, parse_star_named(p))) return NULL;
    }
    if (!parse_expect_op(p, ")")) return NULL;
    parse_node_finish(p, t);
    return t;
}

static Node *parse_list_display(Parser *p) {
    size_t start = p->pos;
    parse_advance(p);
    Node *l = parse_node_new(p, AST_LIST, start);
    if (!l) return NULL;
    if (!parse_is_op(p, "]")) {
        Node *first = parse_star_named(p);
        if (!first) return NULL;
        if (parse_is_kw(p, "for")) return parse_comprehension(p, AST_LISTCOMP, first, NULL, start, "]");
        if (!parse_push(p, &l->list, first)) return NULL;
        while (parse_is_op(p, ",")) {
            parse_advance(p);
            if (parse_is_op(p, "]")) break;
            if (!parse_push(p, &l->list, parse_star_named(p))) return NULL;
        }
    }
    if (!parse_expect_op(p, "]")) return NULL;
    parse_node_finish(p, l);
    return l;
}

/* Appends one dict display item: `key: value`, or `**mapping` (key NULL). */
static int parse_dict_item(Parser *p, Node *d) {
    Node *key = NULL, *value;
    if (parse_is_op(p, "**")) {
        parse_advance(p);
        value = parse_bitwise_or(p);
    } else {
        key = parse_expression(p);
        if (!key || !parse_expect_op(p, ":")) return 0;
        value = parse_expression(p);
    }
    if (!value || !nodelist_push(p->arena, &d->list, key) || !nodelist_push(p->arena, &d->list2, value)) return 0;
    return 1;
}

static Node *parse_dict_rest(Parser *p, Node *d) {
    while (parse_is_op(p, ",")) {
        parse_advance(p);
        if (parse_is_op(p, "}")) break;
        if (!parse_dict_item(p, d)) return NULL;
    }
    if (!parse_expect_op(p, "}")) return NULL;
    parse_node_finish(p, d);
    return d;
}

static Node *parse_brace_display(Parser *p) {
    size_t start = p->pos;
    parse_advance(p);
    if (parse_is_op(p, "}")) {
        parse_advance(p);
        return parse_node_new(p, AST_DICT, start);
    }
    if (parse_is_op(p, "**")) {
        Node *d = parse_node_new(p, AST_DICT, start);
        if (!d || !parse_dict_item(p, d)) return NULL;
        return parse_dict_rest(p, d);
    }
    Node *first = parse_star_named(p);
    if (!first) return NULL;
    if (parse_is_op(p, ":")) {
        parse_advance(p);
        Node *value = parse_expression(p);
        if (!value) return NULL;
        if (parse_is_kw(p, "for")) return parse_comprehension(p, AST_DICTCOMP, first, value, start, "}");
        Node *d = parse_node_new(p, AST_DICT, start);
        if (!d || !parse_push(p, &d->list, first) || !parse_push(p, &d->list2, value)) return NULL;
        return parse_dict_rest(p, d);
    }
    if (parse_is_kw(p, "for")) return parse_comprehension(p, AST_SETCOMP, first, NULL, start, "}");
    Node *s = parse_node_new(p, AST_SET, start);
    if (!s || !parse_push(p, &s->list, first)) return NULL;
    while (parse_is_op(p, ",")) {
        parse_advance(p);
        if (parse_is_op(p, "}")) break;
        if (!parse_push(p, &s->list, parse_star_named(p))) return NULL;
    }
    if (!parse_expect_op(p, "}")) return NULL;
    parse_node_finish(p, s);
    return s;
}

static Node *parse_atom(Parser *p) {
    Token *t = parse_peek(p);
    size_t start = p->pos;
    if (t->kind == TOK_NAME) {
        if (parse_is_kw(p, "None") || parse_is_kw(p, "True") || parse_is_kw(p, "False")) {
            parse_advance(p);
            Node *n = parse_node_new(p, AST_CONSTANT, start);
            if (!n) return NULL;
            n->ctype = parse_tok_is_name(p, t, "None") ? CONST_NONE : parse_tok_is_name(p, t, "True") ? CONST_TRUE : CONST_FALSE;
            return n;
        }
        if (parse_tok_is_keyword(p, t)) return parse_syntax_error(p);
        parse_advance(p);
        Node *n = parse_node_new(p, AST_NAME, start);
        if (!n) return NULL;
        n->str = p->src + t->start;
        n->str_len = t->end - t->start;
        return n;
    }
    if (t->kind == TOK_NUMBER) return parse_number(p);
    if (t->kind == TOK_STRING) return parse_strings(p);
    if (parse_is_op(p, "(")) return parse_paren(p);
    if (parse_is_op(p, "[")) return parse_list_display(p);
    if (parse_is_op(p, "{")) return parse_brace_display(p);
    if (parse_is_op(p, "...")) {
        parse_advance(p);
        return parse_error_tok(p, t, "Ellipsis is not supported by Anole yet");
    }
    return parse_syntax_error(p);
}

/* One subscript element: an expression or a slice a:b:c. */
static Node *parse_slice_item(Parser *p) {
    size_t start = p->pos;
    Node *lower = NULL;
    if (!parse_is_op(p, ":")) {
        lower = parse_named_expression(p);
        if (!lower || !parse_is_op(p, ":")) return lower;
    }
    parse_advance(p);
    Node *s = parse_node_new(p, AST_SLICE, start);
    if (!s) return NULL;
    s->a = lower;
    if (!parse_is_op(p, ":") && !parse_is_op(p, "]") && !parse_is_op(p, ",")) {
        s->b = parse_expression(p);
        if (!s->b) return NULL;
    }
    if (parse_is_op(p, ":")) {
        parse_advance(p);
        if (!parse_is_op(p, "]") && !parse_is_op(p, ",")) {
            s->c = parse_expression(p);
            if (!s->c) return NULL;
        }
    }
    parse_node_finish(p, s);
    return s;
}

/* The arguments after a call's "(" (already consumed), through its ")". */
static int parse_call_args(Parser *p, Node *call) {
    size_t paren = p->pos - 1;
    while (!parse_is_op(p, ")")) {
        size_t start = p->pos;
        if (parse_is_op(p, "*")) {
            parse_advance(p);
            Node *s = parse_node_new(p, AST_STARRED, start);
            if (!s) return 0;
            s->a = parse_expression(p);
            if (!s->a) return 0;
            parse_node_finish(p, s);
            if (!parse_push(p, &call->list, s)) return 0;
        } else if (parse_is_op(p, "**")) {
            parse_advance(p);
            Node *k = parse_node_new(p, AST_KEYWORD, start);
            if (!k) return 0;
            k->a = parse_expression(p);
            if (!k->a) return 0;
            parse_node_finish(p, k);
            if (!parse_push(p, &call->list2, k)) return 0;
        } else if (parse_peek(p)->kind == TOK_NAME && lexer_is_op(p->src, parse_peek_at(p, 1), "=")) {
            Token *name = parse_advance(p);
            parse_advance(p);
            Node *k = parse_node_new(p, AST_KEYWORD, start);
            if (!k) return 0;
            k->str = p->src + name->start;
            k->str_len = name->end - name->start;
            k->a = parse_expression(p);
            if (!k->a) return 0;
            parse_node_finish(p, k);
            if (!parse_push(p, &call->list2, k)) return 0;
        } else {
            Node *arg = parse_named_expression(p);
            if (!arg) return 0;
            if (parse_is_kw(p, "for")) {
                /* A generator expression that is the only argument shares the call's
                 * parentheses, and its span includes them, as in CPython's grammar (which
                 * matters for the colors: its code's instructions sit on that span). */
                arg = parse_comprehension(p, AST_GENEXP, arg, NULL, start, NULL);
                if (!arg) return 0;
                if (!call->list.len && !call->list2.len && parse_is_op(p, ")")) {
                    parse_advance(p);
                    arg->span.line = p->toks[paren].line;
                    arg->span.col = p->toks[paren].col;
                    parse_node_finish(p, arg);
                    return parse_push(p, &call->list, arg);
                }
            }
            if (call->list2.len) {
                parse_error_at(p, "SyntaxError", arg->span.line, arg->span.col, arg->span.end_line, arg->span.end_col,
                               "positional argument follows keyword argument");
                return 0;
            }
            if (!parse_push(p, &call->list, arg)) return 0;
        }
        if (!parse_is_op(p, ",")) break;
        parse_advance(p);
    }
    return parse_expect_op(p, ")");
}

/* The part of a subscript after "[": the index or slice (a tuple of them when there are commas)
 * and the "]". Returns sub, or NULL after an error. */
static Node *parse_subscript_rest(Parser *p, Node *sub, size_t bracket) {
    Node *first = parse_slice_item(p);
    if (!first) return NULL;
    if (parse_is_op(p, ",")) {
        Node *t = parse_node_new(p, AST_TUPLE, bracket + 1);
        if (!t || !parse_push(p, &t->list, first)) return NULL;
        while (parse_is_op(p, ",")) {
            parse_advance(p);
            if (parse_is_op(p, "]")) break;
            if (!parse_push(p, &t->list, parse_slice_item(p))) return NULL;
        }
        parse_node_finish(p, t);
        first = t;
    }
    sub->b = first;
    if (!parse_expect_op(p, "]")) return NULL;
    parse_node_finish(p, sub);
    return sub;
}

static Node *parse_primary(Parser *p) {
    size_t start = p->pos;
    Node *e = parse_atom(p);
    /* Each trailer nests what came before one level deeper in the tree, which the compiler
     * walks recursively: a(...)(...)... counts against PARSER_MAX_DEPTH like -(-(...)). */
    int levels = 0;
    while (e) {
        if (parse_is_op(p, "(") || parse_is_op(p, "[") || parse_is_op(p, ".")) {
            if (!parse_enter(p)) {
                e = NULL;
                break;
            }
            levels++;
        }
        if (parse_is_op(p, "(")) {
            parse_advance(p);
            Node *call = parse_node_new(p, AST_CALL, start);
            if (call) call->a = e;
            if (!call || !parse_call_args(p, call)) {
                e = NULL;
                break;
            }
            parse_node_finish(p, call);
            e = call;
        } else if (parse_is_op(p, "[")) {
            size_t bracket = p->pos;
            parse_advance(p);
            Node *sub = parse_node_new(p, AST_SUBSCRIPT, start);
            if (sub) sub->a = e;
            sub = sub ? parse_subscript_rest(p, sub, bracket) : NULL;
            e = sub;
        } else if (parse_is_op(p, ".")) {
            parse_advance(p);
            Token *name = parse_peek(p);
            if (name->kind != TOK_NAME) {
                e = parse_syntax_error(p);
                break;
            }
            parse_advance(p);
            Node *attr = parse_node_new(p, AST_ATTRIBUTE, start);
            if (!attr) {
                e = NULL;
                break;
            }
            attr->a = e;
            attr->str = p->src + name->start;
            attr->str_len = name->end - name->start;
            e = attr;
        } else {
            break;
        }
    }
    p->depth -= levels;
    return e;
}

/* ---- operators ---- */

static Node *binop(Parser *p, size_t start, Node *left, int op, Node *right) {
    if (!left || !right) return NULL;
    Node *n = parse_node_new(p, AST_BINOP, start);
    if (!n) return NULL;
    n->a = left;
    n->b = right;
    n->op = op;
    return n;
}

static Node *parse_factor(Parser *p);

static Node *parse_power(Parser *p) {
    size_t start = p->pos;
    if (parse_is_kw(p, "await")) return parse_error_tok(p, parse_peek(p), "'await' is not supported by Anole yet");
    Node *base = parse_primary(p);
    if (base && parse_is_op(p, "**")) {
        if (!parse_enter(p)) return NULL;
        parse_advance(p);
        Node *exponent = parse_factor(p);
        p->depth--;
        return binop(p, start, base, 8, exponent);
    }
    return base;
}

static Node *parse_factor(Parser *p) {
    size_t start = p->pos;
    int op = parse_is_op(p, "-") ? UNARY_NEG : parse_is_op(p, "+") ? UNARY_POS : parse_is_op(p, "~") ? UNARY_INVERT : -1;
    if (op < 0) return parse_power(p);
    if (!parse_enter(p)) return NULL;
    parse_advance(p);
    Node *operand = parse_factor(p);
    p->depth--;
    if (!operand) return NULL;
    Node *n = parse_node_new(p, AST_UNARYOP, start);
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
    /* Each operator nests the chain so far one level deeper (1 + 1 + 1 is ((1 + 1) + 1)), and
     * the compiler walks it recursively: the chain counts against PARSER_MAX_DEPTH. */
    int levels = 0;
    while (left) {
        int found = -1;
        for (int i = 0; ops[i].text; i++)
            if (parse_is_op(p, ops[i].text)) found = ops[i].nb;
        if (found < 0) break;
        if (!parse_enter(p)) {
            left = NULL;
            break;
        }
        levels++;
        parse_advance(p);
        left = binop(p, start, left, found, next(p));
    }
    p->depth -= levels;
    return left;
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
Node *parse_bitwise_or(Parser *p) { return parse_binary_level(p, parse_bitwise_xor, or_ops); }

static int compare_op_here(Parser *p, int *op) {
    static const char *const syms[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; i < 6; i++)
        if (parse_is_op(p, syms[i])) {
            parse_advance(p);
            *op = i;
            return 1;
        }
    if (parse_is_kw(p, "in")) {
        parse_advance(p);
        *op = CMP_IN;
        return 1;
    }
    if (parse_is_kw(p, "not") && parse_tok_is_name(p, parse_peek_at(p, 1), "in")) {
        parse_advance(p);
        parse_advance(p);
        *op = CMP_NOT_IN;
        return 1;
    }
    if (parse_is_kw(p, "is")) {
        parse_advance(p);
        *op = CMP_IS;
        if (parse_is_kw(p, "not")) {
            parse_advance(p);
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
    Node *n = parse_node_new(p, AST_COMPARE, start);
    if (!n) return NULL;
    n->a = left;
    /* The operators go into the arena in chunks that double: a chain may be any length. */
    int *ops = NULL, nops = 0, cap = 0;
    do {
        if (nops == cap) {
            int *grown = arena_alloc(p->arena, sizeof(int) * (size_t)(cap ? cap * 2 : 8));
            if (!grown) return parse_error_tok(p, parse_peek(p), "out of memory");
            if (nops) memcpy(grown, ops, sizeof(int) * (size_t)nops);
            ops = grown;
            cap = cap ? cap * 2 : 8;
        }
        ops[nops++] = op;
        if (!parse_push(p, &n->list, parse_bitwise_or(p))) return NULL;
    } while (compare_op_here(p, &op));
    n->cmpops = ops;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_inversion(Parser *p) {
    if (!parse_is_kw(p, "not")) return parse_comparison(p);
    size_t start = p->pos;
    if (!parse_enter(p)) return NULL;
    parse_advance(p);
    Node *operand = parse_inversion(p);
    p->depth--;
    if (!operand) return NULL;
    Node *n = parse_node_new(p, AST_UNARYOP, start);
    if (!n) return NULL;
    n->op = UNARY_NOT;
    n->a = operand;
    return n;
}

static Node *parse_boolop(Parser *p, Node *(*next)(Parser *), const char *kw, int op) {
    size_t start = p->pos;
    Node *first = next(p);
    if (!first || !parse_is_kw(p, kw)) return first;
    Node *n = parse_node_new(p, AST_BOOLOP, start);
    if (!n || !parse_push(p, &n->list, first)) return NULL;
    n->op = op;
    while (parse_is_kw(p, kw)) {
        parse_advance(p);
        if (!parse_push(p, &n->list, next(p))) return NULL;
    }
    parse_node_finish(p, n);
    return n;
}

static Node *parse_conjunction(Parser *p) { return parse_boolop(p, parse_inversion, "and", BOOL_AND); }
Node *parse_disjunction(Parser *p) { return parse_boolop(p, parse_conjunction, "or", BOOL_OR); }

static Node *parse_lambda(Parser *p) {
    size_t start = p->pos;
    parse_advance(p);
    Node *n = parse_node_new(p, AST_LAMBDA, start);
    if (!n) return NULL;
    n->a = parse_arguments_def(p, ":", 1);
    if (!n->a || !parse_expect_op(p, ":")) return NULL;
    n->b = parse_expression(p);
    if (!n->b) return NULL;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_expression_body(Parser *p);

Node *parse_expression(Parser *p) {
    if (!parse_enter(p)) return NULL;
    Node *n = parse_expression_body(p);
    p->depth--;
    return n;
}

static Node *parse_expression_body(Parser *p) {
    if (parse_is_kw(p, "lambda")) return parse_lambda(p);
    size_t start = p->pos;
    Node *body = parse_disjunction(p);
    if (!body || !parse_is_kw(p, "if")) return body;
    parse_advance(p);
    Node *n = parse_node_new(p, AST_IFEXP, start);
    if (!n) return NULL;
    n->b = body;
    n->a = parse_disjunction(p);
    if (!n->a) return NULL;
    if (!parse_is_kw(p, "else")) return parse_error_tok(p, parse_peek(p), "expected 'else' after 'if' expression");
    parse_advance(p);
    n->c = parse_expression(p);
    if (!n->c) return NULL;
    parse_node_finish(p, n);
    return n;
}

Node *parse_named_expression(Parser *p) {
    if (parse_peek(p)->kind == TOK_NAME && lexer_is_op(p->src, parse_peek_at(p, 1), ":=")) {
        size_t start = p->pos;
        Node *target = parse_atom(p);
        if (!target) return NULL;
        target->ctx_store = 1;
        parse_advance(p);
        Node *n = parse_node_new(p, AST_NAMEDEXPR, start);
        if (!n) return NULL;
        n->a = target;
        n->b = parse_expression(p);
        if (!n->b) return NULL;
        parse_node_finish(p, n);
        return n;
    }
    return parse_expression(p);
}

/* An expression list without parentheses: a tuple when there is a comma; * items allowed. */
Node *parse_star_expressions(Parser *p) {
    size_t start = p->pos;
    Node *first = parse_star_named(p);
    if (!first || !parse_is_op(p, ",")) return first;
    Node *t = parse_node_new(p, AST_TUPLE, start);
    if (!t || !parse_push(p, &t->list, first)) return NULL;
    while (parse_is_op(p, ",")) {
        parse_advance(p);
        Token *k = parse_peek(p);
        if (k->kind == TOK_NEWLINE || parse_is_op(p, "=") || parse_is_op(p, ")") || parse_is_op(p, ":") ||
            parse_is_op(p, ";") || parse_is_kw(p, "in"))
            break;
        int aug = 0;
        static const char *const augs[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=", "@=", NULL};
        for (int i = 0; augs[i]; i++) aug |= parse_is_op(p, augs[i]);
        if (aug) break;
        if (!parse_push(p, &t->list, parse_star_named(p))) return NULL;
    }
    parse_node_finish(p, t);
    return t;
}

/* Targets of for loops and comprehensions: `x`, `a, b`, `(a, b)`, `a, *rest`. */
Node *parse_star_targets(Parser *p) {
    size_t start = p->pos;
    Node *first = parse_is_op(p, "*") ? parse_star_named(p) : parse_bitwise_or(p);
    if (!first || !parse_is_op(p, ",")) return first;
    Node *t = parse_node_new(p, AST_TUPLE, start);
    if (!t || !parse_push(p, &t->list, first)) return NULL;
    while (parse_is_op(p, ",")) {
        parse_advance(p);
        if (parse_is_kw(p, "in") || parse_is_op(p, "=")) break;
        if (!parse_push(p, &t->list, parse_is_op(p, "*") ? parse_star_named(p) : parse_bitwise_or(p))) return NULL;
    }
    parse_node_finish(p, t);
    return t;
}

Node *parse_yield(Parser *p) {
    size_t start = p->pos;
    parse_advance(p);
    if (parse_is_kw(p, "from")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_YIELDFROM, start);
        if (!n) return NULL;
        n->a = parse_expression(p);
        if (!n->a) return NULL;
        parse_node_finish(p, n);
        return n;
    }
    Node *n = parse_node_new(p, AST_YIELD, start);
    if (!n) return NULL;
    Token *t = parse_peek(p);
    if (t->kind != TOK_NEWLINE && !parse_is_op(p, ")") && !parse_is_op(p, "]") && !parse_is_op(p, "}") &&
        !parse_is_op(p, ";") && !parse_is_op(p, "=")) {
        n->a = parse_star_expressions(p);
        if (!n->a) return NULL;
    }
    parse_node_finish(p, n);
    return n;
}

/* Parameters of a def (up to `close`, not consumed) or a lambda (up to ':'): positional with
 * defaults, `/`, *args or a bare `*`, keyword-only with defaults, **kwargs, annotations (def only). */
Node *parse_arguments_def(Parser *p, const char *close, int lambda) {
    size_t start = p->pos;
    Node *args = parse_node_new(p, AST_ARGUMENTS, start);
    if (!args) return NULL;
    int seen_default = 0, kwonly = 0;
    while (!parse_is_op(p, close)) {
        size_t astart = p->pos;
        if (parse_is_op(p, "/")) {
            parse_advance(p);
            args->flag = args->list.len;
        } else if (parse_is_op(p, "**")) {
            parse_advance(p);
            Token *name = parse_peek(p);
            if (name->kind != TOK_NAME || parse_tok_is_keyword(p, name)) return parse_syntax_error(p);
            parse_advance(p);
            Node *arg = parse_node_new(p, AST_ARG, astart + 1);
            if (!arg) return NULL;
            arg->str = p->src + name->start;
            arg->str_len = name->end - name->start;
            if (!lambda && parse_is_op(p, ":")) {
                parse_advance(p);
                arg->b = parse_expression(p);
                if (!arg->b) return NULL;
            }
            args->b = arg;
        } else if (parse_is_op(p, "*")) {
            parse_advance(p);
            kwonly = 1;
            if (parse_peek(p)->kind == TOK_NAME) {
                Token *name = parse_advance(p);
                Node *arg = parse_node_new(p, AST_ARG, astart + 1);
                if (!arg) return NULL;
                arg->str = p->src + name->start;
                arg->str_len = name->end - name->start;
                if (!lambda && parse_is_op(p, ":")) {
                    parse_advance(p);
                    arg->b = parse_expression(p);
                    if (!arg->b) return NULL;
                }
                args->a = arg;
            }
        } else {
            Token *name = parse_peek(p);
            if (name->kind != TOK_NAME || parse_tok_is_keyword(p, name)) return parse_syntax_error(p);
            parse_advance(p);
            Node *arg = parse_node_new(p, AST_ARG, astart);
            if (!arg) return NULL;
            arg->str = p->src + name->start;
            arg->str_len = name->end - name->start;
            if (!lambda && parse_is_op(p, ":")) {
                parse_advance(p);
                arg->b = parse_expression(p);
                if (!arg->b) return NULL;
            }
            if (parse_is_op(p, "=")) {
                parse_advance(p);
                arg->a = parse_expression(p);
                if (!arg->a) return NULL;
                if (!kwonly) seen_default = 1;
            } else if (seen_default && !kwonly) {
                return parse_error_tok(p, name, "non-default argument follows default argument");
            }
            NodeList *all[2] = {&args->list, &args->list2};
            for (int l = 0; l < 2; l++)
                for (int i = 0; i < all[l]->len; i++)
                    if (all[l]->items[i]->str_len == arg->str_len && memcmp(all[l]->items[i]->str, arg->str, arg->str_len) == 0)
                        return parse_error_tok(p, name, "duplicate argument in function definition");
            if (!parse_push(p, kwonly ? &args->list2 : &args->list, arg)) return NULL;
        }
        if (!parse_is_op(p, ",")) break;
        parse_advance(p);
    }
    parse_node_finish(p, args);
    return args;
}
