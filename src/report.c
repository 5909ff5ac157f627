/* The span model: source positions in bytes, code points and UTF-16 units, Specialist's colors, and
 * the sweep that turns instruction spans into chunks. /work/shared/tools/cpython_spans.py is the
 * reference; every rule below that looks arbitrary is there to give the same chunks it gives. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the UTF-8 character at s[i] (i < len) into *cp and returns its length in bytes. A byte
 * that does not start a well-formed sequence counts as one character (U+FFFD), so every byte of
 * any input is accounted for. */
static size_t report_utf8_next(const char *s, size_t len, size_t i, unsigned *cp) {
    const unsigned char *p = (const unsigned char *)s + i;
    size_t avail = len - i;
    size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xf0 && p[0] < 0xf5 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
    if (n == 0 || n > avail) {
        *cp = 0xfffd;
        return 1;
    }
    unsigned c = n == 1 ? p[0] : n == 2 ? p[0] & 0x1fu : n == 3 ? p[0] & 0x0fu : p[0] & 0x07u;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return 1;
        }
        c = c << 6 | (p[k] & 0x3fu);
    }
    *cp = c;
    return n;
}

static size_t report_utf16_units(unsigned cp) { return cp >= 0x10000 ? 2 : 1; }

/* Python's str.isspace(), which is what the reference tool's re pattern \s matches. */
static int report_is_space(unsigned cp) {
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

int report_lines_init(ReportLines *l, const char *source, size_t len) {
    memset(l, 0, sizeof *l);
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (source[i] == '\n' || (source[i] == '\r' && (i + 1 == len || source[i + 1] != '\n'))) n++;
    /* One more for a last line without a terminator, one more for the end sentinel. */
    l->line_byte = malloc((n + 2) * sizeof *l->line_byte);
    l->line_utf16 = malloc((n + 2) * sizeof *l->line_utf16);
    if (!l->line_byte || !l->line_utf16) {
        report_lines_free(l);
        return 0;
    }
    l->source = source;
    l->len = len;
    size_t units = 0, i = 0;
    l->line_byte[0] = l->line_utf16[0] = 0;
    while (i < len) {
        unsigned cp;
        size_t step = report_utf8_next(source, len, i, &cp);
        int ends_line = cp == '\n' || (cp == '\r' && (i + 1 == len || source[i + 1] != '\n'));
        i += step;
        units += report_utf16_units(cp);
        /* Like str.splitlines, a terminator at the very end does not open an empty last line. */
        if (ends_line && i < len) {
            l->nlines++;
            l->line_byte[l->nlines] = i;
            l->line_utf16[l->nlines] = units;
        }
    }
    if (len > 0) l->nlines++;
    l->line_byte[l->nlines] = len;
    l->line_utf16[l->nlines] = units;
    return 1;
}

void report_lines_free(ReportLines *l) {
    free(l->line_byte);
    free(l->line_utf16);
    memset(l, 0, sizeof *l);
}

ReportPos report_lines_pos(const ReportLines *l, int line, int byte_col) {
    ReportPos pos = {0, 0, 0};
    if (line < 1) return pos;
    if ((size_t)line > l->nlines) {
        pos.byte = l->len;
        pos.utf16 = l->line_utf16[l->nlines];
        return pos;
    }
    size_t start = l->line_byte[line - 1], end = l->line_byte[line];
    size_t i = start, units = l->line_utf16[line - 1];
    size_t limit = byte_col < 0 ? start : start + (size_t)byte_col;
    /* Only characters that end at or before the column count, as with decode("utf-8", "ignore")
     * of the truncated line in the reference. */
    while (i < end) {
        unsigned cp;
        size_t step = report_utf8_next(l->source, l->len, i, &cp);
        if (i + step > limit) break;
        i += step;
        units += report_utf16_units(cp);
        pos.column++;
    }
    pos.byte = i;
    pos.utf16 = units;
    return pos;
}

/* Python's float % for a positive divisor: the result takes the divisor's sign. */
static double report_pymod1(double x) {
    double m = fmod(x, 1.0);
    if (m != 0.0) {
        if (m < 0) m += 1.0;
    } else {
        m = 0.0; /* fmod can give -0.0; Python returns +0.0 */
    }
    return m;
}

/* Rounds a product to double before anything adds to it. Compilers may otherwise fuse a * b + c
 * into one rounding (GCC does so in its default gnu mode on FMA hardware, Clang under
 * FP_CONTRACT), which changes the last bit of a channel and sometimes its truncated byte. The
 * volatile store is the one barrier every compiler mode respects. */
static double report_mul(double a, double b) {
    volatile double p = a * b;
    return p;
}

/* colorsys._v, written with the same operations in the same order so every rounding matches. */
static double report_hls_v(double m1, double m2, double hue) {
    const double one_sixth = 1.0 / 6.0, two_third = 2.0 / 3.0;
    hue = report_pymod1(hue);
    if (hue < one_sixth) return m1 + report_mul(report_mul(m2 - m1, hue), 6.0);
    if (hue < 0.5) return m2;
    if (hue < two_third) return m1 + report_mul(report_mul(m2 - m1, two_third - hue), 6.0);
    return m1;
}

void report_color(int specialized, int adaptive, int unquickened, char out[8]) {
    static const char hex[] = "0123456789abcdef";
    int quickened = specialized + adaptive;
    if (quickened <= 0) {
        /* Specialist's "no color"; chunks never carry it, but the function stays total. */
        memcpy(out, "#ffffff", 8);
        return;
    }
    /* cpython_spans.py: hls_to_rgb((s / (s + a)) / 3, max(0.5, u / (s + a + u)), 1). */
    double h = ((double)specialized / (double)quickened) / 3;
    double light = (double)unquickened / (double)(quickened + unquickened);
    double l = light > 0.5 ? light : 0.5, s = 1.0;
    double m2 = l <= 0.5 ? report_mul(l, 1.0 + s) : l + s - report_mul(l, s);
    double m1 = report_mul(2.0, l) - m2;
    const double one_third = 1.0 / 3.0;
    double rgb[3] = {report_hls_v(m1, m2, h + one_third), report_hls_v(m1, m2, h),
                     report_hls_v(m1, m2, h - one_third)};
    out[0] = '#';
    for (int k = 0; k < 3; k++) {
        int v = (int)(255 * rgb[k]); /* int() truncates toward zero, as the C cast does */
        v = v < 0 ? 0 : v > 255 ? 255 : v;
        out[1 + 2 * k] = hex[v >> 4];
        out[2 + 2 * k] = hex[v & 15];
    }
    out[7] = '\0';
}

/* Appends one chunk, growing the array geometrically. Returns 0 when out of memory. */
static int report_push_chunk(ReportChunk **chunks, size_t *n, size_t *cap, const ReportChunk *c) {
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        ReportChunk *p = realloc(*chunks, ncap * sizeof *p);
        if (!p) return 0;
        *chunks = p;
        *cap = ncap;
    }
    (*chunks)[(*n)++] = *c;
    return 1;
}

/* The sweep over code points. delta holds, per byte offset, the change of (S, A, U) there; spans
 * start and end on character boundaries, so looking at each character's first byte sees all. */
static size_t report_sweep(const ReportLines *l, const int (*delta)[3], ReportChunk **out) {
    ReportChunk *chunks = NULL, cur = {0};
    size_t n = 0, cap = 0, units = 0, i = 0;
    size_t run_end = 0;  /* end of the whitespace run already classified */
    int run_blank = 0;   /* whether that run contains a newline and so stays uncolored */
    int count[3] = {0, 0, 0};
    int open = 0;        /* whether chunks[n - 1] is the run just before this character */
    while (i < l->len) {
        unsigned cp;
        size_t step = report_utf8_next(l->source, l->len, i, &cp);
        for (int k = 0; k < 3; k++) count[k] += delta[i][k];
        if (i >= run_end && report_is_space(cp)) {
            /* The reference blanks every match of \s*\n\s*, which is exactly every maximal
             * whitespace run that holds a "\n". */
            run_blank = 0;
            run_end = i;
            while (run_end < l->len) {
                unsigned c;
                size_t s = report_utf8_next(l->source, l->len, run_end, &c);
                if (!report_is_space(c)) break;
                run_blank |= c == '\n';
                run_end += s;
            }
        }
        int blank = i < run_end && run_blank;
        size_t next_units = units + report_utf16_units(cp);
        if (blank || count[0] + count[1] == 0) {
            open = 0;
        } else if (open && chunks[n - 1].specialized == count[0] && chunks[n - 1].adaptive == count[1] &&
                   chunks[n - 1].unquickened == count[2]) {
            chunks[n - 1].to = next_units;
            chunks[n - 1].byte_to = i + step;
        } else {
            cur.from = units;
            cur.to = next_units;
            cur.byte_from = i;
            cur.byte_to = i + step;
            cur.specialized = count[0];
            cur.adaptive = count[1];
            cur.unquickened = count[2];
            report_color(count[0], count[1], count[2], cur.color);
            if (!report_push_chunk(&chunks, &n, &cap, &cur)) {
                free(chunks);
                *out = NULL;
                return 0;
            }
            open = 1;
        }
        i += step;
        units = next_units;
    }
    *out = chunks;
    return n;
}

size_t report_chunks(const Report *r, ReportChunk **out) {
    *out = NULL;
    ReportLines lines;
    if (!report_lines_init(&lines, r->source ? r->source : "", r->source ? r->source_len : 0)) return 0;
    int (*delta)[3] = calloc(lines.len + 1, sizeof *delta);
    if (!delta) {
        report_lines_free(&lines);
        return 0;
    }
    for (size_t k = 0; k < r->ninstrs; k++) {
        const ReportInstr *in = &r->instrs[k];
        /* A missing piece of position (line 0, or a negative column) keeps it out of the model. */
        if (in->line <= 0 || in->end_line <= 0 || in->col < 0 || in->end_col < 0) continue;
        if ((unsigned)in->state > REPORT_SPECIALIZED) continue;
        size_t lo = report_lines_pos(&lines, in->line, in->col).byte;
        size_t hi = report_lines_pos(&lines, in->end_line, in->end_col).byte;
        if (hi <= lo) continue;
        /* Index 0 is S, 1 is A, 2 is U: the reverse of the ReportState numbering. */
        int kind = in->state == REPORT_SPECIALIZED ? 0 : in->state == REPORT_ADAPTIVE ? 1 : 2;
        delta[lo][kind]++;
        delta[hi][kind]--;
    }
    size_t n = report_sweep(&lines, (const int (*)[3])delta, out);
    free(delta);
    report_lines_free(&lines);
    return n;
}
