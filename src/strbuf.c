#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void strbuf_init(StrBuf *b) { memset(b, 0, sizeof *b); }

void strbuf_free(StrBuf *b) {
    free(b->data);
    strbuf_init(b);
}

void strbuf_clear(StrBuf *b) {
    b->len = 0;
    b->failed = 0;
    if (b->data) b->data[0] = 0;
}

static int strbuf_reserve(StrBuf *b, size_t extra) {
    if (b->failed) return 0;
    if (b->len + extra + 1 <= b->cap) return 1;
    if (extra >= STRBUF_MAX_BYTES || b->len + extra + 1 > STRBUF_MAX_BYTES) {
        b->failed = 1;
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void strbuf_append(StrBuf *b, const char *data, size_t len) {
    if (!strbuf_reserve(b, len)) return;
    strbuf_copy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
}

void strbuf_puts(StrBuf *b, const char *s) { strbuf_append(b, s, strlen(s)); }

void strbuf_putc(StrBuf *b, char c) { strbuf_append(b, &c, 1); }

void strbuf_printf(StrBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        strbuf_append(b, small, (size_t)n);
        return;
    }
    if (!strbuf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void strbuf_json_string(StrBuf *b, const char *s, size_t len) {
    strbuf_putc(b, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': strbuf_puts(b, "\\\""); break;
        case '\\': strbuf_puts(b, "\\\\"); break;
        case '\n': strbuf_puts(b, "\\n"); break;
        case '\r': strbuf_puts(b, "\\r"); break;
        case '\t': strbuf_puts(b, "\\t"); break;
        default:
            if (c < 0x20) strbuf_printf(b, "\\u%04x", c);
            else strbuf_putc(b, (char)c);
        }
    }
    strbuf_putc(b, '"');
}

const char *strbuf_cstr(StrBuf *b) { return b->data ? b->data : ""; }

char *strbuf_take(StrBuf *b) {
    char *p = b->data;
    strbuf_init(b);
    return p;
}
