/* The JSON report, format version 1 (DESIGN.md section 8).
 *
 * Layout: one object, with each instruction, chunk and family on a line of its own so that two
 * reports diff line by line; no other whitespace. Keys come in a fixed order and everything is
 * emitted in the Report's own order, so the same Report always gives the same bytes. Deviations
 * from the example in DESIGN.md that the format leaves open: "error".line is null when the line is
 * unknown (0); "file" is null when the Report has none; an instruction whose column or end is
 * missing (negative) keeps its line but has null col, end_col, from and to. Instructions with line
 * 0 have no position and are left out, as the format lists only instructions that have one. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

static void report_json_str(StrBuf *b, const char *s) {
    if (s) strbuf_json_string(b, s, strlen(s));
    else strbuf_puts(b, "null");
}

static const char *report_state_name(ReportState state) {
    switch (state) {
    case REPORT_SPECIALIZED: return "specialized";
    case REPORT_ADAPTIVE: return "adaptive";
    case REPORT_UNQUICKENED: break;
    }
    return "unquickened";
}

static void report_json_instr(StrBuf *b, const ReportLines *lines, const ReportInstr *in) {
    strbuf_puts(b, "{\"code\":");
    report_json_str(b, in->code);
    strbuf_printf(b, ",\"offset\":%d,\"opname\":", in->offset);
    report_json_str(b, in->opname);
    strbuf_puts(b, ",\"family\":");
    report_json_str(b, in->family);
    strbuf_printf(b, ",\"state\":\"%s\",\"line\":%d,", report_state_name(in->state), in->line);
    if (in->end_line > 0) strbuf_printf(b, "\"end_line\":%d,", in->end_line);
    else strbuf_puts(b, "\"end_line\":null,");
    if (in->end_line > 0 && in->col >= 0 && in->end_col >= 0) {
        /* The engine's columns are UTF-8 bytes; the report's are code points, plus UTF-16 offsets
         * into the whole source for editors. */
        ReportPos lo = report_lines_pos(lines, in->line, in->col);
        ReportPos hi = report_lines_pos(lines, in->end_line, in->end_col);
        strbuf_printf(b, "\"col\":%d,\"end_col\":%d,\"from\":%zu,\"to\":%zu,", lo.column, hi.column,
                      lo.utf16, hi.utf16);
    } else {
        strbuf_puts(b, "\"col\":null,\"end_col\":null,\"from\":null,\"to\":null,");
    }
    strbuf_printf(b, "\"hits\":%ld,\"misses\":%ld,\"deopts\":%ld,\"failure\":", in->hits, in->misses,
                  in->deopts);
    report_json_str(b, in->failure);
    strbuf_putc(b, '}');
}

static void report_json_family(StrBuf *b, const ReportFamily *f) {
    report_json_str(b, f->family ? f->family : "");
    strbuf_printf(b,
                  ":{\"success\":%ld,\"failure\":%ld,\"hit\":%ld,\"miss\":%ld,\"deferred\":%ld,"
                  "\"deopt\":%ld,\"failure_kinds\":{",
                  f->success, f->failure, f->hit, f->miss, f->deferred, f->deopt);
    for (size_t k = 0; k < f->nkinds; k++) {
        if (k) strbuf_putc(b, ',');
        report_json_str(b, f->kinds[k].name ? f->kinds[k].name : "");
        strbuf_printf(b, ":%ld", f->kinds[k].count);
    }
    strbuf_puts(b, "}}");
}

void report_json(const Report *r, StrBuf *out) {
    ReportLines lines;
    if (!report_lines_init(&lines, r->source ? r->source : "", r->source ? r->source_len : 0)) {
        out->failed = 1;
        return;
    }
    strbuf_puts(out, "{\"version\":1,\"profile\":\"3.11\",\"file\":");
    report_json_str(out, r->file);
    strbuf_puts(out, ",\n\"error\":");
    if (r->has_error) {
        strbuf_puts(out, "{\"type\":");
        report_json_str(out, r->error_type);
        strbuf_puts(out, ",\"message\":");
        report_json_str(out, r->error_message);
        if (r->error_line > 0) strbuf_printf(out, ",\"line\":%d}", r->error_line);
        else strbuf_puts(out, ",\"line\":null}");
    } else {
        strbuf_puts(out, "null");
    }

    strbuf_puts(out, ",\n\"instructions\":[");
    int first = 1;
    for (size_t k = 0; k < r->ninstrs; k++) {
        if (r->instrs[k].line <= 0) continue;
        strbuf_puts(out, first ? "\n" : ",\n");
        first = 0;
        report_json_instr(out, &lines, &r->instrs[k]);
    }
    strbuf_puts(out, "\n],\n\"chunks\":[");
    report_lines_free(&lines);

    ReportChunk *chunks;
    size_t n = report_chunks(r, &chunks);
    for (size_t k = 0; k < n; k++) {
        const ReportChunk *c = &chunks[k];
        strbuf_printf(out,
                      "%s{\"from\":%zu,\"to\":%zu,\"specialized\":%d,\"adaptive\":%d,"
                      "\"unquickened\":%d,\"color\":\"%s\"}",
                      k ? ",\n" : "\n", c->from, c->to, c->specialized, c->adaptive, c->unquickened,
                      c->color);
    }
    free(chunks);

    strbuf_puts(out, "\n],\n\"stats\":{");
    for (size_t k = 0; k < r->nfamilies; k++) {
        strbuf_puts(out, k ? ",\n" : "\n");
        report_json_family(out, &r->families[k]);
    }
    strbuf_puts(out, "\n}}\n");
}
