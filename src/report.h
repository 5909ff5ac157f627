/* The report of a run as plain data, and its renderings. The engine (report_collect in
 * reportcollect.c) fills a Report from its code objects; everything here turns that data into the
 * span model (chunks with Specialist's colors) and into text: JSON (DESIGN.md section 8), the ANSI
 * colored source and the HTML page. This is the one span model every front end uses. */
#ifndef ANOLE_REPORT_H
#define ANOLE_REPORT_H

#include <stddef.h>

#include "strbuf.h"

typedef enum {
    REPORT_UNQUICKENED = 0,
    REPORT_ADAPTIVE = 1,
    REPORT_SPECIALIZED = 2,
} ReportState;

/* One instruction that has a position. Columns are as the engine keeps them: 0-based UTF-8 byte
 * offsets into their line, end exclusive (CPython's co_positions convention). Lines are 1-based. */
typedef struct {
    const char *code;     /* qualified name of the code object: "<module>", "f2c", "<listcomp>" */
    int offset;           /* byte offset of the instruction in its code object, as CPython counts */
    const char *opname;
    const char *family;   /* specialization family (base opname) or NULL */
    ReportState state;
    int line, end_line, col, end_col;
    long hits, misses, deopts;
    const char *failure;  /* last failure kind without the SPEC_FAIL_ prefix, or NULL */
} ReportInstr;

typedef struct {
    const char *name;
    long count;
} ReportKind;

/* Statistics of one family, with Py_STATS's names. */
typedef struct {
    const char *family;
    long success, failure, hit, miss, deferred, deopt;
    ReportKind *kinds;    /* failure kinds with a non-zero count */
    size_t nkinds;
} ReportFamily;

/* A run of source with constant (S, A, U) counts and S + A > 0. from/to are UTF-16 offsets into
 * the whole source (what JavaScript strings and editors use); byte_from/byte_to are UTF-8 offsets. */
typedef struct {
    size_t from, to;
    size_t byte_from, byte_to;
    int specialized, adaptive, unquickened;
    char color[8];        /* "#rrggbb" */
} ReportChunk;

typedef struct {
    const char *file;
    const char *source;   /* UTF-8 */
    size_t source_len;
    int has_error;
    const char *error_type, *error_message;
    int error_line;       /* 0 when unknown */
    ReportInstr *instrs;
    size_t ninstrs;
    ReportFamily *families;
    size_t nfamilies;
} Report;

/* Positions in one source text in every unit the report uses. Lines end at "\n", "\r\n" or a lone
 * "\r", as CPython's tokenizer numbers them. Built once per report so that converting an
 * instruction's (line, byte column) costs only a walk along that one line. */
typedef struct {
    const char *source;
    size_t len;
    size_t nlines;
    size_t *line_byte;    /* byte offset where each line starts; line_byte[nlines] == len */
    size_t *line_utf16;   /* UTF-16 offset where each line starts; line_utf16[nlines] is the total */
} ReportLines;

typedef struct {
    size_t byte, utf16;   /* offsets into the whole source */
    int column;           /* 0-based code-point column within the line */
} ReportPos;

/* Returns 0 when out of memory (and leaves nothing to free). */
int report_lines_init(ReportLines *l, const char *source, size_t len);
void report_lines_free(ReportLines *l);
/* Converts a 1-based line and a UTF-8 byte column as cpython_spans.py does: a column inside a
 * character counts as that character's start, a column past the end of its line is clamped to the
 * start of the next line, and a line past the last one is the end of the source. */
ReportPos report_lines_pos(const ReportLines *l, int line, int byte_col);

/* Builds the chunk list: each instruction adds +1 to its state over its span, overlapping
 * contributions sum, chunks with S + A = 0 are dropped, and whitespace runs that contain a newline
 * are left out (Specialist renders them uncolored). Returns the number of chunks; *out is malloc'd
 * (NULL when there are none, and also, with 0 returned, when memory ran out). */
size_t report_chunks(const Report *r, ReportChunk **out);

/* Specialist's color for (S, A, U): hue = 1/3 * S/(S+A), lightness = max(0.5, U/(S+A+U)),
 * saturation 1, HLS to RGB with each channel truncated to int(255 * x). Writes "#rrggbb". */
void report_color(int specialized, int adaptive, int unquickened, char out[8]);

void report_json(const Report *r, StrBuf *out);
void report_ansi(const Report *r, StrBuf *out);
void report_html(const Report *r, StrBuf *out);

#endif
