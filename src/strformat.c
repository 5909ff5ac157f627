/* str.format: CPython 3.11's MarkupIterator over literal text, {{ and }} escapes and replacement
 * fields {name.attr[key]!conversion:spec}, with automatic or manual field numbering and one level
 * of nested fields inside a spec. Each field's value is formatted by format_value_into (format.c). */
#include <string.h>

#include "bigint.h"
#include "class.h"
#include "containers.h"
#include "runtime.h"
#include "strfmt.h"
#include "vm.h"

typedef struct {
    Value *pos;          /* positional arguments (after self) */
    int npos;
    Value *kwvalues;
    Tuple *kwnames;
    int auto_index;      /* the next automatic field number; -1 once manual numbering was used */
    int manual;
} FormatArgs;

/* KeyError(name), made the way dict subscription makes it. */
static Value format_key_error(VM *vm, const char *name, size_t len) {
    Value key = str_value(vm, name, len);
    return key == VALUE_ERROR ? VALUE_ERROR : dict_key_error(vm, key);
}

static int format_all_digits(const char *s, size_t n) {
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* A field number or index of digits, as CPython's get_integer: ValueError beyond the range a
 * Py_ssize_t holds. */
static int format_parse_index(VM *vm, const char *s, size_t n, int64_t *out) {
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = s[i] - '0';
        if (v > (INT64_MAX - d) / 10) {
            exc_raise(vm, &exc_ValueError, "Too many decimal digits in format string");
            return 0;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* The object a field name designates: an argument, then any .attr and [key] parts. */
static Value format_field_object(VM *vm, const char *s, size_t n, FormatArgs *fa) {
    size_t first = 0;
    while (first < n && s[first] != '.' && s[first] != '[') first++;
    Value obj;
    if (first == 0 || format_all_digits(s, first)) {
        int64_t index = 0;
        if (first == 0) {
            if (fa->manual)
                return exc_raise(vm, &exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
            index = fa->auto_index++;
        } else {
            if (fa->auto_index > 0)
                return exc_raise(vm, &exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
            fa->manual = 1;
            if (!format_parse_index(vm, s, first, &index)) return VALUE_ERROR;
        }
        if (index >= fa->npos)
            return exc_raise(vm, &exc_IndexError, "Replacement index %lld out of range for positional args tuple",
                             (long long)index);
        obj = fa->pos[index];
    } else {
        obj = VALUE_NULL;
        for (uint32_t k = 0; fa->kwnames && k < fa->kwnames->len; k++) {
            Str *name = value_as_ptr(fa->kwnames->items[k]);
            if (name->len == first && memcmp(name->data, s, first) == 0) obj = fa->kwvalues[k];
        }
        if (obj == VALUE_NULL) return format_key_error(vm, s, first);
    }
    size_t i = first;
    while (i < n) {
        if (s[i] == '.') {
            size_t start = ++i;
            while (i < n && s[i] != '.' && s[i] != '[') i++;
            if (i == start) return exc_raise(vm, &exc_ValueError, "Empty attribute in format string");
            Str *name = str_new(vm, s + start, i - start);
            if (!name) return exc_raise_memory(vm);
            if ((obj = attr_get(vm, obj, name)) == VALUE_ERROR) return VALUE_ERROR;
        } else if (s[i] == '[') {
            size_t start = ++i;
            while (i < n && s[i] != ']') i++;
            if (i >= n) return exc_raise(vm, &exc_ValueError, "Missing ']' in format string");
            if (i == start) return exc_raise(vm, &exc_ValueError, "Empty attribute in format string");
            Value key;
            if (format_all_digits(s + start, i - start)) {
                int64_t k;
                if (!format_parse_index(vm, s + start, i - start, &k)) return VALUE_ERROR;
                key = bigint_from_i128(vm, k);   /* a small int when it fits */
                if (key == VALUE_ERROR) return VALUE_ERROR;
            } else if ((key = str_value(vm, s + start, i - start)) == VALUE_ERROR) return VALUE_ERROR;
            i++;
            if (i < n && s[i] != '.' && s[i] != '[')
                return exc_raise(vm, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            if ((obj = op_subscr(vm, obj, key)) == VALUE_ERROR) return VALUE_ERROR;
        } else return exc_raise(vm, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    return obj;
}

static int format_render(VM *vm, const char *s, size_t n, FormatArgs *fa, int depth, StrBuf *out);

/* One replacement field's text (between the braces): name, !conversion, :spec. */
static int format_field(VM *vm, const char *s, size_t n, FormatArgs *fa, int depth, StrBuf *out) {
    size_t i = 0;
    while (i < n && s[i] != ':' && s[i] != '!') {
        if (s[i] == '{') return exc_raise(vm, &exc_ValueError, "unexpected '{' in field name") != VALUE_ERROR;
        if (s[i] == '[')
            while (i < n && s[i] != ']') i++;
        if (i < n) i++;
    }
    size_t name_len = i;
    char conversion = 0;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n) return exc_raise(vm, &exc_ValueError, "unmatched '{' in format spec") != VALUE_ERROR;
        conversion = s[i + 1];
        i += 2;
        if (i < n && s[i] != ':') return exc_raise(vm, &exc_ValueError, "expected ':' after conversion specifier") != VALUE_ERROR;
    }
    const char *spec = i < n ? s + i + 1 : "";
    size_t spec_len = i < n ? n - i - 1 : 0;
    Value obj = format_field_object(vm, s, name_len, fa);
    if (obj == VALUE_ERROR) return 0;
    /* The object may be a fresh result of getattr or subscription, and formatting it may run
     * Python code (__format__, __repr__), so keep it rooted meanwhile. */
    if (!gc_root_push(vm, obj)) return 0;
    StrBuf spec_buf, conv;
    strbuf_init(&spec_buf);
    strbuf_init(&conv);
    int ok = 1;
    if (memchr(spec, '{', spec_len)) {
        if (depth >= 1) ok = exc_raise(vm, &exc_ValueError, "Max string recursion exceeded") != VALUE_ERROR;
        else ok = format_render(vm, spec, spec_len, fa, depth + 1, &spec_buf);
        spec = spec_buf.data ? spec_buf.data : "";
        spec_len = spec_buf.len;
    }
    if (ok && conversion) {
        if (conversion == 'r') ok = op_repr_into(vm, obj, &conv);
        else if (conversion == 's') ok = op_str_into(vm, obj, &conv);
        else if (conversion == 'a') ok = format_ascii_into(vm, obj, &conv);
        else {
            unsigned char c = (unsigned char)conversion;
            ok = (c > ' ' && c < 0x7f ? exc_raise(vm, &exc_ValueError, "Unknown conversion specifier %c", c)
                                      : exc_raise(vm, &exc_ValueError, "Unknown conversion specifier \\x%x", c)) != VALUE_ERROR;
        }
        if (ok) {
            obj = conv.failed ? exc_raise_memory(vm) : str_value(vm, conv.data ? conv.data : "", conv.len);
            ok = obj != VALUE_ERROR;
        }
    }
    if (ok) ok = format_value_into(vm, obj, spec, spec_len, out);
    gc_root_pop(vm, 1);
    strbuf_free(&spec_buf);
    strbuf_free(&conv);
    return ok;
}

/* MarkupIterator: literal text with {{ and }} escapes, and {fields}. */
static int format_render(VM *vm, const char *s, size_t n, FormatArgs *fa, int depth, StrBuf *out) {
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c != '{' && c != '}') {
            size_t j = i;
            while (j < n && s[j] != '{' && s[j] != '}') j++;
            strbuf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                strbuf_putc(out, '}');
                i += 2;
                continue;
            }
            return exc_raise(vm, &exc_ValueError, "Single '}' encountered in format string") != VALUE_ERROR;
        }
        if (i + 1 >= n) return exc_raise(vm, &exc_ValueError, "Single '{' encountered in format string") != VALUE_ERROR;
        if (s[i + 1] == '{') {
            strbuf_putc(out, '{');
            i += 2;
            continue;
        }
        size_t start = ++i;
        int count = 1, in_name = 1;
        for (; i < n; i++) {
            /* In the field name, an index in brackets may hold any character but ']'. */
            if (in_name && s[i] == '[') {
                while (i < n && s[i] != ']') i++;
                if (i >= n) break;
                continue;
            }
            if (s[i] == ':' || s[i] == '!') in_name = 0;
            if (s[i] == '{') count++;
            else if (s[i] == '}' && --count == 0) break;
        }
        if (i >= n) return exc_raise(vm, &exc_ValueError, "expected '}' before end of string") != VALUE_ERROR;
        if (!format_field(vm, s + start, i - start, fa, depth, out)) return 0;
        i++;
    }
    return 1;
}

Value str_format_method(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    Str *self = value_as_ptr(args[0]);
    FormatArgs fa = {args + 1, nargs - 1, args + nargs, kwnames, 0, 0};
    StrBuf out;
    strbuf_init(&out);
    if (!format_render(vm, self->data, self->len, &fa, 0, &out)) {
        strbuf_free(&out);
        return VALUE_ERROR;
    }
    return str_from_buf(vm, &out);
}
