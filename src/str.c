/* str: immutable UTF-8 text that indexes and counts by code point, with interning for names. */
#include <stdio.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

uint64_t str_hash_bytes(const char *data, size_t len) {
    /* FNV-1a: simple and good enough for a non-adversarial interpreter. */
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

size_t utf8_count_chars(const char *data, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)data[i] & 0xc0) != 0x80) n++;
    return n;
}

Str *str_new(VM *vm, const char *data, size_t len) {
    if (len > UINT32_MAX - 1) return NULL;
    Str *s = gc_alloc(vm, sizeof(Str) + len + 1, OBJ_STR);
    if (!s) return NULL;
    memcpy(s->data, data, len);
    s->data[len] = 0;
    s->len = (uint32_t)len;
    s->nchars = (uint32_t)utf8_count_chars(data, len);
    s->hash = str_hash_bytes(data, len);
    return s;
}

Value str_value(VM *vm, const char *data, size_t len) {
    Str *s = str_new(vm, data, len);
    return s ? value_from_ptr(s) : exc_raise_memory(vm);
}

Str *str_intern(VM *vm, const char *data, size_t len) {
    uint64_t h = str_hash_bytes(data, len);
    Dict *d = vm->interned;
    uint32_t mask = d->indexcap - 1;
    if (d->indexcap) {
        for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
            int32_t ix = d->index[i];
            if (ix == -1) break;
            if (ix < 0) continue;
            Str *s = value_as_ptr(d->entries[ix].key);
            if (s->hash == h && s->len == len && memcmp(s->data, data, len) == 0) return s;
        }
    }
    Str *s = str_new(vm, data, len);
    if (!s) return NULL;
    s->interned = 1;
    if (!dict_set(vm, d, value_from_ptr(s), h, value_from_ptr(s))) return NULL;
    return s;
}

int str_equal(const Str *a, const Str *b) {
    if (a == b) return 1;
    if (a->interned && b->interned) return 0;
    return a->hash == b->hash && a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
}

Value str_concat(VM *vm, Str *a, Str *b) {
    size_t len = (size_t)a->len + b->len;
    Str *s = gc_alloc(vm, sizeof(Str) + len + 1, OBJ_STR);
    if (!s) return exc_raise_memory(vm);
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    s->data[len] = 0;
    s->len = (uint32_t)len;
    s->nchars = a->nchars + b->nchars;
    s->hash = str_hash_bytes(s->data, len);
    return value_from_ptr(s);
}

/* Decodes one UTF-8 sequence; the engine only makes valid UTF-8, so no error handling. */
static uint32_t utf8_decode(const unsigned char *p, int *n) {
    if (p[0] < 0x80) { *n = 1; return p[0]; }
    if (p[0] < 0xe0) { *n = 2; return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f); }
    if (p[0] < 0xf0) {
        *n = 3;
        return (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    }
    *n = 4;
    return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 |
           (uint32_t)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
}

/* Whether CPython's repr prints the code point as is (str.isprintable), approximated: controls,
 * the Latin-1 controls and a few separators are escaped, everything else is printable. */
static int str_printable(uint32_t c) {
    if (c < 0x20 || c == 0x7f) return 0;
    if (c >= 0x80 && c <= 0xa0) return 0;
    if (c == 0xad || c == 0x2028 || c == 0x2029 || (c >= 0xd800 && c <= 0xdfff)) return 0;
    return 1;
}

void str_repr_into(const Str *s, StrBuf *out) {
    /* CPython uses single quotes unless the text has a single quote and no double quote. */
    int quote = '\'';
    if (memchr(s->data, '\'', s->len) && !memchr(s->data, '"', s->len)) quote = '"';
    strbuf_putc(out, (char)quote);
    const unsigned char *p = (const unsigned char *)s->data;
    for (uint32_t i = 0; i < s->len;) {
        int n;
        uint32_t c = utf8_decode(p + i, &n);
        if (c == (uint32_t)quote || c == '\\') {
            strbuf_putc(out, '\\');
            strbuf_putc(out, (char)c);
        } else if (c == '\n') strbuf_puts(out, "\\n");
        else if (c == '\r') strbuf_puts(out, "\\r");
        else if (c == '\t') strbuf_puts(out, "\\t");
        else if (!str_printable(c)) {
            if (c < 0x100) strbuf_printf(out, "\\x%02x", c);
            else if (c < 0x10000) strbuf_printf(out, "\\u%04x", c);
            else strbuf_printf(out, "\\U%08x", c);
        } else strbuf_append(out, (const char *)p + i, (size_t)n);
        i += (uint32_t)n;
    }
    strbuf_putc(out, (char)quote);
}


static Value str_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs == 0) return str_value(vm, "", 0);
    if (nargs > 1) return exc_raise(vm, &exc_TypeError, "str() takes at most 1 argument (%d given)", nargs);
    return op_str(vm, args[0]);
}

void str_init_types(void) { type_str.construct = str_construct; }
