/* A growable byte buffer for building text (JSON, disassembly, tracebacks). Allocation failure is
 * remembered in the buffer rather than reported at every append, so callers check once at the end. */
#ifndef ANOLE_STRBUF_H
#define ANOLE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* No buffer grows past this: the text would not fit the default 1 GiB heap as a str anyway, and
 * without a cap "0".zfill(10**12) would take all of the machine's memory before failing. */
#define STRBUF_MAX_BYTES ((size_t)1 << 30)

typedef struct {
    char *data;   /* always NUL-terminated when len > 0 or after strbuf_cstr */
    size_t len;
    size_t cap;
    int failed;   /* set when an allocation failed; further appends are ignored */
} StrBuf;

/* memcpy for the few bytes of most strings (a word, a short line), inline: under WebAssembly a
 * memcpy call runs a loop in C, which costs more than these moves (word counting spent 4% there). */
static inline void strbuf_copy(char *dst, const char *src, size_t n) {
    if (n > 16) {
        memcpy(dst, src, n);
    } else if (n >= 8) {
        uint64_t head, tail;
        memcpy(&head, src, 8);
        memcpy(&tail, src + n - 8, 8);
        memcpy(dst, &head, 8);
        memcpy(dst + n - 8, &tail, 8);
    } else if (n >= 4) {
        uint32_t head, tail;
        memcpy(&head, src, 4);
        memcpy(&tail, src + n - 4, 4);
        memcpy(dst, &head, 4);
        memcpy(dst + n - 4, &tail, 4);
    } else if (n) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

void strbuf_init(StrBuf *b);
void strbuf_free(StrBuf *b);
void strbuf_clear(StrBuf *b);
void strbuf_append(StrBuf *b, const char *data, size_t len);
void strbuf_puts(StrBuf *b, const char *s);
void strbuf_putc(StrBuf *b, char c);
void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal, quotes included. */
void strbuf_json_string(StrBuf *b, const char *s, size_t len);
/* Returns the contents as a C string ("" when empty); the pointer stays owned by the buffer. */
const char *strbuf_cstr(StrBuf *b);
/* Hands the allocation to the caller and leaves the buffer empty. */
char *strbuf_take(StrBuf *b);

#endif
