/* Unit tests of the report: Specialist's colors, the chunk sweep, positions in every unit, the JSON
 * report and the two renderings. Expected colors and chunks come from CPython 3.11 itself through
 * /work/shared/tools/cpython_spans.py (see tiny_source below for how); nothing here needs CPython
 * to run.
 *
 *   gcc -std=c11 -Wall -Wextra -Werror -Isrc tests/c/test_report.c src/report*.c src/strbuf.c -lm
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "testutil.h"

/* ---- Colors ---------------------------------------------------------------------------------- */

/* colorsys.hls_to_rgb((s / (s + a)) / 3, max(0.5, u / (s + a + u)), 1) for s, a, u in 0..5 (s, a
 * and u nested in that order, s + a = 0 skipped), channels int(255 * x), printed by python3 3.11.7.
 * The same comparison over 0..40 (68,880 colors) was run once by hand under gcc, clang and emcc. */
static const char python_colors[] =
    "ff0000ff0000fe5555ff7f7fff9999ffaaaaff0000ff0000ff0000ff3232fe5555ff6d6d"
    "ff0000ff0000ff0000ff0000ff2424ff3f3fff0000ff0000ff0000ff0000ff0000ff1c1c"
    "ff0000ff0000ff0000ff0000ff0000ff000000ff0000ff0055fe557fff7f99ff99aaffaa"
    "feff00feff00feff00feff32fefe55feff6dffaa00ffaa00ffaa00ffaa00ffb624ffbf3f"
    "ff7f00ff7f00ff7f00ff7f00ff7f00ff8d1cff6600ff6600ff6600ff6600ff6600ff6600"
    "ff5500ff5500ff5500ff5500ff5500ff550000ff0000ff0000ff0032ff3255fe556dff6d"
    "a9ff00a9ff00a9ff00a9ff00b6ff24bfff3ffeff00feff00feff00feff00feff00feff1c"
    "ffcc00ffcc00ffcc00ffcc00ffcc00ffcc00ffaa00ffaa00ffaa00ffaa00ffaa00ffaa00"
    "ff9100ff9100ff9100ff9100ff9100ff910000ff0000ff0000ff0000ff0024ff243fff3f"
    "7fff007fff007fff007fff007fff008dff1ccbff00cbff00cbff00cbff00cbff00cbff00"
    "feff00feff00feff00feff00feff00feff00ffda00ffda00ffda00ffda00ffda00ffda00"
    "ffbf00ffbf00ffbf00ffbf00ffbf00ffbf0000ff0000ff0000ff0000ff0000ff001cff1c"
    "65ff0065ff0065ff0065ff0065ff0065ff00a9ff00a9ff00a9ff00a9ff00a9ff00a9ff00"
    "daff00daff00daff00daff00daff00daff00feff00feff00feff00feff00feff00feff00"
    "ffe200ffe200ffe200ffe200ffe200ffe20000ff0000ff0000ff0000ff0000ff0000ff00"
    "54ff0054ff0054ff0054ff0054ff0054ff0091ff0091ff0091ff0091ff0091ff0091ff00"
    "bfff00bfff00bfff00bfff00bfff00bfff00e2ff00e2ff00e2ff00e2ff00e2ff00e2ff00"
    "feff00feff00feff00feff00feff00feff00";

static void test_colors(Tally *t) {
    static const struct {
        int s, a, u;
        const char *want;
    } cases[] = {{1, 1, 6, "#feff7f"}, {0, 1, 6, "#ffb6b6"}, {1, 0, 6, "#b6ffb6"},
                 {3, 1, 0, "#7fff00"}, {1, 3, 0, "#ff7f00"}};
    char got[8], what[64];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        report_color(cases[k].s, cases[k].a, cases[k].u, got);
        snprintf(what, sizeof what, "color (%d,%d,%d) is %s", cases[k].s, cases[k].a, cases[k].u,
                 cases[k].want);
        check_str(t, got, cases[k].want, what);
    }
    int same = 1;
    size_t at = 0;
    for (int s = 0; s < 6; s++)
        for (int a = 0; a < 6; a++)
            for (int u = 0; u < 6; u++) {
                if (s + a == 0) continue;
                report_color(s, a, u, got);
                if (strncmp(got + 1, python_colors + at, 6) != 0) {
                    printf("     (%d,%d,%d): got %s, want #%.6s\n", s, a, u, got, python_colors + at);
                    same = 0;
                }
                at += 6;
            }
    check(t, same && at == strlen(python_colors), "210 colors for S, A, U in 0..5 match colorsys");
}

/* ---- The tiny program ------------------------------------------------------------------------ */

/* tiny_source was run with `python3 cpython_spans.py tiny.py`; its instructions (positions and
 * states only) and its chunks are copied below. The tool gives chunk offsets in code points; they
 * were converted with len(src[:k].encode("utf-16-le")) // 2 and len(src[:k].encode()). Line 4 puts
 * "é" (2 bytes, 1 unit) and an emoji (4 bytes, 2 units) before several spans, and lines 10-11 hold
 * a span across a line break, whose whitespace run stays uncolored and splits the chunk. */
typedef struct {
    int line, end_line, col, end_col;
    ReportState state;
} TinyInstr;

#define S REPORT_SPECIALIZED
#define A REPORT_ADAPTIVE
#define U REPORT_UNQUICKENED
static const char tiny_source[] =
    "def f(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        s = \"\u00e9\U0001F600\"; total = total + i * 2.5\n"
    "    return total\n"
    "\n"
    "def g(xs):\n"
    "    t = 0\n"
    "    for x in xs:\n"
    "        t = (t +\n"
    "             x)\n"
    "    return t\n"
    "\n"
    "f(100)\n"
    "g(list(range(50)))\n"
    ;
/* line, end_line, col, end_col (UTF-8 bytes; 0 and -1 where the tool printed null), state */
static const TinyInstr tiny_instrs[] = {
    {0, 1, 0, 0, U}, {1, 5, 0, 16, U}, {1, 5, 0, 16, U}, {1, 5, 0, 16, U},
    {7, 12, 0, 12, U}, {7, 12, 0, 12, U}, {7, 12, 0, 12, U}, {14, 14, 0, 1, U},
    {14, 14, 0, 1, U}, {14, 14, 2, 5, U}, {14, 14, 0, 6, U}, {14, 14, 0, 6, U},
    {14, 14, 0, 6, U}, {15, 15, 0, 1, U}, {15, 15, 0, 1, U}, {15, 15, 2, 6, U},
    {15, 15, 2, 6, U}, {15, 15, 7, 12, U}, {15, 15, 7, 12, U}, {15, 15, 13, 15, U},
    {15, 15, 7, 16, U}, {15, 15, 7, 16, U}, {15, 15, 2, 17, U}, {15, 15, 2, 17, U},
    {15, 15, 0, 18, U}, {15, 15, 0, 18, U}, {15, 15, 0, 18, U}, {15, 15, 0, 18, U},
    {15, 15, 0, 18, U}, {1, 1, 0, 0, S}, {2, 2, 12, 13, U}, {2, 2, 4, 9, U},
    {3, 3, 13, 18, U}, {3, 3, 19, 20, U}, {3, 3, 13, 21, U}, {3, 3, 13, 21, U},
    {3, 4, 4, 45, U}, {3, 4, 4, 45, U}, {3, 3, 8, 9, U}, {4, 4, 12, 20, U},
    {4, 4, 8, 9, S}, {4, 4, 30, 35, S}, {4, 4, 38, 39, S}, {4, 4, 42, 45, S},
    {4, 4, 38, 45, A}, {4, 4, 30, 45, S}, {4, 4, 22, 27, U}, {4, 4, 22, 27, S},
    {5, 5, 11, 16, U}, {5, 5, 4, 16, U}, {7, 7, 0, 0, S}, {8, 8, 8, 9, U},
    {8, 8, 4, 5, S}, {9, 9, 13, 15, S}, {9, 11, 4, 15, U}, {9, 11, 4, 15, U},
    {9, 9, 8, 9, S}, {10, 10, 13, 14, S}, {11, 11, 13, 14, S}, {10, 11, 13, 14, S},
    {10, 10, 8, 9, U}, {10, 10, 8, 9, S}, {12, 12, 11, 12, U}, {12, 12, 4, 12, U},
};
/* from, to (UTF-16), byte_from, byte_to, S, A, U, color: the tool's chunks, offsets converted */
static const ReportChunk tiny_chunks[] = {
    {55, 56, 55, 56, 1, 0, 5, "#aaffaa"},
    {66, 71, 69, 74, 1, 0, 6, "#b6ffb6"},
    {74, 79, 77, 82, 2, 0, 5, "#6dff6d"},
    {79, 82, 82, 85, 1, 0, 5, "#aaffaa"},
    {82, 83, 85, 86, 2, 1, 5, "#bfff3f"},
    {83, 86, 86, 89, 1, 1, 5, "#feff6d"},
    {86, 89, 89, 92, 2, 1, 5, "#bfff3f"},
    {123, 124, 126, 127, 1, 0, 3, "#7fff7f"},
    {137, 138, 140, 141, 1, 0, 5, "#aaffaa"},
    {142, 144, 145, 147, 1, 0, 5, "#aaffaa"},
    {154, 155, 157, 158, 1, 0, 6, "#b6ffb6"},
    {159, 160, 162, 163, 2, 0, 5, "#6dff6d"},
    {160, 162, 163, 165, 1, 0, 5, "#aaffaa"},
    {176, 177, 179, 180, 2, 0, 5, "#6dff6d"},
};
#undef S
#undef A
#undef U

#define TINY_N (sizeof tiny_instrs / sizeof tiny_instrs[0])

/* Fills *r with the tiny program. The names and counters are made up: only the spans and states
 * come from CPython, and only they decide the chunks. */
static void tiny_report(Report *r, ReportInstr instrs[TINY_N]) {
    for (size_t k = 0; k < TINY_N; k++) {
        ReportInstr in = {"f", (int)k * 2, "NOP", NULL, tiny_instrs[k].state, tiny_instrs[k].line,
                          tiny_instrs[k].end_line, tiny_instrs[k].col, tiny_instrs[k].end_col,
                          0, 0, 0, NULL};
        instrs[k] = in;
    }
    memset(r, 0, sizeof *r);
    r->file = "tiny.py";
    r->source = tiny_source;
    r->source_len = sizeof tiny_source - 1;
    r->instrs = instrs;
    r->ninstrs = TINY_N;
}

static void test_chunks(Tally *t) {
    Report r;
    ReportInstr instrs[TINY_N];
    tiny_report(&r, instrs);
    ReportChunk *got;
    size_t n = report_chunks(&r, &got);
    size_t want_n = sizeof tiny_chunks / sizeof tiny_chunks[0];
    check_long(t, (long)n, (long)want_n, "tiny program: as many chunks as cpython_spans.py");
    int same = n == want_n;
    for (size_t k = 0; k < n && k < want_n; k++) {
        const ReportChunk *g = &got[k], *w = &tiny_chunks[k];
        if (g->from != w->from || g->to != w->to || g->byte_from != w->byte_from ||
            g->byte_to != w->byte_to || g->specialized != w->specialized ||
            g->adaptive != w->adaptive || g->unquickened != w->unquickened ||
            strcmp(g->color, w->color) != 0) {
            printf("     chunk %zu: got %zu-%zu (bytes %zu-%zu) %d/%d/%d %s\n", k, g->from, g->to,
                   g->byte_from, g->byte_to, g->specialized, g->adaptive, g->unquickened, g->color);
            same = 0;
        }
    }
    check(t, same, "tiny program: every chunk equals cpython_spans.py's (UTF-16, bytes, counts, color)");
    free(got);

    Report empty = {0};
    empty.source = "x = 1\n";
    empty.source_len = 6;
    n = report_chunks(&empty, &got);
    check(t, n == 0 && got == NULL, "no instructions: no chunks and a NULL list");
}

static void test_positions(Tally *t) {
    ReportLines l;
    check(t, report_lines_init(&l, tiny_source, sizeof tiny_source - 1), "lines of the tiny program");
    check_long(t, (long)l.nlines, 15, "tiny program has 15 lines");
    ReportPos p = report_lines_pos(&l, 4, 30); /* "total" after "é😀" */
    check(t, p.column == 26 && p.utf16 == 74 && p.byte == 77,
          "byte column 30 after é and an emoji is code point 26, UTF-16 74, byte 77");
    p = report_lines_pos(&l, 4, 14); /* inside the two bytes of é */
    check(t, p.column == 13 && p.byte == 60, "a column inside é counts as é's start");
    p = report_lines_pos(&l, 4, 18); /* inside the four bytes of the emoji */
    check(t, p.column == 14 && p.utf16 == 61, "a column inside the emoji counts as its start");
    p = report_lines_pos(&l, 4, 1000);
    check(t, p.byte == 93 && p.column == 42, "a column past the line clamps to the next line's start");
    p = report_lines_pos(&l, 16, 0);
    check(t, p.byte == 222 && p.utf16 == 219, "the line after the last is the end of the source");
    report_lines_free(&l);

    /* CPython numbers lines at "\n", "\r\n" and a lone "\r" only. str.splitlines, which the
     * reference tool uses, also breaks at form feed and a few more, which misplaces every span
     * after one; Anole follows CPython here. */
    static const char crlf[] = "a\r\nb\rc\x0c\nd";
    check(t, report_lines_init(&l, crlf, sizeof crlf - 1), "lines of a CRLF / CR / form feed text");
    check(t, l.nlines == 4 && report_lines_pos(&l, 2, 0).byte == 3 && report_lines_pos(&l, 3, 1).byte == 6 &&
                 report_lines_pos(&l, 4, 0).byte == 8,
          "\\r\\n and \\r end lines, form feed does not");
    report_lines_free(&l);
}

/* ---- JSON -------------------------------------------------------------------------------------- */

/* A strict JSON recognizer (RFC 8259 grammar), enough to prove the report parses. */
typedef struct {
    const char *p, *end;
} Json;

static void json_ws(Json *j) {
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\n' || *j->p == '\r' || *j->p == '\t')) j->p++;
}

static int json_lit(Json *j, const char *lit) {
    size_t n = strlen(lit);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n) != 0) return 0;
    j->p += n;
    return 1;
}

static int json_string(Json *j) {
    if (!json_lit(j, "\"")) return 0;
    while (j->p < j->end && *j->p != '"') {
        unsigned char c = (unsigned char)*j->p++;
        if (c < 0x20) return 0;
        if (c != '\\') continue;
        if (j->p >= j->end) return 0;
        c = (unsigned char)*j->p++;
        if (c == 'u') {
            for (int k = 0; k < 4; k++, j->p++)
                if (j->p >= j->end || !strchr("0123456789abcdefABCDEF", *j->p)) return 0;
        } else if (!strchr("\"\\/bfnrt", c)) {
            return 0;
        }
    }
    return json_lit(j, "\"");
}

static int json_digits(Json *j) {
    const char *start = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9') j->p++;
    return j->p > start;
}

static int json_number(Json *j) {
    if (j->p < j->end && *j->p == '-') j->p++;
    if (j->p < j->end && *j->p == '0') j->p++;
    else if (!json_digits(j)) return 0;
    if (j->p < j->end && *j->p == '.' && (j->p++, !json_digits(j))) return 0;
    if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
        j->p++;
        if (j->p < j->end && (*j->p == '+' || *j->p == '-')) j->p++;
        if (!json_digits(j)) return 0;
    }
    return 1;
}

static int json_value(Json *j, int depth) {
    json_ws(j);
    if (depth > 64 || j->p >= j->end) return 0;
    char c = *j->p;
    if (c == '"') return json_string(j);
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->p++;
        json_ws(j);
        if (json_lit(j, close == '}' ? "}" : "]")) return 1;
        for (;;) {
            if (close == '}') {
                json_ws(j);
                if (!json_string(j)) return 0;
                json_ws(j);
                if (!json_lit(j, ":")) return 0;
            }
            if (!json_value(j, depth + 1)) return 0;
            json_ws(j);
            if (json_lit(j, ",")) continue;
            return json_lit(j, close == '}' ? "}" : "]");
        }
    }
    if (json_lit(j, "true") || json_lit(j, "false") || json_lit(j, "null")) return 1;
    return json_number(j);
}

static int json_parses(const char *text, size_t len) {
    Json j = {text, text + len};
    if (!json_value(&j, 0)) return 0;
    json_ws(&j);
    return j.p == j.end;
}

static size_t count_of(const char *hay, const char *needle) {
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) n++;
    return n;
}

static void test_json(Tally *t) {
    Report r;
    ReportInstr instrs[TINY_N];
    tiny_report(&r, instrs);
    instrs[44].family = "BINARY_OP"; /* the adaptive "i * 2.5" on line 4 */
    instrs[44].opname = "BINARY_OP_ADAPTIVE";
    instrs[44].failure = "MULTIPLY_DIFFERENT_TYPES";
    instrs[44].misses = 3;
    ReportKind kinds[] = {{"MULTIPLY_DIFFERENT_TYPES", 2}, {"OTHER", 1}};
    ReportFamily fams[] = {{"BINARY_OP", 2, 3, 5400, 0, 12, 0, kinds, 2},
                           {"LOAD_ATTR", 0, 0, 0, 0, 0, 0, NULL, 0}};
    r.families = fams;
    r.nfamilies = 2;
    r.has_error = 1;
    r.error_type = "ZeroDivisionError";
    r.error_message = "division by \"zero\"";
    r.error_line = 7;

    StrBuf a, b;
    strbuf_init(&a);
    strbuf_init(&b);
    report_json(&r, &a);
    report_json(&r, &b);
    const char *s = strbuf_cstr(&a);
    check(t, !a.failed && json_parses(a.data, a.len), "tiny report is valid JSON");
    check(t, a.len == b.len && memcmp(a.data, b.data, a.len) == 0, "same report, same bytes");
    check(t, strncmp(s, "{\"version\":1,\"profile\":\"3.11\",\"file\":\"tiny.py\",\n", 47) == 0,
          "header: version, profile, file");
    check(t, strstr(s, "\"error\":{\"type\":\"ZeroDivisionError\",\"message\":\"division by \\\"zero\\\"\",\"line\":7}") != NULL,
          "error object with an escaped message");
    check_long(t, (long)count_of(s, "{\"code\":"), (long)TINY_N - 1,
               "every instruction with a line is listed, the line-0 one is not");
    check(t, strstr(s, "{\"code\":\"f\",\"offset\":82,\"opname\":\"NOP\",\"family\":null,\"state\":\"specialized\","
                       "\"line\":4,\"end_line\":4,\"col\":26,\"end_col\":31,\"from\":74,\"to\":79,"
                       "\"hits\":0,\"misses\":0,\"deopts\":0,\"failure\":null}") != NULL,
          "\"total\" after é and an emoji: code-point columns 26-31, UTF-16 74-79");
    check(t, strstr(s, "\"opname\":\"BINARY_OP_ADAPTIVE\",\"family\":\"BINARY_OP\",\"state\":\"adaptive\","
                       "\"line\":4,\"end_line\":4,\"col\":34,\"end_col\":41,\"from\":82,\"to\":89,"
                       "\"hits\":0,\"misses\":3,\"deopts\":0,\"failure\":\"MULTIPLY_DIFFERENT_TYPES\"}") != NULL,
          "adaptive instruction with family, misses and failure");
    check_long(t, (long)count_of(s, "{\"from\":"), (long)(sizeof tiny_chunks / sizeof tiny_chunks[0]),
               "every chunk is listed");
    check(t, strstr(s, "\n{\"from\":74,\"to\":79,\"specialized\":2,\"adaptive\":0,\"unquickened\":5,\"color\":\"#6dff6d\"},\n") != NULL,
          "a chunk line");
    check(t, strstr(s, "\"stats\":{\n\"BINARY_OP\":{\"success\":2,\"failure\":3,\"hit\":5400,\"miss\":0,"
                       "\"deferred\":12,\"deopt\":0,\"failure_kinds\":{\"MULTIPLY_DIFFERENT_TYPES\":2,\"OTHER\":1}},\n"
                       "\"LOAD_ATTR\":{\"success\":0,\"failure\":0,\"hit\":0,\"miss\":0,\"deferred\":0,\"deopt\":0,"
                       "\"failure_kinds\":{}}\n}}\n") != NULL,
          "stats per family with failure kinds, in the Report's order");

    /* Escaping: quotes, backslashes, control characters; UTF-8 passes through. */
    Report e = {0};
    e.file = "a\"b\\c\n\x01\xc3\xa9.py";
    e.source = "";
    strbuf_clear(&a);
    report_json(&e, &a);
    s = strbuf_cstr(&a);
    check(t, strstr(s, "\"file\":\"a\\\"b\\\\c\\n\\u0001\xc3\xa9.py\"") != NULL, "file name escaped");
    check(t, json_parses(a.data, a.len), "empty report is valid JSON");
    check(t, strstr(s, "\"error\":null") && strstr(s, "\"instructions\":[\n]") && strstr(s, "\"chunks\":[\n]") &&
                 strstr(s, "\"stats\":{\n}}"),
          "empty report: null error, empty lists");
    strbuf_free(&a);
    strbuf_free(&b);
}

/* ---- Renderings ------------------------------------------------------------------------------ */

static void test_ansi(Tally *t) {
    Report r;
    ReportInstr instrs[TINY_N];
    tiny_report(&r, instrs);
    StrBuf b;
    strbuf_init(&b);
    report_ansi(&r, &b);
    const char *s = strbuf_cstr(&b);
    check(t, strstr(s, "mtotal\x1b[0m = \x1b[38;2;0;0;0;48;2;109;255;109mtotal\x1b[0m") != NULL,
          "ANSI: a chunk gets a 24-bit background and a black foreground");
    check_long(t, (long)count_of(s, "\x1b[0m"), (long)(sizeof tiny_chunks / sizeof tiny_chunks[0]),
               "ANSI: one colored run per chunk");
    check(t, strncmp(s, "def f(n):\n", 10) == 0 && !strstr(s, "quickened"), "ANSI: plain text unchanged, no hint");

    /* Nothing quickened: the source as is, a newline added, and the hint. */
    ReportInstr cold = {"<module>", 2, "LOAD_CONST", NULL, REPORT_UNQUICKENED, 1, 1, 4, 5, 0, 0, 0, NULL};
    Report c = {0};
    c.source = "x = 1";
    c.source_len = 5;
    c.instrs = &cold;
    c.ninstrs = 1;
    strbuf_clear(&b);
    report_ansi(&c, &b);
    s = strbuf_cstr(&b);
    check(t, strncmp(s, "x = 1\nNo quickened code found", 29) == 0 && s[b.len - 1] == '\n',
          "ANSI: nothing quickened says so after the plain source");
    strbuf_free(&b);
}

static void test_html(Tally *t) {
    Report r;
    ReportInstr instrs[TINY_N];
    tiny_report(&r, instrs);
    r.file = "<tiny>.py";
    StrBuf b;
    strbuf_init(&b);
    report_html(&r, &b);
    const char *s = strbuf_cstr(&b);
    check(t, strstr(s, "<title>&lt;tiny&gt;.py</title>") != NULL, "HTML: escaped file name as the title");
    check(t, strstr(s, "<pre>def f(n):\n") != NULL && strstr(s, "</pre></body></html>") != NULL,
          "HTML: source in one <pre>");
    check(t, strstr(s, "s</span> = &quot;\xc3\xa9\xf0\x9f\x98\x80&quot;; <span style='background-color:#b6ffb6'>total</span> = "
                       "<span style='background-color:#6dff6d'>total</span>") != NULL,
          "HTML: escaped quotes, UTF-8 kept, colored span as Specialist writes it");
    check(t, strstr(s, "<span style='background-color:#aaffaa'> +</span>\n             "
                       "<span style='background-color:#6dff6d'>x</span>") != NULL,
          "HTML: the whitespace run with a newline inside a span stays uncolored");
    check_long(t, (long)count_of(s, "<span "), (long)(sizeof tiny_chunks / sizeof tiny_chunks[0]),
               "HTML: one span per chunk");
    strbuf_free(&b);
}

int main(void) {
    Tally t = {0, 0};
    test_colors(&t);
    test_chunks(&t);
    test_positions(&t);
    test_json(&t);
    test_ansi(&t);
    test_html(&t);
    return tally_finish(&t);
}
