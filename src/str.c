/* str: immutable UTF-8 text that indexes and counts by code point, with interning for names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "strfmt.h"
#include "vm.h"

uint64_t str_hash_bytes(const char *data, size_t len) {
    /* FNV-1a: simple and good enough for a non-adversarial interpreter. Its low bits depend only
     * on the low bits of the bytes, and tables index by the low bits, so names like "c" and "s"
     * would share a slot: the final mix (MurmurHash3's fmix64) spreads every bit over all. */
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 1099511628211ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h ? h : 1;
}

size_t utf8_count_chars(const char *data, size_t len) {
    size_t n = 0, i = 0;
    /* Eight bytes at a time while they are ASCII (no byte with its high bit set). */
    for (; i + 8 <= len; i += 8) {
        uint64_t chunk;
        memcpy(&chunk, data + i, sizeof chunk);
        if (chunk & 0x8080808080808080ull) break;
        n += 8;
    }
    for (; i < len; i++)
        if (((unsigned char)data[i] & 0xc0) != 0x80) n++;
    return n;
}

Str *str_alloc(VM *vm, size_t len, size_t nchars) {
    if (len > UINT32_MAX - 1) return NULL;
    Str *s = gc_alloc(vm, sizeof(Str) + len + 1, OBJ_STR);
    if (!s) return NULL;
    s->data[len] = 0;
    s->len = (uint32_t)len;
    s->nchars = (uint32_t)nchars;
    return s;
}

Str *str_new(VM *vm, const char *data, size_t len) {
    Str *s = str_alloc(vm, len, utf8_count_chars(data, len));
    if (s) strbuf_copy(s->data, data, len);
    return s;
}

Value str_piece(VM *vm, const Str *s, size_t start, size_t len) {
    if (s->nchars != s->len) return str_value(vm, s->data + start, len);
    Str *r = str_alloc(vm, len, len);
    if (!r) return exc_raise_memory(vm);
    strbuf_copy(r->data, s->data + start, len);
    return value_from_ptr(r);
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
        uint64_t perturb = h;
        for (uint32_t i = (uint32_t)h & mask;; i = dict_probe_next(i, &perturb, mask)) {
            int32_t ix = d->index[i];
            if (ix == -1) break;
            if (ix < 0) continue;
            Str *s = value_as_ptr(d->entries[ix].key);
            if (s->hash == h && s->len == len && memcmp(s->data, data, len) == 0) return s;
        }
    }
    Str *s = str_new(vm, data, len);
    if (!s) return NULL;
    s->hash = h;
    s->interned = 1;
    if (!dict_set(vm, d, value_from_ptr(s), h, value_from_ptr(s))) return NULL;
    return s;
}

int str_equal(const Str *a, const Str *b) {
    if (a == b) return 1;
    if (a->interned && b->interned) return 0;
    if (a->len != b->len || (a->hash && b->hash && a->hash != b->hash)) return 0;
    /* Eight bytes at a time: under WebAssembly memcmp is a call to a loop over bytes, and the
     * strings compared here (dict keys, words) are short. */
    size_t n = a->len, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, a->data + i, 8);
        memcpy(&y, b->data + i, 8);
        if (x != y) return 0;
    }
    for (; i < n; i++)
        if (a->data[i] != b->data[i]) return 0;
    return 1;
}

/* a + b in a new string with data room for cap bytes (at least the text and its NUL). */
static Str *str_concat_room(VM *vm, Str *a, Str *b, size_t cap) {
    size_t len = (size_t)a->len + b->len;
    Str *s = gc_alloc(vm, sizeof(Str) + cap, OBJ_STR);
    if (!s) return NULL;
    strbuf_copy(s->data, a->data, a->len);
    strbuf_copy(s->data + a->len, b->data, b->len);
    s->data[len] = 0;
    s->len = (uint32_t)len;
    s->nchars = a->nchars + b->nchars;
    s->hash = 0;
    return s;
}

Value str_concat(VM *vm, Str *a, Str *b) {
    Str *s = str_concat_room(vm, a, b, (size_t)a->len + b->len + 1);
    return s ? value_from_ptr(s) : exc_raise_memory(vm);
}

/* Whether CPython's repr prints the code point as is (str.isprintable), approximated: controls,
 * the Latin-1 controls and a few separators are escaped, everything else is printable. */
int str_cp_printable(uint32_t c) {
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
        uint32_t c = str_utf8_decode(p + i, &n);
        if (c == (uint32_t)quote || c == '\\') {
            strbuf_putc(out, '\\');
            strbuf_putc(out, (char)c);
        } else if (c == '\n') strbuf_puts(out, "\\n");
        else if (c == '\r') strbuf_puts(out, "\\r");
        else if (c == '\t') strbuf_puts(out, "\\t");
        else if (!str_cp_printable(c)) {
            if (c < 0x100) strbuf_printf(out, "\\x%02x", c);
            else if (c < 0x10000) strbuf_printf(out, "\\u%04x", c);
            else strbuf_printf(out, "\\U%08x", c);
        } else strbuf_append(out, (const char *)p + i, (size_t)n);
        i += (uint32_t)n;
    }
    strbuf_putc(out, (char)quote);
}

/* ---- UTF-8 helpers shared with strmethods.c and format.c (strfmt.h) ---- */

int str_utf8_width(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4; }

uint32_t str_utf8_decode(const unsigned char *p, int *n) {
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

int str_utf8_encode(uint32_t c, char *out) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12);
        out[1] = (char)(0x80 | (c >> 6 & 0x3f));
        out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | c >> 18);
    out[1] = (char)(0x80 | (c >> 12 & 0x3f));
    out[2] = (char)(0x80 | (c >> 6 & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

size_t str_char_to_byte(const Str *s, int64_t i) {
    if (s->nchars == s->len || i <= 0) return i <= 0 ? 0 : (size_t)i;
    if (i >= s->nchars) return s->len;
    size_t b = 0;
    for (int64_t k = 0; k < i; k++) b += (size_t)str_utf8_width((unsigned char)s->data[b]);
    return b;
}

int64_t str_byte_to_char(const Str *s, size_t b) {
    if (s->nchars == s->len) return (int64_t)b;
    return (int64_t)utf8_count_chars(s->data, b);
}

Value str_from_buf(VM *vm, StrBuf *b) {
    Value r = b->failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(b), b->len);
    strbuf_free(b);
    return r;
}

void str_put_repeat(StrBuf *out, uint32_t c, int64_t count) {
    char enc[4];
    int n = str_utf8_encode(c, enc);
    /* A count past the buffer's cap fails at once instead of looping on a failed buffer. */
    if (count < 0 || (uint64_t)count > STRBUF_MAX_BYTES / (uint64_t)n) {
        out->failed = 1;
        return;
    }
    for (int64_t i = 0; i < count && !out->failed; i++) strbuf_append(out, enc, (size_t)n);
}

/* ---- The type's slots ---- */

static int str_repr_slot(VM *vm, Value v, StrBuf *out) {
    (void)vm;
    str_repr_into(value_as_ptr(v), out);
    return 1;
}

static int str_str_slot(VM *vm, Value v, StrBuf *out) {
    (void)vm;
    Str *s = value_as_ptr(v);
    strbuf_append(out, s->data, s->len);
    return 1;
}

static int str_hash_slot(VM *vm, Value v, uint64_t *out) {
    (void)vm;
    *out = str_hash(value_as_ptr(v));
    return 1;
}

static int str_truthy_slot(VM *vm, Value v) {
    (void)vm;
    return ((Str *)value_as_ptr(v))->len != 0;
}

static int64_t str_len_slot(VM *vm, Value v) {
    (void)vm;
    return ((Str *)value_as_ptr(v))->nchars;
}

/* op_compare calls the slot with the str first (swapping the operator when the str was on the
 * right), so only b needs checking. UTF-8 byte order is code point order, so memcmp decides. */
static Value str_compare_slot(VM *vm, int op, Value a, Value b) {
    (void)vm;
    if (!value_is_kind(a, OBJ_STR) || !value_is_kind(b, OBJ_STR)) return VALUE_NULL;
    Str *x = value_as_ptr(a), *y = value_as_ptr(b);
    int c;
    if (op == 2 || op == 3) c = !str_equal(x, y);
    else {
        uint32_t n = x->len < y->len ? x->len : y->len;
        c = memcmp(x->data, y->data, n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    }
    switch (op) {
    case 0: return value_from_bool(c < 0);
    case 1: return value_from_bool(c <= 0);
    case 2: return value_from_bool(c == 0);
    case 3: return value_from_bool(c != 0);
    case 4: return value_from_bool(c > 0);
    default: return value_from_bool(c >= 0);
    }
}

/* s * n for an int n (bool included); a negative count gives the empty string. */
static Value str_repeat(VM *vm, Str *s, Value count) {
    int64_t n;
    if (value_is_kind(count, OBJ_BIGINT)) {
        StrBuf digits;
        strbuf_init(&digits);
        num_int_to_base(vm, count, 10, &digits);
        int negative = digits.len && digits.data[0] == '-';
        strbuf_free(&digits);
        if (!negative) {
            if (s->len == 0) return value_from_ptr(s);
            return exc_raise(vm, &exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        n = 0;
    } else n = value_is_bool(count) ? count == VALUE_TRUE : value_as_int(count);
    if (n <= 0 || s->len == 0) return str_value(vm, "", 0);
    if (n == 1) return value_from_ptr(s);
    /* Str lengths are 32-bit; beyond that CPython would run out of memory too. */
    if ((uint64_t)n * s->len > UINT32_MAX - 1) return exc_raise_memory(vm);
    size_t len = (size_t)n * s->len;
    Str *r = gc_alloc(vm, sizeof(Str) + len + 1, OBJ_STR);
    if (!r) return exc_raise_memory(vm);
    for (int64_t i = 0; i < n; i++) memcpy(r->data + (size_t)i * s->len, s->data, s->len);
    r->data[len] = 0;
    r->len = (uint32_t)len;
    r->nchars = (uint32_t)((uint64_t)n * s->nchars);
    r->hash = 0;
    return value_from_ptr(r);
}

Value str_append_owned(VM *vm, Str *a, Str *b, uint64_t owner) {
    size_t len = (size_t)a->len + b->len;
    if (len > UINT32_MAX / 2) return str_concat(vm, a, b);
    if (a->owner == owner && (size_t)a->cap >= len + 1) {
        strbuf_copy(a->data + a->len, b->data, b->len);
        a->data[len] = 0;
        a->len = (uint32_t)len;
        a->nchars += b->nchars;
        a->hash = 0;
        return value_from_ptr(a);
    }
    /* Doubling the room makes a loop of appends linear, as CPython's resize in place does. */
    size_t cap = len + 1 < 64 ? 64 : 2 * (len + 1);
    Str *s = str_concat_room(vm, a, b, cap);
    if (!s) return exc_raise_memory(vm);
    s->owner = owner;
    s->cap = (uint32_t)cap;
    return value_from_ptr(s);
}

static int str_is_index_int(Value v) {
    return value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT);
}

/* The binary slot gets the operands in their original order, whichever of them is the str.
 * Returning VALUE_NULL means NotImplemented: the other operand's type (a class with __radd__,
 * __rmul__) still gets its turn, and ops.c raises CPython's TypeError when nobody handles it. */
static Value str_binary_slot(VM *vm, int nb_op, Value a, Value b) {
    int op = nb_op >= 13 ? nb_op - 13 : nb_op;
    int a_str = value_is_kind(a, OBJ_STR), b_str = value_is_kind(b, OBJ_STR);
    switch (op) {
    case 0: /* + */
        if (a_str && b_str) {
            Str *x = value_as_ptr(a), *y = value_as_ptr(b);
            if (x->len == 0) return b;
            if (y->len == 0) return a;
            return str_concat(vm, x, y);
        }
        if (a_str && !type_of(b)->is_heap)
            return exc_raise(vm, &exc_TypeError, "can only concatenate str (not \"%s\") to str", type_of(b)->name);
        return VALUE_NULL;
    case 5: /* * */
        if (a_str && str_is_index_int(b)) return str_repeat(vm, value_as_ptr(a), b);
        if (b_str && str_is_index_int(a)) return str_repeat(vm, value_as_ptr(b), a);
        if (a_str && b_str)
            return exc_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type 'str'");
        if (!type_of(a_str ? b : a)->is_heap)
            return exc_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             type_of(a_str ? b : a)->name);
        return VALUE_NULL;
    case 6: /* % */
        if (a_str) return format_percent(vm, value_as_ptr(a), b);
        return VALUE_NULL;
    default: return VALUE_NULL;
    }
}

static Value str_char_value(VM *vm, const Str *s, size_t byte) {
    return str_value(vm, s->data + byte, (size_t)str_utf8_width((unsigned char)s->data[byte]));
}

static Value str_slice(VM *vm, Str *s, Slice *sl) {
    int64_t start, stop, step, n;
    if (!slice_indices(vm, sl, s->nchars, &start, &stop, &step, &n)) return VALUE_ERROR;
    if (n <= 0) return str_value(vm, "", 0);
    if (step == 1) {
        if (n == s->nchars) return value_from_ptr(s);
        size_t b0 = str_char_to_byte(s, start), b1 = b0 + (size_t)n;
        if (s->nchars != s->len) {
            b1 = b0;
            for (int64_t k = 0; k < n; k++) b1 += (size_t)str_utf8_width((unsigned char)s->data[b1]);
        }
        return str_value(vm, s->data + b0, b1 - b0);
    }
    StrBuf out;
    strbuf_init(&out);
    if (s->nchars == s->len) {
        for (int64_t i = 0, c = start; i < n; i++, c += step) strbuf_putc(&out, s->data[c]);
    } else {
        /* Non-ASCII with a step: find each character's byte offset once, then pick. */
        size_t *offsets = malloc(((size_t)s->nchars + 1) * sizeof *offsets);
        if (!offsets) return exc_raise_memory(vm);
        size_t b = 0;
        for (uint32_t k = 0; k <= s->nchars; k++) {
            offsets[k] = b;
            if (k < s->nchars) b += (size_t)str_utf8_width((unsigned char)s->data[b]);
        }
        for (int64_t i = 0, c = start; i < n; i++, c += step)
            strbuf_append(&out, s->data + offsets[c], offsets[c + 1] - offsets[c]);
        free(offsets);
    }
    return str_from_buf(vm, &out);
}

static Value str_getitem_slot(VM *vm, Value c, Value key) {
    Str *s = value_as_ptr(c);
    if (value_is_kind(key, OBJ_SLICE)) return str_slice(vm, s, value_as_ptr(key));
    if (value_is_kind(key, OBJ_BIGINT))
        return exc_raise(vm, &exc_IndexError, "cannot fit 'int' into an index-sized integer");
    if (!value_is_int(key) && !value_is_bool(key))
        return exc_raise(vm, &exc_TypeError, "string indices must be integers, not '%s'", type_of(key)->name);
    int64_t i = value_is_bool(key) ? key == VALUE_TRUE : value_as_int(key);
    if (i < 0) i += s->nchars;
    if (i < 0 || i >= s->nchars) return exc_raise(vm, &exc_IndexError, "string index out of range");
    return str_char_value(vm, s, str_char_to_byte(s, i));
}

/* Finds needle in hay's bytes; valid UTF-8 is self-synchronizing, so a byte match of a whole
 * encoded string always starts on a character boundary. */
static int str_contains_slot(VM *vm, Value c, Value item) {
    if (!value_is_kind(item, OBJ_STR)) {
        exc_raise(vm, &exc_TypeError, "'in <string>' requires string as left operand, not %s", type_of(item)->name);
        return -1;
    }
    Str *s = value_as_ptr(c), *sub = value_as_ptr(item);
    if (sub->len == 0) return 1;
    if (sub->len > s->len) return 0;
    const char *end = s->data + s->len - sub->len;
    for (const char *p = s->data; p <= end; p++) {
        p = memchr(p, sub->data[0], (size_t)(end - p) + 1);
        if (!p) return 0;
        if (memcmp(p, sub->data, sub->len) == 0) return 1;
    }
    return 0;
}

/* Iterators: v[0] is the str, n[0] the byte offset of the next character. CPython 3.11 names
 * the iterator of an ASCII str str_ascii_iterator and every other one str_iterator. */
static Value str_iter_next(VM *vm, Value itv) {
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    Str *s = value_as_ptr(it->v[0]);
    if (it->n[0] >= s->len) {
        it->v[0] = VALUE_NULL;   /* an exhausted iterator lets go of its str, as CPython's does */
        return VALUE_NULL;
    }
    Value r = str_char_value(vm, s, (size_t)it->n[0]);
    if (r != VALUE_ERROR) it->n[0] += str_utf8_width((unsigned char)s->data[it->n[0]]);
    return r;
}

static Value str_iter_self(VM *vm, Value v) {
    (void)vm;
    return v;
}

#define STR_ITER_TYPE(var, pyname) \
    static Type var = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = pyname, .base = &type_object};
STR_ITER_TYPE(type_str_ascii_iterator, "str_ascii_iterator")
STR_ITER_TYPE(type_str_iterator, "str_iterator")

static Value str_iter_slot(VM *vm, Value v) {
    Str *s = value_as_ptr(v);
    IterObj *it = iter_new(vm, s->nchars == s->len ? &type_str_ascii_iterator : &type_str_iterator);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = v;
    it->n[0] = 0;
    return value_from_ptr(it);
}

static Value str_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"object", "encoding", "errors"};
    Value bound[3];
    if (kwnames && kwnames->len) {
        if (!args_bind(vm, "str", args, nargs, kwnames, params, 3, 0, bound)) return VALUE_ERROR;
    } else {
        if (nargs > 3) return exc_raise(vm, &exc_TypeError, "str() takes at most 3 arguments (%d given)", nargs);
        for (int i = 0; i < 3; i++) bound[i] = i < nargs ? args[i] : VALUE_NULL;
    }
    if (bound[1] != VALUE_NULL || bound[2] != VALUE_NULL) {
        if (bound[0] == VALUE_NULL) return str_value(vm, "", 0);
        return exc_raise(vm, &exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                         type_of(bound[0])->name);
    }
    if (bound[0] == VALUE_NULL) return str_value(vm, "", 0);
    return op_str(vm, bound[0]);
}

void str_init_types(void) {
    type_str.construct = str_construct;
    type_str.methods = str_methods;
    type_str.repr = str_repr_slot;
    type_str.str = str_str_slot;
    type_str.hash = str_hash_slot;
    type_str.truthy = str_truthy_slot;
    type_str.len = str_len_slot;
    type_str.compare = str_compare_slot;
    type_str.binary = str_binary_slot;
    type_str.getitem = str_getitem_slot;
    type_str.contains = str_contains_slot;
    type_str.iter = str_iter_slot;
    type_str_ascii_iterator.iter = str_iter_self;
    type_str_ascii_iterator.next = str_iter_next;
    type_str_iterator.iter = str_iter_self;
    type_str_iterator.next = str_iter_next;
}
