/* The parser, part two: statements and blocks, and the entry points. */
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "parser_internal.h"

static Node *target_error(Parser *p, Node *t, const char *what, int del) {
    char msg[160];
    if (del) snprintf(msg, sizeof msg, "cannot delete %s", what);
    else snprintf(msg, sizeof msg, "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
    parse_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col, msg);
    return NULL;
}

/* Marks an expression as an assignment (or del) target, or reports why it cannot be one. */
int parse_check_target(Parser *p, Node *t, int del) {
    switch (t->kind) {
    case AST_NAME:
    case AST_SUBSCRIPT:
    case AST_ATTRIBUTE:
        t->ctx_store = del ? 2 : 1;
        return 1;
    case AST_TUPLE:
    case AST_LIST: {
        t->ctx_store = del ? 2 : 1;
        int stars = 0;
        for (int i = 0; i < t->list.len; i++) {
            Node *e = t->list.items[i];
            if (e->kind == AST_STARRED) {
                if (del) return !!target_error(p, e, "starred", del);
                if (++stars > 1) {
                    parse_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                                   "multiple starred expressions in assignment");
                    return 0;
                }
                e->ctx_store = 1;
                if (!parse_check_target(p, e->a, 0)) return 0;
            } else if (!parse_check_target(p, e, del)) {
                return 0;
            }
        }
        return 1;
    }
    case AST_STARRED:
        parse_error_at(p, "SyntaxError", t->span.line, t->span.col, t->span.end_line, t->span.end_col,
                       "starred assignment target must be in a list or tuple");
        return 0;
    case AST_CONSTANT: return !!target_error(p, t, "literal", del);
    case AST_CALL: return !!target_error(p, t, "function call", del);
    default: return !!target_error(p, t, "expression", del);
    }
}

typedef struct {
    const char *text;
    int nb;
} AugOp;

static const AugOp aug_ops[] = {{"+=", 13}, {"-=", 23}, {"*=", 18}, {"/=", 24}, {"//=", 15}, {"%=", 19},
                                {"**=", 21}, {"&=", 14}, {"|=", 20}, {"^=", 25}, {"<<=", 16}, {">>=", 22},
                                {"@=", 17}, {NULL, 0}};

static Node *parse_name_list(Parser *p, AstKind kind, size_t start) {
    Node *n = parse_node_new(p, kind, start);
    if (!n) return NULL;
    do {
        if (n->list.len) parse_advance(p);
        Token *t = parse_peek(p);
        if (t->kind != TOK_NAME || parse_tok_is_keyword(p, t)) return parse_syntax_error(p);
        parse_advance(p);
        Node *name = parse_node_new(p, AST_NAME, p->pos - 1);
        if (!name) return NULL;
        name->str = p->src + t->start;
        name->str_len = t->end - t->start;
        if (!parse_push(p, &n->list, name)) return NULL;
    } while (parse_is_op(p, ","));
    parse_node_finish(p, n);
    return n;
}

/* A dotted module name; returns 0 on error. */
static int parse_dotted_name(Parser *p, const char **s, size_t *len) {
    Token *t = parse_peek(p);
    if (t->kind != TOK_NAME) return !!parse_syntax_error(p);
    *s = p->src + t->start;
    parse_advance(p);
    size_t end = t->end;
    while (parse_is_op(p, ".")) {
        parse_advance(p);
        Token *n = parse_peek(p);
        if (n->kind != TOK_NAME) return !!parse_syntax_error(p);
        parse_advance(p);
        end = n->end;
    }
    *len = (size_t)(p->src + end - *s);
    return 1;
}

static Node *parse_import(Parser *p, size_t start) {
    if (parse_is_kw(p, "import")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_IMPORT, start);
        if (!n) return NULL;
        do {
            if (n->list.len) parse_advance(p);
            size_t astart = p->pos;
            Node *alias = parse_node_new(p, AST_ALIAS, astart);
            if (!alias || !parse_dotted_name(p, &alias->str, &alias->str_len)) return NULL;
            if (parse_is_kw(p, "as")) {
                parse_advance(p);
                Token *as = parse_advance(p);
                if (as->kind != TOK_NAME) return parse_syntax_error(p);
                alias->str2 = p->src + as->start;
                alias->str2_len = as->end - as->start;
            }
            parse_node_finish(p, alias);
            if (!parse_push(p, &n->list, alias)) return NULL;
        } while (parse_is_op(p, ","));
        parse_node_finish(p, n);
        return n;
    }
    parse_advance(p); /* from */
    Node *n = parse_node_new(p, AST_IMPORTFROM, start);
    if (!n) return NULL;
    while (parse_is_op(p, ".")) {
        parse_advance(p);
        n->op++;
    }
    if (!parse_is_kw(p, "import") && !parse_dotted_name(p, &n->str, &n->str_len)) return NULL;
    if (!parse_is_kw(p, "import")) return parse_syntax_error(p);
    parse_advance(p);
    int paren = parse_is_op(p, "(");
    if (paren) parse_advance(p);
    if (parse_is_op(p, "*")) {
        Node *alias = parse_node_new(p, AST_ALIAS, p->pos);
        parse_advance(p);
        if (!alias) return NULL;
        alias->str = "*";
        alias->str_len = 1;
        if (!parse_push(p, &n->list, alias)) return NULL;
    } else {
        do {
            if (n->list.len) parse_advance(p);
            if (paren && parse_is_op(p, ")")) break;
            Token *t = parse_peek(p);
            if (t->kind != TOK_NAME) return parse_syntax_error(p);
            Node *alias = parse_node_new(p, AST_ALIAS, p->pos);
            parse_advance(p);
            if (!alias) return NULL;
            alias->str = p->src + t->start;
            alias->str_len = t->end - t->start;
            if (parse_is_kw(p, "as")) {
                parse_advance(p);
                Token *as = parse_advance(p);
                if (as->kind != TOK_NAME) return parse_syntax_error(p);
                alias->str2 = p->src + as->start;
                alias->str2_len = as->end - as->start;
            }
            parse_node_finish(p, alias);
            if (!parse_push(p, &n->list, alias)) return NULL;
        } while (parse_is_op(p, ","));
    }
    if (paren && !parse_expect_op(p, ")")) return NULL;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_simple_statement(Parser *p) {
    size_t start = p->pos;
    Token *t = parse_peek(p);
    if (parse_is_kw(p, "pass") || parse_is_kw(p, "break") || parse_is_kw(p, "continue")) {
        parse_advance(p);
        return parse_node_new(p, parse_tok_is_name(p, t, "pass") ? AST_PASS : parse_tok_is_name(p, t, "break") ? AST_BREAK : AST_CONTINUE, start);
    }
    if (parse_is_kw(p, "return")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_RETURN, start);
        if (!n) return NULL;
        if (parse_peek(p)->kind != TOK_NEWLINE && !parse_is_op(p, ";")) {
            n->a = parse_star_expressions(p);
            if (!n->a) return NULL;
        }
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "global") || parse_is_kw(p, "nonlocal")) {
        AstKind kind = parse_is_kw(p, "global") ? AST_GLOBAL : AST_NONLOCAL;
        parse_advance(p);
        return parse_name_list(p, kind, start);
    }
    if (parse_is_kw(p, "raise")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_RAISE, start);
        if (!n) return NULL;
        if (parse_peek(p)->kind != TOK_NEWLINE && !parse_is_op(p, ";")) {
            n->a = parse_expression(p);
            if (!n->a) return NULL;
            if (parse_is_kw(p, "from")) {
                parse_advance(p);
                n->b = parse_expression(p);
                if (!n->b) return NULL;
            }
        }
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "assert")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_ASSERT, start);
        if (!n) return NULL;
        n->a = parse_expression(p);
        if (!n->a) return NULL;
        if (parse_is_op(p, ",")) {
            parse_advance(p);
            n->b = parse_expression(p);
            if (!n->b) return NULL;
        }
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "del")) {
        parse_advance(p);
        Node *n = parse_node_new(p, AST_DELETE, start);
        if (!n) return NULL;
        do {
            if (n->list.len) parse_advance(p);
            if (parse_peek(p)->kind == TOK_NEWLINE) break;
            Node *target = parse_bitwise_or(p);
            if (!target || !parse_check_target(p, target, 1) || !parse_push(p, &n->list, target)) return NULL;
        } while (parse_is_op(p, ","));
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "import") || parse_is_kw(p, "from")) return parse_import(p, start);
    if (parse_is_kw(p, "class") || parse_is_kw(p, "try") || parse_is_kw(p, "with") || parse_is_kw(p, "async"))
        return parse_syntax_error(p);
    Node *first = parse_is_kw(p, "yield") ? parse_yield(p) : parse_star_expressions(p);
    if (!first) return NULL;
    for (int i = 0; aug_ops[i].text; i++) {
        if (parse_is_op(p, aug_ops[i].text)) {
            if (first->kind != AST_NAME && first->kind != AST_SUBSCRIPT && first->kind != AST_ATTRIBUTE) {
                char msg[120];
                snprintf(msg, sizeof msg, "'%s' is an illegal expression for augmented assignment",
                         first->kind == AST_TUPLE ? "tuple" : first->kind == AST_LIST ? "list" : first->kind == AST_CONSTANT ? "literal" : "expression");
                parse_error_at(p, "SyntaxError", first->span.line, first->span.col, first->span.end_line, first->span.end_col, msg);
                return NULL;
            }
            parse_advance(p);
            Node *n = parse_node_new(p, AST_AUGASSIGN, start);
            if (!n) return NULL;
            first->ctx_store = 1;
            n->a = first;
            n->op = aug_ops[i].nb;
            n->b = parse_is_kw(p, "yield") ? parse_yield(p) : parse_star_expressions(p);
            if (!n->b) return NULL;
            parse_node_finish(p, n);
            return n;
        }
    }
    if (parse_is_op(p, ":")) {
        /* An annotated assignment: x: int = 5, self.x: float, a[0]: str. */
        parse_advance(p);
        Node *n = parse_node_new(p, AST_ANNASSIGN, start);
        if (!n) return NULL;
        if (first->kind != AST_NAME && first->kind != AST_ATTRIBUTE && first->kind != AST_SUBSCRIPT) {
            parse_error_at(p, "SyntaxError", first->span.line, first->span.col, first->span.end_line, first->span.end_col,
                           "only single target (not tuple) can be annotated");
            return NULL;
        }
        first->ctx_store = 1;
        n->a = first;
        n->flag = first->kind == AST_NAME && p->toks[start].kind == TOK_NAME;
        n->b = parse_expression(p);
        if (!n->b) return NULL;
        if (parse_is_op(p, "=")) {
            parse_advance(p);
            n->c = parse_is_kw(p, "yield") ? parse_yield(p) : parse_star_expressions(p);
            if (!n->c) return NULL;
        }
        parse_node_finish(p, n);
        return n;
    }
    if (!parse_is_op(p, "=")) {
        Node *n = parse_node_new(p, AST_EXPR_STMT, start);
        if (!n) return NULL;
        n->a = first;
        return n;
    }
    Node *n = parse_node_new(p, AST_ASSIGN, start);
    if (!n) return NULL;
    Node *value = first;
    while (parse_is_op(p, "=")) {
        parse_advance(p);
        if (!parse_check_target(p, value, 0) || !parse_push(p, &n->list, value)) return NULL;
        value = parse_is_kw(p, "yield") ? parse_yield(p) : parse_star_expressions(p);
        if (!value) return NULL;
    }
    n->a = value;
    parse_node_finish(p, n);
    return n;
}

static int parse_simple_statements(Parser *p, NodeList *body) {
    for (;;) {
        if (!parse_push(p, body, parse_simple_statement(p))) return 0;
        if (!parse_is_op(p, ";")) break;
        parse_advance(p);
        if (parse_peek(p)->kind == TOK_NEWLINE) break;
    }
    if (parse_peek(p)->kind != TOK_NEWLINE) {
        parse_syntax_error(p);
        return 0;
    }
    parse_advance(p);
    return 1;
}

/* block: NEWLINE INDENT statements DEDENT, or simple statements on the same line. `what` names
 * the statement for the IndentationError CPython gives when the block is missing. */
static int parse_block(Parser *p, NodeList *body, const char *what, int line) {
    if (!parse_expect_op(p, ":")) return 0;
    if (parse_peek(p)->kind != TOK_NEWLINE) return parse_simple_statements(p, body);
    parse_advance(p);
    if (parse_peek(p)->kind != TOK_INDENT) {
        char msg[120];
        snprintf(msg, sizeof msg, "expected an indented block after %s on line %d", what, line);
        Token *t = parse_peek(p);
        parse_error_at(p, "IndentationError", t->line, t->col, t->line, t->col + 1, msg);
        return 0;
    }
    parse_advance(p);
    while (parse_peek(p)->kind != TOK_DEDENT && parse_peek(p)->kind != TOK_ENDMARKER)
        if (!parse_statement_into(p, body)) return 0;
    parse_advance(p);
    return 1;
}

static int parse_else_block(Parser *p, NodeList *out) {
    if (!parse_is_kw(p, "else")) return 1;
    int line = parse_advance(p)->line;
    return parse_block(p, out, "'else' statement", line);
}

static Node *parse_if(Parser *p, const char *what) {
    size_t start = p->pos;
    int line = parse_advance(p)->line;
    Node *n = parse_node_new(p, AST_IF, start);
    if (!n) return NULL;
    n->a = parse_named_expression(p);
    if (!n->a || !parse_block(p, &n->list, what, line)) return NULL;
    if (parse_is_kw(p, "elif")) {
        if (!parse_push(p, &n->list2, parse_if(p, "'elif' statement"))) return NULL;
    } else if (!parse_else_block(p, &n->list2)) {
        return NULL;
    }
    parse_node_finish(p, n);
    return n;
}

static Node *parse_def(Parser *p, size_t start, NodeList *decorators) {
    Token *def = parse_advance(p);
    Node *n = parse_node_new(p, AST_FUNCTIONDEF, start);
    if (!n) return NULL;
    if (decorators) n->list3 = *decorators;
    Token *name = parse_peek(p);
    if (name->kind != TOK_NAME || parse_tok_is_keyword(p, name)) return parse_syntax_error(p);
    parse_advance(p);
    n->str = p->src + name->start;
    n->str_len = name->end - name->start;
    if (!parse_expect_op(p, "(")) return NULL;
    n->a = parse_arguments_def(p, ")", 0);
    if (!n->a || !parse_expect_op(p, ")")) return NULL;
    if (parse_is_op(p, "->")) {
        parse_advance(p);
        n->b = parse_expression(p);
        if (!n->b) return NULL;
    }
    if (!parse_block(p, &n->list2, "function definition", def->line)) return NULL;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_class(Parser *p, size_t start, NodeList *decorators) {
    Token *cls = parse_advance(p);
    Node *n = parse_node_new(p, AST_CLASSDEF, start);
    if (!n) return NULL;
    if (decorators) n->list3 = *decorators;
    Token *name = parse_peek(p);
    if (name->kind != TOK_NAME || parse_tok_is_keyword(p, name)) return parse_syntax_error(p);
    parse_advance(p);
    n->str = p->src + name->start;
    n->str_len = name->end - name->start;
    if (parse_is_op(p, "(")) {
        parse_advance(p);
        Node call = {0};
        /* Bases and keywords parse like call arguments. */
        while (!parse_is_op(p, ")")) {
            if (parse_peek(p)->kind == TOK_NAME && lexer_is_op(p->src, parse_peek_at(p, 1), "=")) {
                size_t kstart = p->pos;
                Token *kw = parse_advance(p);
                parse_advance(p);
                Node *k = parse_node_new(p, AST_KEYWORD, kstart);
                if (!k) return NULL;
                k->str = p->src + kw->start;
                k->str_len = kw->end - kw->start;
                k->a = parse_expression(p);
                if (!k->a || !parse_push(p, &call.list2, k)) return NULL;
            } else if (!parse_push(p, &call.list, parse_expression(p))) {
                return NULL;
            }
            if (!parse_is_op(p, ",")) break;
            parse_advance(p);
        }
        if (!parse_expect_op(p, ")")) return NULL;
        n->list = call.list;
        n->list4 = call.list2;
    }
    if (!parse_block(p, &n->list2, "class definition", cls->line)) return NULL;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_try(Parser *p, size_t start) {
    int line = parse_advance(p)->line;
    Node *n = parse_node_new(p, AST_TRY, start);
    if (!n || !parse_block(p, &n->list, "'try' statement", line)) return NULL;
    while (parse_is_kw(p, "except")) {
        size_t hstart = p->pos;
        int hline = parse_advance(p)->line;
        Node *h = parse_node_new(p, AST_EXCEPTHANDLER, hstart);
        if (!h) return NULL;
        if (parse_is_op(p, "*")) return parse_error_tok(p, parse_peek(p), "except* is not supported by Anole yet");
        if (!parse_is_op(p, ":")) {
            h->a = parse_expression(p);
            if (!h->a) return NULL;
            if (parse_is_op(p, ",")) {
                /* except A, B: without parentheses is a Python 2 form. */
                return parse_error_tok(p, parse_peek(p), "multiple exception types must be parenthesized");
            }
            if (parse_is_kw(p, "as")) {
                parse_advance(p);
                Token *name = parse_advance(p);
                if (name->kind != TOK_NAME) return parse_syntax_error(p);
                h->str = p->src + name->start;
                h->str_len = name->end - name->start;
            }
        }
        if (!parse_block(p, &h->list, "'except' statement", hline)) return NULL;
        parse_node_finish(p, h);
        if (!parse_push(p, &n->list2, h)) return NULL;
    }
    if (n->list2.len && !parse_else_block(p, &n->list3)) return NULL;
    if (parse_is_kw(p, "finally")) {
        int fline = parse_advance(p)->line;
        if (!parse_block(p, &n->list4, "'finally' statement", fline)) return NULL;
    }
    if (!n->list2.len && !n->list4.len) {
        Token *t = parse_peek(p);
        parse_error_at(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, "expected 'except' or 'finally' block");
        return NULL;
    }
    parse_node_finish(p, n);
    return n;
}

static Node *parse_with(Parser *p, size_t start) {
    int line = parse_advance(p)->line;
    Node *n = parse_node_new(p, AST_WITH, start);
    if (!n) return NULL;
    do {
        if (n->list.len) parse_advance(p);
        size_t istart = p->pos;
        Node *item = parse_node_new(p, AST_WITHITEM, istart);
        if (!item) return NULL;
        item->a = parse_expression(p);
        if (!item->a) return NULL;
        if (parse_is_kw(p, "as")) {
            /* One target per item: `with a() as x, b() as y` has two items. */
            parse_advance(p);
            item->b = parse_bitwise_or(p);
            if (!item->b || !parse_check_target(p, item->b, 0)) return NULL;
        }
        parse_node_finish(p, item);
        if (!parse_push(p, &n->list, item)) return NULL;
    } while (parse_is_op(p, ","));
    if (!parse_block(p, &n->list2, "'with' statement", line)) return NULL;
    parse_node_finish(p, n);
    return n;
}

static Node *parse_compound(Parser *p) {
    size_t start = p->pos;
    if (parse_is_op(p, "@")) {
        NodeList decorators = {0};
        while (parse_is_op(p, "@")) {
            parse_advance(p);
            if (!parse_push(p, &decorators, parse_named_expression(p))) return NULL;
            if (parse_peek(p)->kind != TOK_NEWLINE) return parse_syntax_error(p);
            parse_advance(p);
        }
        size_t def_start = p->pos;
        if (parse_is_kw(p, "def")) return parse_def(p, def_start, &decorators);
        if (parse_is_kw(p, "class")) return parse_class(p, def_start, &decorators);
        return parse_syntax_error(p);
    }
    if (parse_is_kw(p, "if")) return parse_if(p, "'if' statement");
    if (parse_is_kw(p, "while")) {
        int line = parse_advance(p)->line;
        Node *n = parse_node_new(p, AST_WHILE, start);
        if (!n) return NULL;
        n->a = parse_named_expression(p);
        if (!n->a || !parse_block(p, &n->list, "'while' statement", line) || !parse_else_block(p, &n->list2)) return NULL;
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "for")) {
        int line = parse_advance(p)->line;
        Node *n = parse_node_new(p, AST_FOR, start);
        if (!n) return NULL;
        n->a = parse_star_targets(p);
        if (!n->a || !parse_check_target(p, n->a, 0)) return NULL;
        if (!parse_is_kw(p, "in")) return parse_syntax_error(p);
        parse_advance(p);
        n->b = parse_star_expressions(p);
        if (!n->b || !parse_block(p, &n->list, "'for' statement", line) || !parse_else_block(p, &n->list2)) return NULL;
        parse_node_finish(p, n);
        return n;
    }
    if (parse_is_kw(p, "try")) return parse_try(p, start);
    if (parse_is_kw(p, "with")) return parse_with(p, start);
    if (parse_is_kw(p, "class")) return parse_class(p, start, NULL);
    return parse_def(p, start, NULL);
}

int parse_statement_into(Parser *p, NodeList *body) {
    Token *t = parse_peek(p);
    if (t->kind == TOK_INDENT) {
        /* CPython shows no caret for an unexpected indent. */
        parse_error_at(p, "IndentationError", t->line, -1, t->end_line, -1, "unexpected indent");
        return 0;
    }
    if (parse_is_kw(p, "if") || parse_is_kw(p, "while") || parse_is_kw(p, "for") || parse_is_kw(p, "def") ||
        parse_is_kw(p, "class") || parse_is_kw(p, "try") || parse_is_kw(p, "with") || parse_is_op(p, "@"))
        return parse_push(p, body, parse_compound(p));
    if (parse_is_kw(p, "else") || parse_is_kw(p, "elif") || parse_is_kw(p, "except") || parse_is_kw(p, "finally")) {
        parse_syntax_error(p);
        return 0;
    }
    return parse_simple_statements(p, body);
}

Node *parser_parse_module(const char *src, size_t len, Arena *arena, SyntaxErrorInfo *err) {
    TokenList toks;
    if (!lexer_tokenize(src, len, &toks, err)) return NULL;
    Parser p = {.src = src, .toks = toks.tokens, .ntoks = toks.ntokens, .arena = arena, .err = err};
    Node *mod = parse_node_new(&p, AST_MODULE, 0);
    while (mod && parse_peek(&p)->kind != TOK_ENDMARKER) {
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
    if (e && parse_peek(&p)->kind != TOK_NEWLINE && parse_peek(&p)->kind != TOK_ENDMARKER) e = NULL;
    if (p.failed) e = NULL;
    lexer_free(&toks);
    return e;
}
