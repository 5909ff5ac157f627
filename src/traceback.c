/* Printing uncaught exceptions and syntax errors exactly as CPython 3.11 does: the frames, the
 * source line, and PEP 657 carets, with `~` and `^` anchors under a binary operator or a
 * subscript (found by parsing the instruction's source segment, as CPython does). */
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "parser.h"
#include "runtime.h"
#include "traceback.h"
#include "vm.h"

#define TB_RECURSIVE_CUTOFF 3

/* The line (1-based) of the source, without its line break. */
static int source_line(const char *src, size_t len, int line, const char **start, size_t *n) {
    if (!src || line < 1) return 0;
    size_t i = 0;
    for (int l = 1; l < line; l++) {
        while (i < len && src[i] != '\n') i++;
        if (i >= len) return 0;
        i++;
    }
    size_t e = i;
    while (e < len && src[e] != '\n') e++;
    if (e > i && src[e - 1] == '\r') e--;
    *start = src + i;
    *n = e - i;
    return 1;
}

/* Writes the source line as CPython shows it (indented by four, its own indentation and trailing
 * blanks stripped) and returns how many bytes of indentation were stripped. */
static size_t traceback_show_line(const char *line, size_t n, StrBuf *out) {
    size_t indent = 0;
    while (indent < n && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f')) indent++;
    size_t end = n;
    while (end > indent && (line[end - 1] == ' ' || line[end - 1] == '\t')) end--;
    strbuf_puts(out, "    ");
    strbuf_append(out, line + indent, end - indent);
    strbuf_putc(out, '\n');
    return indent;
}

static size_t chars_in(const char *s, size_t bytes) { return utf8_count_chars(s, bytes); }

/* Finds the operator (or subscript) anchors in a one-line segment, as character offsets into
 * the segment. Returns 0 when the segment is not a binary operation or subscript. */
static int traceback_anchors(const char *seg, size_t n, size_t *left, size_t *right) {
    Arena arena = {0};
    Node *e = parser_parse_expression(seg, n, &arena);
    int found = 0;
    if (e && e->span.line == 1 && e->span.end_line == 1 && e->kind == AST_BINOP) {
        size_t from = (size_t)e->a->span.end_col, to = (size_t)e->b->span.col;
        if (e->a->span.end_line != 1 || e->b->span.line != 1) to = from;
        for (size_t i = from; i < to && i < n; i++) {
            char c = seg[i];
            if (c == ' ' || c == '\t' || c == '\f' || c == ')' || c == '#') continue;
            *left = i;
            *right = i + 1;
            if (i + 1 < to && !(seg[i + 1] == ' ' || seg[i + 1] == '\t')) (*right)++;
            found = 1;
            break;
        }
    } else if (e && e->kind == AST_SUBSCRIPT && e->a->span.end_line == 1 && e->b->span.end_line == 1) {
        *left = (size_t)e->a->span.end_col;
        *right = (size_t)e->b->span.end_col + 1;
        found = 1;
    }
    if (found) {
        *left = chars_in(seg, *left);
        *right = chars_in(seg, *right);
    }
    arena_free(&arena);
    return found;
}

static void traceback_frame(VM *vm, Code *code, uint32_t instr, StrBuf *out) {
    Position pos = code->positions[instr];
    strbuf_printf(out, "  File \"%s\", line %d, in %s\n", code->filename->data, pos.line, code->name->data);
    const char *line;
    size_t n;
    if (!source_line(vm->source, vm->source_len, pos.line, &line, &n)) return;
    size_t indent = traceback_show_line(line, n, out);
    if (pos.line != pos.end_line || pos.col < 0 || (size_t)pos.end_col > n || pos.end_col < pos.col) return;
    size_t truncation = chars_in(line, indent);
    size_t start = chars_in(line, (size_t)pos.col), stop = chars_in(line, (size_t)pos.end_col);
    size_t left = 0, right = 0;
    int anchors = traceback_anchors(line + pos.col, (size_t)(pos.end_col - pos.col), &left, &right);
    if (anchors) {
        left += start;
        right += start;
    }
    size_t stripped_len = chars_in(line, n) - truncation;
    if (stop - start == stripped_len && !anchors) return;
    strbuf_puts(out, "    ");
    for (size_t col = truncation + 1; col <= stop; col++) {
        if (col <= start) strbuf_putc(out, ' ');
        else if (anchors && left < col && col <= right) strbuf_putc(out, '^');
        else strbuf_putc(out, anchors ? '~' : '^');
    }
    strbuf_putc(out, '\n');
}

/* ---- "Did you mean" suggestions, as CPython 3.11's Python/suggestions.c computes them ---- */

#define SUGGEST_MAX_ITEMS 750
#define SUGGEST_MAX_STRING 40
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static size_t suggest_substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return SUGGEST_MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z') b = (char)(b + ('a' - 'A'));
    return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

static size_t suggest_distance(const char *a, size_t an, const char *b, size_t bn, size_t max_cost) {
    size_t buffer[SUGGEST_MAX_STRING];
    while (an && bn && a[0] == b[0]) a++, b++, an--, bn--;
    while (an && bn && a[an - 1] == b[bn - 1]) an--, bn--;
    if (an == 0 || bn == 0) return (an + bn) * SUGGEST_MOVE_COST;
    if (an > SUGGEST_MAX_STRING || bn > SUGGEST_MAX_STRING) return max_cost + 1;
    if (bn < an) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if ((bn - an) * SUGGEST_MOVE_COST > max_cost) return max_cost + 1;
    size_t tmp = SUGGEST_MOVE_COST;
    for (size_t i = 0; i < an; i++) {
        buffer[i] = tmp;
        tmp += SUGGEST_MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * SUGGEST_MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + suggest_substitution_cost(code, a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* The closest candidate to name among n strs, or NULL. */
static Str *suggest_among(Str *name, Str **cands, size_t n) {
    if (n >= SUGGEST_MAX_ITEMS) return NULL;
    Str *best = NULL;
    size_t best_d = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        Str *c = cands[i];
        if (str_equal(c, name)) continue;
        size_t max_d = (name->len + c->len + 3) * SUGGEST_MOVE_COST / 6;
        if (best && best_d - 1 < max_d) max_d = best_d - 1;
        size_t d = suggest_distance(name->data, name->len, c->data, c->len, max_d);
        if (d > max_d) continue;
        if (!best || d < best_d) {
            best = c;
            best_d = d;
        }
    }
    return best;
}

static Str *suggest_in_dict(Str *name, Dict *d) {
    if (!d) return NULL;
    Str *cands[SUGGEST_MAX_ITEMS];
    size_t n = 0;
    for (uint32_t i = 0; i < d->nentries && n < SUGGEST_MAX_ITEMS; i++)
        if (value_is_kind(d->entries[i].key, OBJ_STR)) cands[n++] = value_as_ptr(d->entries[i].key);
    if (d->count >= SUGGEST_MAX_ITEMS) return NULL;
    return suggest_among(name, cands, n);
}

static Str *suggest_for(VM *vm, Exception *e) {
    if (!e->dict) return NULL;
    Value namev = dict_get_str(e->dict, str_intern(vm, "name", 4));
    if (!value_is_kind(namev, OBJ_STR)) return NULL;
    Str *name = value_as_ptr(namev);
    if (type_is_subtype(e->type, &exc_NameError)) {
        Traceback *tb = e->traceback;
        while (tb && tb->next) tb = tb->next;
        if (tb && tb->code->nlocals) {
            Str *s = suggest_among(name, tb->code->varnames, tb->code->nlocals);
            if (s) return s;
        }
        Str *s = suggest_in_dict(name, vm->globals);
        return s ? s : suggest_in_dict(name, vm->builtins);
    }
    Value obj = dict_get_str(e->dict, str_intern(vm, "obj", 3));
    if (obj == VALUE_NULL) return NULL;
    Value names = class_dir(vm, obj);
    if (names == VALUE_ERROR) {
        vm->exc = VALUE_NULL;
        return NULL;
    }
    List *l = value_as_ptr(names);
    if (l->len >= SUGGEST_MAX_ITEMS) return NULL;
    Str *cands[SUGGEST_MAX_ITEMS];
    size_t n = 0;
    for (uint32_t i = 0; i < l->len; i++)
        if (value_is_kind(l->items[i], OBJ_STR)) cands[n++] = value_as_ptr(l->items[i]);
    return suggest_among(name, cands, n);
}

static void exc_print_one(VM *vm, Exception *e, StrBuf *out) {
    if (e->traceback) strbuf_puts(out, "Traceback (most recent call last):\n");
    Code *last_code = NULL;
    int last_line = -1, count = 0;
    for (Traceback *tb = e->traceback; tb; tb = tb->next) {
        int line = tb->code->positions[tb->instr].line;
        if (tb->code != last_code || line != last_line) {
            if (count > TB_RECURSIVE_CUTOFF) {
                int more = count - TB_RECURSIVE_CUTOFF;
                strbuf_printf(out, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
            }
            last_code = tb->code;
            last_line = line;
            count = 0;
        }
        count++;
        if (count <= TB_RECURSIVE_CUTOFF) traceback_frame(vm, tb->code, tb->instr, out);
    }
    if (count > TB_RECURSIVE_CUTOFF) {
        int more = count - TB_RECURSIVE_CUTOFF;
        strbuf_printf(out, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
    }
    strbuf_puts(out, e->type->name);
    StrBuf msg;
    strbuf_init(&msg);
    Value ev = value_from_ptr(e);
    if (type_of(ev)->str) {
        if (!type_of(ev)->str(vm, ev, &msg)) vm->exc = VALUE_NULL;
    } else if (e->message != VALUE_NULL) {
        if (type_is_subtype(e->type, &exc_KeyError) && (!e->args || e->args->len == 1)) op_repr_into(vm, e->message, &msg);
        else op_str_into(vm, e->message, &msg);
    }
    if (msg.len) {
        strbuf_puts(out, ": ");
        strbuf_append(out, msg.data, msg.len);
    }
    strbuf_free(&msg);
    if (type_is_subtype(e->type, &exc_NameError) || type_is_subtype(e->type, &exc_AttributeError)) {
        Str *s = suggest_for(vm, e);
        if (s) strbuf_printf(out, ". Did you mean: '%s'?", s->data);
    }
    strbuf_putc(out, '\n');
}

static void exc_print_chain(VM *vm, Exception *e, StrBuf *out, int depth) {
    if (depth < 32) {
        if (value_is_kind(e->cause, OBJ_EXCEPTION)) {
            exc_print_chain(vm, value_as_ptr(e->cause), out, depth + 1);
            strbuf_puts(out, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (value_is_kind(e->context, OBJ_EXCEPTION) && !e->suppress_context) {
            exc_print_chain(vm, value_as_ptr(e->context), out, depth + 1);
            strbuf_puts(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    exc_print_one(vm, e, out);
}

void exc_print_traceback(VM *vm, Exception *e, StrBuf *out) { exc_print_chain(vm, e, out, 0); }

void traceback_print_syntax_error(VM *vm, const SyntaxErrorInfo *err, const char *filename, StrBuf *out) {
    strbuf_printf(out, "  File \"%s\", line %d\n", filename, err->line);
    const char *line;
    size_t n;
    if (source_line(vm->source, vm->source_len, err->line, &line, &n)) {
        size_t indent = traceback_show_line(line, n, out);
        if (err->col < 0) {
            strbuf_printf(out, "%s: %s\n", err->type, err->message);
            return;
        }
        size_t col = (size_t)err->col > n ? n : (size_t)err->col;
        size_t start = chars_in(line, col);
        size_t stop = err->end_line == err->line && (size_t)err->end_col <= n + 1 && err->end_col > err->col
                          ? chars_in(line, (size_t)err->end_col > n ? n : (size_t)err->end_col) + ((size_t)err->end_col > n)
                          : start + 1;
        if (stop <= start) stop = start + 1;
        size_t truncation = chars_in(line, indent);
        strbuf_puts(out, "    ");
        for (size_t i = truncation; i < start; i++) strbuf_putc(out, ' ');
        for (size_t i = start; i < stop; i++) strbuf_putc(out, '^');
        strbuf_putc(out, '\n');
    }
    strbuf_printf(out, "%s: %s\n", err->type, err->message);
}
