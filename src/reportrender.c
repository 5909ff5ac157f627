/* The two renderings of the chunk list for people: the source with 24-bit ANSI backgrounds for a
 * terminal (--specialist) and a standalone HTML page (--html), both in Specialist's colors. Text
 * outside chunks is copied unchanged; chunks are cut at byte offsets that report_chunks puts on
 * character boundaries, so no UTF-8 sequence is ever split. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static int report_hex_digit(char c) { return c >= 'a' ? c - 'a' + 10 : c - '0'; }

static int report_channel(const char *color, int k) {
    return report_hex_digit(color[1 + 2 * k]) * 16 + report_hex_digit(color[2 + 2 * k]);
}

static int report_any_quickened(const Report *r) {
    for (size_t k = 0; k < r->ninstrs; k++)
        if (r->instrs[k].state != REPORT_UNQUICKENED) return 1;
    return 0;
}

void report_ansi(const Report *r, StrBuf *out) {
    const char *src = r->source ? r->source : "";
    size_t len = r->source ? r->source_len : 0;
    ReportChunk *chunks;
    size_t n = report_chunks(r, &chunks), at = 0;
    for (size_t k = 0; k < n; k++) {
        const ReportChunk *c = &chunks[k];
        strbuf_append(out, src + at, c->byte_from - at);
        /* A black foreground keeps the text readable on the pale backgrounds whatever the
         * terminal's own colors are; 38;2;0;0;0 is exact black, where 30 is the theme's "black". */
        strbuf_printf(out, "\x1b[38;2;0;0;0;48;2;%d;%d;%dm", report_channel(c->color, 0),
                      report_channel(c->color, 1), report_channel(c->color, 2));
        strbuf_append(out, src + c->byte_from, c->byte_to - c->byte_from);
        strbuf_puts(out, "\x1b[0m");
        at = c->byte_to;
    }
    free(chunks);
    strbuf_append(out, src + at, len - at);
    if (len == 0 || src[len - 1] != '\n') strbuf_putc(out, '\n');
    /* Specialist says so too: code that ran only a few times is never quickened, which would
     * otherwise look like a rendering failure. */
    if (!report_any_quickened(r))
        strbuf_puts(out, "No quickened code found: nothing was specialized or tried. "
                         "Try running the code for longer (a loop of a few thousand iterations).\n");
}

/* html.escape(s, quote=True), which Specialist applies to every piece of source. */
static void report_html_escape(StrBuf *out, const char *s, size_t len) {
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#x27;"; break;
        default: continue;
        }
        strbuf_append(out, s + start, i - start);
        strbuf_puts(out, rep);
        start = i + 1;
    }
    strbuf_append(out, s + start, len - start);
}

void report_html(const Report *r, StrBuf *out) {
    const char *src = r->source ? r->source : "";
    const char *file = r->file ? r->file : "";
    size_t len = r->source ? r->source_len : 0;
    /* Specialist's page, with a <title> added so a saved page says which file it shows. */
    strbuf_puts(out, "<!doctype html><html><head>"
                     "<meta http-equiv='content-type' content='text/html;charset=utf-8'/><title>");
    report_html_escape(out, file, strlen(file));
    strbuf_puts(out, "</title></head><body style='background-color:white;color:black'><pre>");
    ReportChunk *chunks;
    size_t n = report_chunks(r, &chunks), at = 0;
    for (size_t k = 0; k < n; k++) {
        const ReportChunk *c = &chunks[k];
        report_html_escape(out, src + at, c->byte_from - at);
        strbuf_printf(out, "<span style='background-color:%s'>", c->color);
        report_html_escape(out, src + c->byte_from, c->byte_to - c->byte_from);
        strbuf_puts(out, "</span>");
        at = c->byte_to;
    }
    free(chunks);
    report_html_escape(out, src + at, len - at);
    strbuf_puts(out, "</pre></body></html>\n");
}
