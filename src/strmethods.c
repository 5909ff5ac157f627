/* The methods of str, with CPython 3.11's semantics and error messages.
 *
 * Character classes and case mappings are exact for ASCII and cover Latin-1, Latin Extended-A,
 * Greek, Cyrillic and the fullwidth forms (plus CJK and a few scripts for isalpha and the common
 * numerals for isdigit/isnumeric); code points outside those ranges are treated as uncased and,
 * unless listed, as neither letters nor digits. Indices given to and returned by methods count code
 * points; the searches themselves run over the UTF-8 bytes and convert at the edges. */
#include <stdint.h>
#include <string.h>

#include "runtime.h"
#include "strfmt.h"
#include "vm.h"

#define STRM_SELF(args) ((Str *)value_as_ptr((args)[0]))

/* ---- Character classes ---- */

static int strm_isspace(uint32_t c) {
    if (c < 0x80) return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
           c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* The case pairs of Latin Extended-A and Cyrillic alternate upper/lower by code point parity. */
static int strm_pair_even_upper(uint32_t c) {
    return (c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) || (c >= 0x14a && c <= 0x177) ||
           (c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf);
}
static int strm_pair_odd_upper(uint32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e); }

static uint32_t strm_toupper(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z' ? c - 32 : c;
    if (c < 0x100) {
        if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
        return c == 0xff ? 0x178 : c == 0xb5 ? 0x39c : c;
    }
    if (c == 0x131) return 'I';
    if (c == 0x17f) return 'S';
    if (strm_pair_even_upper(c)) return c & 1 ? c - 1 : c;
    if (strm_pair_odd_upper(c)) return c & 1 ? c : c - 1;
    if (c >= 0x3b1 && c <= 0x3cb) return c == 0x3c2 ? 0x3a3 : c - 32;
    if (c == 0x3ac) return 0x386;
    if (c >= 0x3ad && c <= 0x3af) return c - 37;
    if (c == 0x3cc) return 0x38c;
    if (c == 0x3cd || c == 0x3ce) return c - 63;
    if (c >= 0x430 && c <= 0x44f) return c - 32;
    if (c >= 0x450 && c <= 0x45f) return c - 80;
    if (c >= 0xff41 && c <= 0xff5a) return c - 32;
    return c;
}

static uint32_t strm_tolower(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c < 0x100) return c >= 0xc0 && c <= 0xde && c != 0xd7 ? c + 32 : c;
    if (c == 0x178) return 0xff;
    if (strm_pair_even_upper(c)) return c & 1 ? c : c + 1;
    if (strm_pair_odd_upper(c)) return c & 1 ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3ab && c != 0x3a2) return c + 32;
    if (c == 0x386) return 0x3ac;
    if (c >= 0x388 && c <= 0x38a) return c + 37;
    if (c == 0x38c) return 0x3cc;
    if (c == 0x38e || c == 0x38f) return c + 63;
    if (c >= 0x410 && c <= 0x42f) return c + 32;
    if (c >= 0x400 && c <= 0x40f) return c + 80;
    if (c >= 0xff21 && c <= 0xff3a) return c + 32;
    return c;
}

/* Lowercase letters without an uppercase form (ß, ĸ, ŉ) are still lowercase. */
static int strm_islower(uint32_t c) { return strm_toupper(c) != c || c == 0xdf || c == 0x138 || c == 0x149 || c == 0xaa || c == 0xba; }
static int strm_isupper(uint32_t c) { return strm_tolower(c) != c || c == 0x130; }
static int strm_iscased(uint32_t c) { return strm_islower(c) || strm_isupper(c); }

static int strm_isdecimal(uint32_t c) {
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
           (c >= 0x966 && c <= 0x96f) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x1d7ce && c <= 0x1d7ff);
}

static int strm_isdigit(uint32_t c) {
    return strm_isdecimal(c) || c == 0xb2 || c == 0xb3 || c == 0xb9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468);
}

static int strm_isnumeric(uint32_t c) {
    static const uint32_t cjk[] = {0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
                                   0x516b, 0x4e5d, 0x5341, 0x767e, 0x5343, 0x4e07, 0x5104};
    if (strm_isdigit(c) || (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x2189)) return 1;
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
        if (c == cjk[i]) return 1;
    return 0;
}

static int strm_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c < 0x100) return c == 0xaa || c == 0xb5 || c == 0xba || (c >= 0xc0 && c != 0xd7 && c != 0xf7);
    if (strm_iscased(c)) return 1;
    return (c >= 0x100 && c <= 0x2c1) || (c >= 0x370 && c <= 0x3ff && c != 0x375 && c != 0x37e && c != 0x384 &&
                                          c != 0x385 && c != 0x387) ||
           (c >= 0x400 && c <= 0x481) || (c >= 0x48a && c <= 0x52f) || (c >= 0x5d0 && c <= 0x5ea) ||
           (c >= 0x620 && c <= 0x64a) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) ||
           (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

static int strm_isalnum(uint32_t c) { return strm_isalpha(c) || strm_isnumeric(c); }

/* ---- Argument helpers, worded as CPython's argument parsers word their errors ---- */

/* Argument Clinic's positional-only methods (replace, center, strip, ...). */
static int strm_arity(VM *vm, const char *name, int nargs, int min, int max) {
    int given = nargs - 1;
    if (given < min)
        exc_raise(vm, &exc_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", given);
    else if (given > max)
        exc_raise(vm, &exc_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", given);
    else return 1;
    return 0;
}

/* METH_NOARGS and METH_O methods. */
static int strm_exact(VM *vm, const char *name, int nargs, int want) {
    if (nargs - 1 == want) return 1;
    if (want == 0) exc_raise(vm, &exc_TypeError, "str.%s() takes no arguments (%d given)", name, nargs - 1);
    else exc_raise(vm, &exc_TypeError, "str.%s() takes exactly one argument (%d given)", name, nargs - 1);
    return 0;
}

/* Keyword methods: CPython rejects unknown keywords with its own wording, before binding. */
static int strm_bind(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames,
                     const char *const *params, int nparams, Value *out) {
    for (uint32_t k = 0; kwnames && k < kwnames->len; k++) {
        Str *kw = value_as_ptr(kwnames->items[k]);
        int known = 0;
        for (int i = 0; i < nparams; i++) known |= strcmp(params[i], kw->data) == 0;
        if (!known) {
            exc_raise(vm, &exc_TypeError, "'%s' is an invalid keyword argument for %s()", kw->data, name);
            return 0;
        }
    }
    return args_bind(vm, name, args + 1, nargs - 1, kwnames, params, nparams, 0, out);
}

static int strm_int_arg(VM *vm, Value v, int64_t dflt, int64_t *out) {
    if (v == VALUE_NULL) {
        *out = dflt;
        return 1;
    }
    return num_index(vm, v, out);
}

/* A start or end argument of find and friends: None or an int, clamped like a slice index. */
static int strm_slice_arg(VM *vm, Value v, int64_t dflt, int64_t *out) {
    if (v == VALUE_NULL || v == VALUE_NONE) *out = dflt;
    else if (value_is_int(v)) *out = value_as_int(v);
    else if (value_is_bool(v)) *out = v == VALUE_TRUE;
    else if (value_is_kind(v, OBJ_BIGINT)) {
        StrBuf b;
        strbuf_init(&b);
        num_int_to_base(vm, v, 16, &b);
        *out = b.len && b.data[0] == '-' ? INT64_MIN / 4 : INT64_MAX / 4;
        strbuf_free(&b);
    } else {
        exc_raise(vm, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    return 1;
}

static Str *strm_str_arg(VM *vm, Value v, const char *fmt) {
    if (value_is_kind(v, OBJ_STR)) return value_as_ptr(v);
    exc_raise(vm, &exc_TypeError, fmt, type_of(v)->name);
    return NULL;
}

/* Resolves the optional (start, end) of find-like methods to a byte range of s, as CPython's
 * ADJUST_INDICES; *cstart is the start in code points. Returns 0 on error, -1 when start is past
 * end (an empty range that no needle matches), 1 otherwise. */
static int strm_range(VM *vm, Str *s, Value *args, int nargs, int first, size_t *b0, size_t *b1, int64_t *cstart) {
    int64_t start, end, len = s->nchars;
    if (!strm_slice_arg(vm, nargs > first ? args[first] : VALUE_NULL, 0, &start)) return 0;
    if (!strm_slice_arg(vm, nargs > first + 1 ? args[first + 1] : VALUE_NULL, len, &end)) return 0;
    if (end > len) end = len;
    else if (end < 0 && (end += len) < 0) end = 0;
    if (start < 0 && (start += len) < 0) start = 0;
    *cstart = start;
    if (start > end) return -1;
    *b0 = str_char_to_byte(s, start);
    *b1 = str_char_to_byte(s, end);
    return 1;
}

static int strm_finds_arity(VM *vm, const char *name, int nargs) {
    if (nargs < 2) exc_raise(vm, &exc_TypeError, "%s() takes at least 1 argument (%d given)", name, nargs - 1);
    else if (nargs > 4) exc_raise(vm, &exc_TypeError, "%s() takes at most 3 arguments (%d given)", name, nargs - 1);
    else return 1;
    return 0;
}

/* Byte search for needle in hay[b0, b1): the first (dir > 0) or last match's byte offset, or -1. */
static int64_t strm_search(const char *hay, size_t b0, size_t b1, const char *needle, size_t n, int dir) {
    if (b1 - b0 < n) return -1;
    if (n == 0) return (int64_t)(dir > 0 ? b0 : b1);
    if (dir > 0) {
        for (size_t i = b0; i + n <= b1; i++) {
            const char *p = memchr(hay + i, needle[0], b1 - n + 1 - i);
            if (!p) return -1;
            i = (size_t)(p - hay);
            if (memcmp(p, needle, n) == 0) return (int64_t)i;
        }
        return -1;
    }
    for (size_t i = b1 - n + 1; i-- > b0;)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, n) == 0) return (int64_t)i;
    return -1;
}

/* ---- Searching ---- */

static Value strm_find_common(VM *vm, const char *name, Value *args, int nargs, int dir, int raise) {
    if (!strm_finds_arity(vm, name, nargs)) return VALUE_ERROR;
    Str *s = STRM_SELF(args), *sub = strm_str_arg(vm, args[1], "must be str, not %s");
    size_t b0 = 0, b1 = 0;
    int64_t cstart;
    if (!sub) return VALUE_ERROR;
    int r = strm_range(vm, s, args, nargs, 2, &b0, &b1, &cstart);
    if (!r) return VALUE_ERROR;
    int64_t pos = r < 0 ? -1 : strm_search(s->data, b0, b1, sub->data, sub->len, dir);
    if (pos < 0) return raise ? exc_raise(vm, &exc_ValueError, "substring not found") : value_from_int(-1);
    return value_from_int(str_byte_to_char(s, (size_t)pos));
}

static Value strm_find(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_find_common(vm, "find", a, n, 1, 0); }
static Value strm_rfind(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_find_common(vm, "rfind", a, n, -1, 0); }
static Value strm_index(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_find_common(vm, "index", a, n, 1, 1); }
static Value strm_rindex(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_find_common(vm, "rindex", a, n, -1, 1); }

static Value strm_count(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_finds_arity(vm, "count", nargs)) return VALUE_ERROR;
    Str *s = STRM_SELF(args), *sub = strm_str_arg(vm, args[1], "must be str, not %s");
    size_t b0 = 0, b1 = 0;
    int64_t cstart;
    if (!sub) return VALUE_ERROR;
    int r = strm_range(vm, s, args, nargs, 2, &b0, &b1, &cstart);
    if (!r) return VALUE_ERROR;
    if (r < 0) return value_from_int(0);
    if (sub->len == 0) return value_from_int((int64_t)utf8_count_chars(s->data + b0, b1 - b0) + 1);
    int64_t count = 0, pos;
    while ((pos = strm_search(s->data, b0, b1, sub->data, sub->len, 1)) >= 0) {
        count++;
        b0 = (size_t)pos + sub->len;
    }
    return value_from_int(count);
}

static Value strm_tailmatch(VM *vm, const char *name, Value *args, int nargs, int at_end) {
    if (!strm_finds_arity(vm, name, nargs)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    size_t b0 = 0, b1 = 0;
    int64_t cstart;
    Value prefix = args[1];
    Value *cands = &prefix;
    uint32_t ncands = 1;
    if (value_is_kind(prefix, OBJ_TUPLE)) {
        cands = ((Tuple *)value_as_ptr(prefix))->items;
        ncands = ((Tuple *)value_as_ptr(prefix))->len;
    } else if (!value_is_kind(prefix, OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                         type_of(prefix)->name);
    int r = strm_range(vm, s, args, nargs, 2, &b0, &b1, &cstart);
    if (!r) return VALUE_ERROR;
    for (uint32_t i = 0; i < ncands; i++) {
        if (!value_is_kind(cands[i], OBJ_STR))
            return exc_raise(vm, &exc_TypeError, "tuple for %s must only contain str, not %s", name,
                             type_of(cands[i])->name);
        Str *p = value_as_ptr(cands[i]);
        if (r < 0 || b1 - b0 < p->len) continue;
        if (memcmp(s->data + (at_end ? b1 - p->len : b0), p->data, p->len) == 0) return VALUE_TRUE;
    }
    return VALUE_FALSE;
}

static Value strm_startswith(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_tailmatch(vm, "startswith", a, n, 0); }
static Value strm_endswith(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_tailmatch(vm, "endswith", a, n, 1); }

/* ---- Splitting and joining ---- */

/* The start of the code point before byte offset i. */
static size_t strm_prev(const char *d, size_t i) {
    do i--;
    while (i > 0 && ((unsigned char)d[i] & 0xc0) == 0x80);
    return i;
}

/* The code point at byte offset i and its length in *n; ASCII inline, since most text is. */
static inline uint32_t strm_cp(const char *d, size_t i, int *n) {
    unsigned char c = (unsigned char)d[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    return str_utf8_decode((const unsigned char *)d + i, n);
}

static int strm_append_piece(VM *vm, List *l, const Str *s, size_t start, size_t len) {
    Value v = str_piece(vm, s, start, len);
    return v != VALUE_ERROR && list_append(vm, l, v);
}

static Value strm_split_common(VM *vm, const char *name, Value *args, int nargs, Tuple *kwnames, int right) {
    static const char *const params[] = {"sep", "maxsplit"};
    Value a[2];
    int64_t maxsplit;
    if (!strm_bind(vm, name, args, nargs, kwnames, params, 2, a)) return VALUE_ERROR;
    if (!strm_int_arg(vm, a[1], -1, &maxsplit)) return VALUE_ERROR;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    Str *s = STRM_SELF(args), *sep = NULL;
    if (a[0] != VALUE_NULL && a[0] != VALUE_NONE) {
        if (!(sep = strm_str_arg(vm, a[0], "must be str or None, not %s"))) return VALUE_ERROR;
        if (sep->len == 0) return exc_raise(vm, &exc_ValueError, "empty separator");
    }
    /* Room for 12 pieces at once, as CPython's split preallocates (MAX_PREALLOC): growing a few
     * items at a time copied the list twice for a line of words. */
    List *l = list_new(vm, maxsplit < 12 ? (uint32_t)maxsplit + 1 : 12);
    if (!l) return exc_raise_memory(vm);
    const char *d = s->data;
    size_t len = s->len;
    int n, ok = 1;
    if (sep && !right) {
        size_t i = 0;
        int64_t pos;
        while (ok && maxsplit-- > 0 && (pos = strm_search(d, i, len, sep->data, sep->len, 1)) >= 0) {
            ok = strm_append_piece(vm, l, s, i, (size_t)pos - i);
            i = (size_t)pos + sep->len;
        }
        ok = ok && strm_append_piece(vm, l, s, i, len - i);
    } else if (sep) {
        size_t j = len;
        int64_t pos;
        while (ok && maxsplit-- > 0 && (pos = strm_search(d, 0, j, sep->data, sep->len, -1)) >= 0) {
            ok = strm_append_piece(vm, l, s, pos + sep->len, j - (size_t)pos - sep->len);
            j = (size_t)pos;
        }
        ok = ok && strm_append_piece(vm, l, s, 0, j);
    } else if (!right) {
        /* CPython's split_whitespace: runs of whitespace separate, and the remainder after
         * maxsplit splits keeps its inner whitespace but loses its leading run. */
        size_t i = 0, j;
        while (ok && maxsplit-- > 0) {
            while (i < len && strm_isspace(strm_cp(d, i, &n))) i += (size_t)n;
            if (i == len) break;
            j = i;
            while (i < len && !strm_isspace(strm_cp(d, i, &n))) i += (size_t)n;
            ok = strm_append_piece(vm, l, s, j, i - j);
        }
        while (i < len && strm_isspace(strm_cp(d, i, &n))) i += (size_t)n;
        if (ok && i < len) ok = strm_append_piece(vm, l, s, i, len - i);
    } else {
        size_t i = len, j;   /* i: one past the character being looked at */
        while (ok && maxsplit-- > 0) {
            while (i > 0 && strm_isspace(strm_cp(d, strm_prev(d, i), &n))) i = strm_prev(d, i);
            if (i == 0) break;
            j = i;
            while (i > 0 && !strm_isspace(strm_cp(d, strm_prev(d, i), &n))) i = strm_prev(d, i);
            ok = strm_append_piece(vm, l, s, i, j - i);
        }
        while (i > 0 && strm_isspace(strm_cp(d, strm_prev(d, i), &n))) i = strm_prev(d, i);
        if (ok && i > 0) ok = strm_append_piece(vm, l, s, 0, i);
    }
    if (!ok) return exc_raise_memory(vm);
    if (right)
        for (uint32_t x = 0, y = l->len ? l->len - 1 : 0; x < y; x++, y--) {
            Value t = l->items[x];
            l->items[x] = l->items[y];
            l->items[y] = t;
        }
    return value_from_ptr(l);
}

static Value strm_split(VM *vm, Value *a, int n, Tuple *k) { return strm_split_common(vm, "split", a, n, k, 0); }
static Value strm_rsplit(VM *vm, Value *a, int n, Tuple *k) { return strm_split_common(vm, "rsplit", a, n, k, 1); }

static int strm_is_linebreak(uint32_t c) {
    return (c >= 10 && c <= 13) || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static Value strm_splitlines(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"keepends"};
    Value a[1];
    int64_t keepends;
    if (!strm_bind(vm, "splitlines", args, nargs, kwnames, params, 1, a)) return VALUE_ERROR;
    if (!strm_int_arg(vm, a[0], 0, &keepends)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    List *l = list_new(vm, 0);
    if (!l) return exc_raise_memory(vm);
    const char *d = s->data;
    size_t i = 0, len = s->len;
    int n;
    while (i < len) {
        size_t j = i;
        uint32_t c = 0;
        while (j < len && !strm_is_linebreak(c = strm_cp(d, j, &n))) j += (size_t)n;
        size_t eol = j;
        if (j < len) {
            j += (size_t)n;
            if (c == '\r' && j < len && d[j] == '\n') j++;
            if (keepends) eol = j;
        }
        if (!strm_append_piece(vm, l, s, i, eol - i)) return exc_raise_memory(vm);
        i = j;
    }
    return value_from_ptr(l);
}

static Value strm_join(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "join", nargs, 1)) return VALUE_ERROR;
    Str *sep = STRM_SELF(args);
    Value seq = args[1];
    List *items = NULL;
    if (!value_is_kind(seq, OBJ_LIST) && !value_is_kind(seq, OBJ_TUPLE)) {
        /* A general iterable may run Python code (a generator) that collects: root what we hold. */
        Value it = op_get_iter(vm, seq);
        if (it == VALUE_ERROR) {
            if (value_is_kind(vm->exc, OBJ_EXCEPTION) && ((Exception *)value_as_ptr(vm->exc))->type == &exc_TypeError &&
                !type_of(seq)->iter)
                return exc_raise(vm, &exc_TypeError, "can only join an iterable");
            return VALUE_ERROR;
        }
        if (!(items = list_new(vm, 0))) return exc_raise_memory(vm);
        if (!gc_root_push(vm, it)) return VALUE_ERROR;
        if (!gc_root_push(vm, value_from_ptr(items))) {
            gc_root_pop(vm, 1);
            return VALUE_ERROR;
        }
        Value v;
        while ((v = op_iter_next(vm, it)) != VALUE_NULL && v != VALUE_ERROR)
            if (!list_append(vm, items, v)) {
                v = exc_raise_memory(vm);
                break;
            }
        gc_root_pop(vm, 2);
        if (v == VALUE_ERROR) return VALUE_ERROR;
        seq = value_from_ptr(items);
    }
    Value *xs = value_is_kind(seq, OBJ_LIST) ? ((List *)value_as_ptr(seq))->items : ((Tuple *)value_as_ptr(seq))->items;
    uint32_t n = value_is_kind(seq, OBJ_LIST) ? ((List *)value_as_ptr(seq))->len : ((Tuple *)value_as_ptr(seq))->len;
    if (n == 1 && value_is_kind(xs[0], OBJ_STR)) return xs[0];
    /* Measured first, then built in place: the pieces' code points add up, none is counted. */
    uint64_t len = n ? (uint64_t)sep->len * (n - 1) : 0, nchars = n ? (uint64_t)sep->nchars * (n - 1) : 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!value_is_kind(xs[i], OBJ_STR))
            return exc_raise(vm, &exc_TypeError, "sequence item %u: expected str instance, %s found", i,
                             type_of(xs[i])->name);
        len += ((Str *)value_as_ptr(xs[i]))->len;
        nchars += ((Str *)value_as_ptr(xs[i]))->nchars;
    }
    Str *r = len <= STRBUF_MAX_BYTES ? str_alloc(vm, (size_t)len, (size_t)nchars) : NULL;
    if (!r) return exc_raise_memory(vm);
    char *out = r->data;
    for (uint32_t i = 0; i < n; i++) {
        if (i) {
            strbuf_copy(out, sep->data, sep->len);
            out += sep->len;
        }
        Str *x = value_as_ptr(xs[i]);
        strbuf_copy(out, x->data, x->len);
        out += x->len;
    }
    return value_from_ptr(r);
}

static Value strm_partition_common(VM *vm, const char *name, Value *args, int nargs, int right) {
    if (!strm_exact(vm, name, nargs, 1)) return VALUE_ERROR;
    Str *s = STRM_SELF(args), *sep = strm_str_arg(vm, args[1], "must be str, not %s");
    if (!sep) return VALUE_ERROR;
    if (sep->len == 0) return exc_raise(vm, &exc_ValueError, "empty separator");
    int64_t pos = strm_search(s->data, 0, s->len, sep->data, sep->len, right ? -1 : 1);
    Tuple *t = tuple_new(vm, 3);
    if (!t) return exc_raise_memory(vm);
    for (int i = 0; i < 3; i++) t->items[i] = VALUE_NONE;
    Value empty = str_value(vm, "", 0);
    if (empty == VALUE_ERROR) return VALUE_ERROR;
    if (pos < 0) {
        t->items[right ? 2 : 0] = args[0];
        t->items[1] = t->items[right ? 0 : 2] = empty;
        return value_from_ptr(t);
    }
    t->items[0] = str_piece(vm, s, 0, (size_t)pos);
    t->items[1] = args[1];
    t->items[2] = str_piece(vm, s, (size_t)pos + sep->len, s->len - (size_t)pos - sep->len);
    if (t->items[0] == VALUE_ERROR || t->items[2] == VALUE_ERROR) return VALUE_ERROR;
    return value_from_ptr(t);
}

static Value strm_partition(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_partition_common(vm, "partition", a, n, 0); }
static Value strm_rpartition(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_partition_common(vm, "rpartition", a, n, 1); }

/* ---- Stripping, replacing, affixes ---- */

static int strm_in_chars(uint32_t c, Str *chars) {
    if (!chars) return strm_isspace(c);
    int n;
    for (size_t i = 0; i < chars->len; i += (size_t)n)
        if (str_utf8_decode((const unsigned char *)chars->data + i, &n) == c) return 1;
    return 0;
}

static Value strm_strip_common(VM *vm, const char *name, Value *args, int nargs, int left, int right) {
    if (!strm_arity(vm, name, nargs, 0, 1)) return VALUE_ERROR;
    Str *s = STRM_SELF(args), *chars = NULL;
    if (nargs > 1 && args[1] != VALUE_NONE) {
        if (!value_is_kind(args[1], OBJ_STR)) return exc_raise(vm, &exc_TypeError, "%s arg must be None or str", name);
        chars = value_as_ptr(args[1]);
    }
    size_t i = 0, j = s->len;
    int n;
    while (left && i < j && strm_in_chars(strm_cp(s->data, i, &n), chars)) i += (size_t)n;
    while (right && j > i && strm_in_chars(strm_cp(s->data, strm_prev(s->data, j), &n), chars)) j = strm_prev(s->data, j);
    if (i == 0 && j == s->len) return args[0];
    return str_piece(vm, s, i, j - i);
}

static Value strm_strip(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_strip_common(vm, "strip", a, n, 1, 1); }
static Value strm_lstrip(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_strip_common(vm, "lstrip", a, n, 1, 0); }
static Value strm_rstrip(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_strip_common(vm, "rstrip", a, n, 0, 1); }

static Value strm_replace(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_arity(vm, "replace", nargs, 2, 3)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    Str *old = strm_str_arg(vm, args[1], "replace() argument 1 must be str, not %s");
    Str *new = old ? strm_str_arg(vm, args[2], "replace() argument 2 must be str, not %s") : NULL;
    int64_t count;
    if (!new || !strm_int_arg(vm, nargs > 3 ? args[3] : VALUE_NULL, -1, &count)) return VALUE_ERROR;
    if (count < 0) count = INT64_MAX;
    StrBuf b;
    strbuf_init(&b);
    size_t i = 0;
    if (old->len == 0) {
        /* An empty needle matches before every character and at the end. */
        for (; count > 0 && i <= s->len; count--) {
            strbuf_append(&b, new->data, new->len);
            if (i == s->len) {
                i++;
                break;
            }
            int n = str_utf8_width((unsigned char)s->data[i]);
            strbuf_append(&b, s->data + i, (size_t)n);
            i += (size_t)n;
        }
        if (i < s->len) strbuf_append(&b, s->data + i, s->len - i);
        return str_from_buf(vm, &b);
    }
    int64_t pos;
    while (count-- > 0 && (pos = strm_search(s->data, i, s->len, old->data, old->len, 1)) >= 0) {
        strbuf_append(&b, s->data + i, (size_t)pos - i);
        strbuf_append(&b, new->data, new->len);
        i = (size_t)pos + old->len;
    }
    strbuf_append(&b, s->data + i, s->len - i);
    return str_from_buf(vm, &b);
}

static Value strm_affix(VM *vm, const char *name, Value *args, int nargs, int suffix) {
    if (!strm_exact(vm, name, nargs, 1)) return VALUE_ERROR;
    Str *s = STRM_SELF(args), *p = value_is_kind(args[1], OBJ_STR) ? value_as_ptr(args[1]) : NULL;
    if (!p) return exc_raise(vm, &exc_TypeError, "%s() argument must be str, not %s", name, type_of(args[1])->name);
    if (p->len == 0 || p->len > s->len || memcmp(s->data + (suffix ? s->len - p->len : 0), p->data, p->len) != 0)
        return args[0];
    return str_piece(vm, s, suffix ? 0 : p->len, s->len - p->len);
}

static Value strm_removeprefix(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_affix(vm, "removeprefix", a, n, 0); }
static Value strm_removesuffix(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_affix(vm, "removesuffix", a, n, 1); }

/* ---- Padding ---- */

static Value strm_pad_common(VM *vm, const char *name, Value *args, int nargs, int how) {
    if (!strm_arity(vm, name, nargs, 1, 2)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int64_t width;
    uint32_t fill = ' ';
    if (!num_index(vm, args[1], &width)) return VALUE_ERROR;
    if (nargs > 2) {
        if (!value_is_kind(args[2], OBJ_STR))
            return exc_raise(vm, &exc_TypeError, "The fill character must be a unicode character, not %s",
                             type_of(args[2])->name);
        Str *f = value_as_ptr(args[2]);
        if (f->nchars != 1) return exc_raise(vm, &exc_TypeError, "The fill character must be exactly one character long");
        int n;
        fill = str_utf8_decode((const unsigned char *)f->data, &n);
    }
    if (width <= s->nchars) return args[0];
    int64_t marg = width - s->nchars, left;
    if (how < 0) left = 0;
    else if (how > 0) left = marg;
    else left = marg / 2 + (marg & width & 1);   /* CPython's center rounds this way */
    StrBuf b;
    strbuf_init(&b);
    str_put_repeat(&b, fill, left);
    strbuf_append(&b, s->data, s->len);
    str_put_repeat(&b, fill, marg - left);
    return str_from_buf(vm, &b);
}

static Value strm_center(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_pad_common(vm, "center", a, n, 0); }
static Value strm_ljust(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_pad_common(vm, "ljust", a, n, -1); }
static Value strm_rjust(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_pad_common(vm, "rjust", a, n, 1); }

static Value strm_zfill(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "zfill", nargs, 1)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int64_t width;
    if (!num_index(vm, args[1], &width)) return VALUE_ERROR;
    if (width <= s->nchars) return args[0];
    StrBuf b;
    strbuf_init(&b);
    size_t skip = 0;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        strbuf_putc(&b, s->data[0]);
        skip = 1;
    }
    str_put_repeat(&b, '0', width - s->nchars);
    strbuf_append(&b, s->data + skip, s->len - skip);
    return str_from_buf(vm, &b);
}

static Value strm_expandtabs(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    static const char *const params[] = {"tabsize"};
    Value a[1];
    int64_t tabsize;
    if (!strm_bind(vm, "expandtabs", args, nargs, kwnames, params, 1, a)) return VALUE_ERROR;
    if (!strm_int_arg(vm, a[0], 8, &tabsize)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    StrBuf b;
    strbuf_init(&b);
    int64_t col = 0;
    int n;
    for (size_t i = 0; i < s->len; i += (size_t)n) {
        uint32_t c = strm_cp(s->data, i, &n);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t incr = tabsize - col % tabsize;
                col += incr;
                str_put_repeat(&b, ' ', incr);
            }
            continue;
        }
        strbuf_append(&b, s->data + i, (size_t)n);
        col = c == '\n' || c == '\r' ? 0 : col + 1;
    }
    return str_from_buf(vm, &b);
}

/* ---- Case mapping ---- */

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

/* Lowercases c, with Greek final sigma: Σ becomes ς after a cased letter and not before one. */
static void strm_put_lower(StrBuf *b, const Str *s, size_t i, uint32_t c, int n, int fold) {
    if (c == 0x3a3) {
        int m, before = i > 0 && strm_iscased(strm_cp(s->data, strm_prev(s->data, i), &m));
        int after = i + (size_t)n < s->len && strm_iscased(strm_cp(s->data, i + (size_t)n, &m));
        str_put_repeat(b, before && !after ? 0x3c2 : 0x3c3, 1);
    } else if (c == 0x130) strbuf_puts(b, "i\xcc\x87");
    else if (fold && c == 0xdf) strbuf_puts(b, "ss");
    else str_put_repeat(b, strm_tolower(c), 1);
}

static void strm_put_upper(StrBuf *b, uint32_t c, int title) {
    if (c == 0xdf) strbuf_puts(b, title ? "Ss" : "SS");
    else str_put_repeat(b, strm_toupper(c), 1);
}

/* lower() (lo 'A') or upper() (lo 'a') of ASCII text: a byte from lo to lo + 25 gets its 0x20 bit
 * flipped, eight bytes at a time where it can. Every byte is below 0x80, so the sums below carry
 * nothing into the next byte: the high bit of a byte of x + (0x80 - k) is set when the byte is at
 * least k. */
static void strm_ascii_case(char *dst, const char *src, size_t len, char lo) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, src + i, 8);
        uint64_t from_lo = x + ones * (uint64_t)(0x80 - lo), past_end = x + ones * (uint64_t)(0x80 - lo - 26);
        x ^= (from_lo & ~past_end & highs) >> 2;
        memcpy(dst + i, &x, 8);
    }
    for (; i < len; i++) {
        char c = src[i];
        dst[i] = (char)(c >= lo && c <= lo + 25 ? c ^ 0x20 : c);
    }
}

static Value strm_case(VM *vm, const char *name, Value *args, int nargs, int mode) {
    if (!strm_exact(vm, name, nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    /* ASCII strings (one byte per character) map byte by byte for lower() and upper(). */
    StrBuf b;
    strbuf_init(&b);
    if (s->nchars == s->len && (mode == CASE_LOWER || mode == CASE_UPPER)) {
        Str *r = str_alloc(vm, s->len, s->len);
        if (!r) return exc_raise_memory(vm);
        strm_ascii_case(r->data, s->data, s->len, mode == CASE_LOWER ? 'A' : 'a');
        return value_from_ptr(r);
    }
    int n, prev_cased = 0;
    for (size_t i = 0; i < s->len; i += (size_t)n) {
        uint32_t c = strm_cp(s->data, i, &n);
        switch (mode) {
        case CASE_UPPER: strm_put_upper(&b, c, 0); break;
        case CASE_LOWER: strm_put_lower(&b, s, i, c, n, 0); break;
        case CASE_FOLD: strm_put_lower(&b, s, i, c, n, 1); break;
        case CASE_SWAP:
            if (strm_isupper(c)) strm_put_lower(&b, s, i, c, n, 0);
            else if (strm_islower(c)) strm_put_upper(&b, c, 0);
            else strbuf_append(&b, s->data + i, (size_t)n);
            break;
        case CASE_TITLE:
            if (prev_cased) strm_put_lower(&b, s, i, c, n, 0);
            else strm_put_upper(&b, c, 1);
            prev_cased = strm_iscased(c);
            break;
        default:
            if (i == 0) strm_put_upper(&b, c, 1);
            else strm_put_lower(&b, s, i, c, n, 0);
        }
    }
    return str_from_buf(vm, &b);
}

static Value strm_upper(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "upper", a, n, CASE_UPPER); }
static Value strm_lower(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "lower", a, n, CASE_LOWER); }
static Value strm_swapcase(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "swapcase", a, n, CASE_SWAP); }
static Value strm_casefold(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "casefold", a, n, CASE_FOLD); }
static Value strm_title(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "title", a, n, CASE_TITLE); }
static Value strm_capitalize(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case(vm, "capitalize", a, n, CASE_CAPITALIZE); }

/* ---- Predicates ---- */

/* True when every code point satisfies pred and the string is not empty. */
static Value strm_all(VM *vm, const char *name, Value *args, int nargs, int (*pred)(uint32_t)) {
    if (!strm_exact(vm, name, nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int n;
    for (size_t i = 0; i < s->len; i += (size_t)n)
        if (!pred(strm_cp(s->data, i, &n))) return VALUE_FALSE;
    return value_from_bool(s->len > 0);
}

#define STRM_PRED(fn, name, pred) \
    static Value fn(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_all(vm, name, a, n, pred); }
STRM_PRED(strm_isdigit_m, "isdigit", strm_isdigit)
STRM_PRED(strm_isdecimal_m, "isdecimal", strm_isdecimal)
STRM_PRED(strm_isnumeric_m, "isnumeric", strm_isnumeric)
STRM_PRED(strm_isalpha_m, "isalpha", strm_isalpha)
STRM_PRED(strm_isalnum_m, "isalnum", strm_isalnum)
STRM_PRED(strm_isspace_m, "isspace", strm_isspace)

static Value strm_isprintable(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "isprintable", nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int n;
    for (size_t i = 0; i < s->len; i += (size_t)n)
        if (!str_cp_printable(strm_cp(s->data, i, &n))) return VALUE_FALSE;
    return VALUE_TRUE;
}

static Value strm_isascii(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "isascii", nargs, 0)) return VALUE_ERROR;
    return value_from_bool(STRM_SELF(args)->nchars == STRM_SELF(args)->len);
}

/* isupper/islower: at least one cased character and none of the other case. */
static Value strm_case_pred(VM *vm, const char *name, Value *args, int nargs, int upper) {
    if (!strm_exact(vm, name, nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int n, cased = 0;
    for (size_t i = 0; i < s->len; i += (size_t)n) {
        uint32_t c = strm_cp(s->data, i, &n);
        if (upper ? strm_islower(c) : strm_isupper(c)) return VALUE_FALSE;
        cased |= upper ? strm_isupper(c) : strm_islower(c);
    }
    return value_from_bool(cased);
}

static Value strm_isupper_m(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case_pred(vm, "isupper", a, n, 1); }
static Value strm_islower_m(VM *vm, Value *a, int n, Tuple *k) { (void)k; return strm_case_pred(vm, "islower", a, n, 0); }

static Value strm_istitle(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "istitle", nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int n, cased = 0, prev_cased = 0;
    for (size_t i = 0; i < s->len; i += (size_t)n) {
        uint32_t c = strm_cp(s->data, i, &n);
        if (strm_isupper(c)) {
            if (prev_cased) return VALUE_FALSE;
            prev_cased = cased = 1;
        } else if (strm_islower(c)) {
            if (!prev_cased) return VALUE_FALSE;
            prev_cased = cased = 1;
        } else prev_cased = 0;
    }
    return value_from_bool(cased);
}

static Value strm_isidentifier(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (!strm_exact(vm, "isidentifier", nargs, 0)) return VALUE_ERROR;
    Str *s = STRM_SELF(args);
    int n;
    for (size_t i = 0; i < s->len; i += (size_t)n) {
        uint32_t c = strm_cp(s->data, i, &n);
        int ok = c == '_' || strm_isalpha(c) || (i > 0 && strm_isdecimal(c));
        if (!ok) return VALUE_FALSE;
    }
    return value_from_bool(s->len > 0);
}

const MethodDef str_methods[] = {
    {"split", strm_split, CALLKIND_FAST_WITH_KEYWORDS},
    {"rsplit", strm_rsplit, CALLKIND_FAST_WITH_KEYWORDS},
    {"splitlines", strm_splitlines, CALLKIND_FAST_WITH_KEYWORDS},
    {"join", strm_join, CALLKIND_O},
    {"strip", strm_strip, CALLKIND_FAST},
    {"lstrip", strm_lstrip, CALLKIND_FAST},
    {"rstrip", strm_rstrip, CALLKIND_FAST},
    {"replace", strm_replace, CALLKIND_FAST},
    {"find", strm_find, CALLKIND_VARARGS},
    {"rfind", strm_rfind, CALLKIND_VARARGS},
    {"index", strm_index, CALLKIND_VARARGS},
    {"rindex", strm_rindex, CALLKIND_VARARGS},
    {"count", strm_count, CALLKIND_VARARGS},
    {"startswith", strm_startswith, CALLKIND_VARARGS},
    {"endswith", strm_endswith, CALLKIND_VARARGS},
    {"upper", strm_upper, CALLKIND_NOARGS},
    {"lower", strm_lower, CALLKIND_NOARGS},
    {"title", strm_title, CALLKIND_NOARGS},
    {"capitalize", strm_capitalize, CALLKIND_NOARGS},
    {"swapcase", strm_swapcase, CALLKIND_NOARGS},
    {"casefold", strm_casefold, CALLKIND_NOARGS},
    {"isdigit", strm_isdigit_m, CALLKIND_NOARGS},
    {"isdecimal", strm_isdecimal_m, CALLKIND_NOARGS},
    {"isnumeric", strm_isnumeric_m, CALLKIND_NOARGS},
    {"isalpha", strm_isalpha_m, CALLKIND_NOARGS},
    {"isalnum", strm_isalnum_m, CALLKIND_NOARGS},
    {"isspace", strm_isspace_m, CALLKIND_NOARGS},
    {"isupper", strm_isupper_m, CALLKIND_NOARGS},
    {"islower", strm_islower_m, CALLKIND_NOARGS},
    {"istitle", strm_istitle, CALLKIND_NOARGS},
    {"isidentifier", strm_isidentifier, CALLKIND_NOARGS},
    {"isprintable", strm_isprintable, CALLKIND_FAST},
    {"isascii", strm_isascii, CALLKIND_FAST},
    {"center", strm_center, CALLKIND_FAST},
    {"ljust", strm_ljust, CALLKIND_FAST},
    {"rjust", strm_rjust, CALLKIND_FAST},
    {"zfill", strm_zfill, CALLKIND_O},
    {"partition", strm_partition, CALLKIND_O},
    {"rpartition", strm_rpartition, CALLKIND_O},
    {"expandtabs", strm_expandtabs, CALLKIND_FAST_WITH_KEYWORDS},
    {"removeprefix", strm_removeprefix, CALLKIND_O},
    {"removesuffix", strm_removesuffix, CALLKIND_O},
    {"format", str_format_method, CALLKIND_VARARGS},
    {NULL, NULL, 0},
};
