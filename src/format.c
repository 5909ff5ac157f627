/* Formatting: the format-spec mini-language (format(), f-strings, str.format) for int, bool, float
 * and str as CPython 3.11's Python/formatter_unicode.c does it, printf-style `str % args` as
 * PyUnicode_Format, and the builtins format, chr, ord and ascii. str.format's replacement fields
 * are parsed in strformat.c, which formats each one through format_value_into. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "strfmt.h"
#include "vm.h"

/* A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]. */
typedef struct {
    uint32_t fill;
    char align;          /* '<', '>', '^', '=' */
    char sign;           /* 0, '+', '-', ' ' */
    char type;           /* 0 when absent */
    char grouping;       /* 0, ',', '_' */
    uint8_t alt, no_neg_0;
    int64_t width;       /* -1 when absent */
    int64_t precision;   /* -1 when absent */
} FormatSpec;

static int format_is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static int format_read_int(VM *vm, const char *s, size_t len, size_t *pos, int64_t *out) {
    int digits = 0;
    int64_t v = 0;
    while (*pos < len && s[*pos] >= '0' && s[*pos] <= '9') {
        if (v > (INT64_MAX - 9) / 10) {
            exc_raise(vm, &exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s[(*pos)++] - '0');
        digits++;
    }
    if (digits) *out = v;
    return digits;
}

/* A format code as CPython shows it in errors: itself when printable ASCII, else \\x and hex. */
static const char *format_code_text(char type, char *buf) {
    unsigned char c = (unsigned char)type;
    if (c > ' ' && c < 0x7f) snprintf(buf, 8, "%c", c);
    else snprintf(buf, 8, "\\x%x", c);
    return buf;
}

static int format_unknown_code(VM *vm, char type, const char *tname) {
    char buf[8];
    exc_raise(vm, &exc_ValueError, "Unknown format code '%s' for object of type '%s'", format_code_text(type, buf), tname);
    return 0;
}

/* parse_internal_render_format_spec, with the object's default type and alignment. */
static int format_parse_spec(VM *vm, const char *s, size_t len, char default_type, char default_align,
                             Value v, FormatSpec *f) {
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->type = default_type;
    f->grouping = 0;
    f->alt = f->no_neg_0 = 0;
    f->width = f->precision = -1;
    size_t pos = 0;
    int fill_given = 0, align_given = 0, n0 = 0;
    uint32_t c0 = len ? str_utf8_decode((const unsigned char *)s, &n0) : 0;
    if (len > (size_t)n0 && format_is_align((unsigned char)s[n0])) {
        f->fill = c0;
        f->align = s[n0];
        fill_given = align_given = 1;
        pos = (size_t)n0 + 1;
    } else if (len && format_is_align(c0)) {
        f->align = (char)c0;
        align_given = 1;
        pos = 1;
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f->sign = s[pos++];
    if (pos < len && s[pos] == 'z') f->no_neg_0 = 1, pos++;
    if (pos < len && s[pos] == '#') f->alt = 1, pos++;
    if (!fill_given && pos < len && s[pos] == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') f->align = '=';
        pos++;
    }
    if (format_read_int(vm, s, len, &pos, &f->width) < 0) return 0;
    if (pos < len && s[pos] == ',') f->grouping = ',', pos++;
    if (pos < len && s[pos] == '_') {
        if (f->grouping) goto both;
        f->grouping = '_', pos++;
    }
    if (pos < len && s[pos] == ',' && f->grouping == '_') goto both;
    if (pos < len && s[pos] == '.') {
        pos++;
        int n = format_read_int(vm, s, len, &pos, &f->precision);
        if (n < 0) return 0;
        if (n == 0) {
            exc_raise(vm, &exc_ValueError, "Format specifier missing precision");
            return 0;
        }
    }
    if (len - pos > 1) {
        exc_raise(vm, &exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'", (int)len, s,
                  type_of(v)->name);
        return 0;
    }
    if (len - pos == 1) f->type = s[pos];
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_') break;
            /* fall through */
        default:
        {
            char buf[8];
            exc_raise(vm, &exc_ValueError, "Cannot specify '%c' with '%s'.", f->grouping, format_code_text(f->type, buf));
            return 0;
        }
        }
    }
    return 1;
both:
    exc_raise(vm, &exc_ValueError, "Cannot specify both ',' and '_'.");
    return 0;
}

/* ---- Laying out a number: [pad][sign][prefix][pad or zeros][grouped digits][rest][pad] ---- */

typedef struct {
    char sign;              /* 0 or the sign character to print */
    const char *prefix;     /* "0x", "0b", ... or "" */
    const char *digits;     /* the integer digits (ASCII), or one character for 'c' */
    size_t ndigits;         /* bytes */
    int64_t digit_chars;    /* code points in digits */
    const char *rest;       /* ASCII: decimal point, fraction, exponent, '%', or "inf"/"nan" */
    size_t nrest;
} FormatNumber;

static void format_emit_number(StrBuf *out, const FormatSpec *f, const FormatNumber *p) {
    int group = !f->grouping ? 0 : (f->type == 'b' || f->type == 'o' || f->type == 'x' || f->type == 'X') ? 4 : 3;
    char sep = f->grouping;
    int64_t lead = (p->sign ? 1 : 0) + (int64_t)strlen(p->prefix) + (int64_t)p->nrest;
    int64_t min_width = f->fill == '0' && f->align == '=' && f->width > lead ? f->width - lead : 0;
    StrBuf g;   /* the grouped digits, built right to left and reversed at the end */
    strbuf_init(&g);
    if (!group) {
        int64_t zeros = min_width > p->digit_chars ? min_width - p->digit_chars : 0;
        str_put_repeat(&g, '0', zeros);
        strbuf_append(&g, p->digits, p->ndigits);
    } else {
        /* _PyUnicode_InsertThousandsGrouping: zero padding is grouped like digits. */
        int64_t remaining = (int64_t)p->ndigits, mw = min_width, i = remaining;
        for (int first = 1;; first = 0) {
            int64_t m = remaining > mw ? remaining : mw;
            int64_t l = group < (m > 1 ? m : 1) ? group : (m > 1 ? m : 1);
            int64_t chars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
            int64_t zeros = l - chars;
            if (!first) strbuf_putc(&g, sep);
            for (int64_t k = 0; k < chars; k++) strbuf_putc(&g, p->digits[--i]);
            str_put_repeat(&g, '0', zeros);
            remaining -= chars;
            mw -= l;
            if (remaining <= 0 && mw <= 0) break;
            mw -= 1;
        }
        for (size_t a = 0, b = g.len ? g.len - 1 : 0; a < b && !g.failed; a++, b--) {
            char t = g.data[a];
            g.data[a] = g.data[b];
            g.data[b] = t;
        }
    }
    int64_t gchars = (int64_t)utf8_count_chars(g.data ? g.data : "", g.len);
    int64_t total = lead + gchars, pad = f->width > total ? f->width - total : 0, left = 0, right = 0, mid = 0;
    switch (f->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2, right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    str_put_repeat(out, f->fill, left);
    if (p->sign) strbuf_putc(out, p->sign);
    strbuf_puts(out, p->prefix);
    str_put_repeat(out, f->fill, mid);
    strbuf_append(out, g.data ? g.data : "", g.len);
    strbuf_append(out, p->rest, p->nrest);
    str_put_repeat(out, f->fill, right);
    if (g.failed) out->failed = 1;
    strbuf_free(&g);
}

static char format_sign_for(const FormatSpec *f, int negative) {
    if (negative) return '-';
    return f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
}

/* ---- int ---- */

static int format_int(VM *vm, Value v, const FormatSpec *f, StrBuf *out) {
    if (f->precision >= 0) {
        exc_raise(vm, &exc_ValueError, "Precision not allowed in integer format specifier");
        return 0;
    }
    if (f->no_neg_0) {
        exc_raise(vm, &exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return 0;
    }
    FormatNumber p = {0, "", NULL, 0, 0, "", 0};
    StrBuf d;
    strbuf_init(&d);
    if (f->type == 'c') {
        if (f->sign) {
            exc_raise(vm, &exc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return 0;
        }
        if (f->alt) {
            exc_raise(vm, &exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return 0;
        }
        int64_t c;
        if (!num_as_int64(vm, v, &c)) return 0;
        if (c < 0 || c > 0x10ffff) {
            exc_raise(vm, &exc_OverflowError, "%%c arg not in range(0x110000)");
            return 0;
        }
        char enc[4];
        p.ndigits = (size_t)str_utf8_encode((uint32_t)c, enc);
        p.digits = enc;
        p.digit_chars = 1;
        format_emit_number(out, f, &p);
        return 1;
    }
    int base = f->type == 'b' ? 2 : f->type == 'o' ? 8 : (f->type == 'x' || f->type == 'X') ? 16 : 10;
    Value iv = value_is_bool(v) ? value_from_int(v == VALUE_TRUE) : v;
    if (!num_int_to_base(vm, iv, base, &d)) {
        strbuf_free(&d);
        return 0;
    }
    if (d.failed) {
        strbuf_free(&d);
        exc_raise_memory(vm);
        return 0;
    }
    int negative = d.data[0] == '-';
    p.sign = format_sign_for(f, negative);
    p.digits = d.data + negative;
    p.ndigits = d.len - (size_t)negative;
    p.digit_chars = (int64_t)p.ndigits;
    if (f->type == 'X')
        for (size_t i = 0; i < d.len; i++)
            if (d.data[i] >= 'a' && d.data[i] <= 'f') d.data[i] = (char)(d.data[i] - 32);
    if (f->alt && base != 10) p.prefix = f->type == 'b' ? "0b" : f->type == 'o' ? "0o" : f->type == 'x' ? "0x" : "0X";
    format_emit_number(out, f, &p);
    strbuf_free(&d);
    return 1;
}

/* ---- float ---- */

/* PyOS_double_to_string for the types e E f F g G r (r: repr) into buf, sign included. */
static void format_double(double x, char type, int64_t precision, int alt, int add_dot_0, StrBuf *buf) {
    if (type == 'r') {
        num_float_repr(x, buf);
        return;
    }
    if (isinf(x) || isnan(x)) {
        int upper = type == 'E' || type == 'F' || type == 'G';
        if (signbit(x) && !isnan(x)) strbuf_putc(buf, '-');
        if (isnan(x)) strbuf_puts(buf, upper ? "NAN" : "nan");
        else strbuf_puts(buf, upper ? "INF" : "inf");
        return;
    }
    int p = (int)(precision > 1000000 ? 1000000 : precision);
    if (type == 'g' && add_dot_0) {
        /* The no-type presentation with a precision is 'g' whose exponent threshold is one
         * lower, and whose fixed-point results always show a decimal point (format_float_short). */
        if (p == 0) p = 1;
        StrBuf e;
        strbuf_init(&e);
        strbuf_printf(&e, "%.*e", p - 1, x);
        const char *ep = strchr(strbuf_cstr(&e), 'e');
        int decpt = ep ? atoi(ep + 1) + 1 : 0;
        if (ep && (decpt <= -4 || decpt > p - 1)) {
            size_t mant = (size_t)(ep - e.data);
            if (!alt && memchr(e.data, '.', mant)) {
                while (mant > 0 && e.data[mant - 1] == '0') mant--;
                if (mant > 0 && e.data[mant - 1] == '.') mant--;
            }
            strbuf_append(buf, e.data, mant);
            strbuf_puts(buf, ep);
        } else {
            strbuf_printf(buf, alt ? "%#.*g" : "%.*g", p, x);
            if (!buf->failed && !strchr(buf->data, '.')) strbuf_puts(buf, ".0");
        }
        if (e.failed) buf->failed = 1;
        strbuf_free(&e);
        return;
    }
    char fmt[8];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", type);
    strbuf_printf(buf, fmt, p, x);
}

static int format_float(VM *vm, double x, const FormatSpec *f, StrBuf *out) {
    char type = f->type;
    int64_t precision = f->precision;
    int add_dot_0 = 0, add_pct = 0;
    if (type == 0) {
        add_dot_0 = 1;
        type = precision < 0 ? 'r' : 'g';
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        x *= 100;
        add_pct = 1;
    }
    if (precision < 0) precision = 6;
    StrBuf d;
    strbuf_init(&d);
    format_double(x, type, precision, f->alt, add_dot_0, &d);
    if (add_pct) strbuf_putc(&d, '%');
    if (d.failed) {
        strbuf_free(&d);
        exc_raise_memory(vm);
        return 0;
    }
    int negative = d.data[0] == '-';
    if (negative && f->no_neg_0 && !strpbrk(d.data, "123456789")) negative = 0;
    FormatNumber p = {format_sign_for(f, negative), "", d.data + (d.data[0] == '-'), 0, 0, "", 0};
    while (p.digits[p.ndigits] >= '0' && p.digits[p.ndigits] <= '9') p.ndigits++;
    p.digit_chars = (int64_t)p.ndigits;
    p.rest = p.digits + p.ndigits;
    p.nrest = strlen(p.rest);
    format_emit_number(out, f, &p);
    strbuf_free(&d);
    (void)vm;
    return 1;
}

/* ---- str ---- */

static int format_str(VM *vm, Str *s, const FormatSpec *f, StrBuf *out) {
    const char *err = NULL;
    if (f->sign) err = "Sign not allowed in string format specifier";
    else if (f->no_neg_0) err = "Negative zero coercion (z) not allowed in string format specifier";
    else if (f->alt) err = "Alternate form (#) not allowed in string format specifier";
    else if (f->align == '=') err = "'=' alignment not allowed in string format specifier";
    if (err) {
        exc_raise(vm, &exc_ValueError, "%s", err);
        return 0;
    }
    int64_t chars = s->nchars;
    size_t bytes = s->len;
    if (f->precision >= 0 && chars > f->precision) {
        chars = f->precision;
        bytes = str_char_to_byte(s, chars);
    }
    int64_t pad = f->width > chars ? f->width - chars : 0, left = 0;
    if (f->align == '>') left = pad;
    else if (f->align == '^') left = pad / 2;
    str_put_repeat(out, f->fill, left);
    strbuf_append(out, s->data, bytes);
    str_put_repeat(out, f->fill, pad - left);
    return 1;
}

/* ---- Dispatch ---- */

/* A __format__ defined by a class in Python (not inherited from object), or VALUE_NULL. */
static Value format_user_method(VM *vm, Type *t) {
    if (!t->is_heap || !t->mro) return VALUE_NULL;
    Str *name = vm->names.format;
    if (!name) return VALUE_NULL;
    for (uint32_t i = 0; i < t->mro->len; i++) {
        Type *k = value_as_ptr(t->mro->items[i]);
        if (!k->is_heap || !k->dict) continue;
        Value fn = dict_get_str(k->dict, name);
        if (fn != VALUE_NULL) return fn;
    }
    return VALUE_NULL;
}

int format_value_into(VM *vm, Value v, const char *spec, size_t len, StrBuf *out) {
    FormatSpec f;
    Type *t = type_of(v);
    if (value_is_kind(v, OBJ_STR)) {
        if (len == 0) return op_str_into(vm, v, out);
        if (!format_parse_spec(vm, spec, len, 's', '<', v, &f)) return 0;
        if (f.type != 's') return format_unknown_code(vm, f.type, "str");
        return format_str(vm, value_as_ptr(v), &f, out);
    }
    int is_int = value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT);
    if (is_int || value_is_float(v)) {
        if (len == 0) return op_str_into(vm, v, out);
        if (!format_parse_spec(vm, spec, len, is_int ? 'd' : 0, '>', v, &f)) return 0;
        switch (f.type) {
        case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
            if (is_int) return format_int(vm, v, &f, out);
            if (f.type != 'n') break;
            /* A float formats 'n' as 'g', in the C locale. */
            /* fall through */
        case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
            double x;
            if (!num_as_double(vm, v, &x)) return 0;
            return format_float(vm, x, &f, out);
        }
        }
        return format_unknown_code(vm, f.type, t->name);
    }
    Value fn = format_user_method(vm, t);
    if (fn != VALUE_NULL) {
        Value call_args[2] = {v, str_value(vm, spec, len)};
        if (call_args[1] == VALUE_ERROR) return 0;
        Value r = vm_call(vm, fn, call_args, 2);
        if (r == VALUE_ERROR) return 0;
        if (!value_is_kind(r, OBJ_STR)) {
            exc_raise(vm, &exc_TypeError, "__format__ must return a str, not %s", type_of(r)->name);
            return 0;
        }
        strbuf_append(out, ((Str *)value_as_ptr(r))->data, ((Str *)value_as_ptr(r))->len);
        return 1;
    }
    if (len == 0) return op_str_into(vm, v, out);
    exc_raise(vm, &exc_TypeError, "unsupported format string passed to %s.__format__", t->name);
    return 0;
}

Value format_value(VM *vm, Value v, Str *spec) {
    if (value_is_kind(v, OBJ_STR) && (!spec || spec->len == 0)) return v;
    StrBuf b;
    strbuf_init(&b);
    if (!format_value_into(vm, v, spec ? spec->data : "", spec ? spec->len : 0, &b)) {
        strbuf_free(&b);
        return VALUE_ERROR;
    }
    return str_from_buf(vm, &b);
}

int format_ascii_into(VM *vm, Value v, StrBuf *out) {
    StrBuf r;
    strbuf_init(&r);
    if (!op_repr_into(vm, v, &r)) {
        strbuf_free(&r);
        return 0;
    }
    int n;
    for (size_t i = 0; i < r.len; i += (size_t)n) {
        uint32_t c = str_utf8_decode((const unsigned char *)r.data + i, &n);
        if (c < 0x80) strbuf_putc(out, (char)c);
        else if (c < 0x100) strbuf_printf(out, "\\x%02x", c);
        else if (c < 0x10000) strbuf_printf(out, "\\u%04x", c);
        else strbuf_printf(out, "\\U%08x", c);
    }
    if (r.failed) out->failed = 1;
    strbuf_free(&r);
    return 1;
}

/* ---- printf-style formatting: str % args ---- */

typedef struct {
    Value args;          /* the right operand */
    Value *items;        /* positional arguments: the tuple's items, or &args for a single value */
    int64_t nitems, next;
    int mapping;         /* args supports subscription, so %(key) may look things up in it */
} PercentArgs;

static Value percent_next(VM *vm, PercentArgs *a) {
    if (a->next < a->nitems) return a->items[a->next++];
    return exc_raise(vm, &exc_TypeError, "not enough arguments for format string");
}

/* %d %i %u %x %X %o: the digits of an int (floats truncate for the decimal types only). */
static int percent_int(VM *vm, Value v, char type, const FormatSpec *f, int64_t precision, StrBuf *out) {
    int decimal = type == 'd' || type == 'i' || type == 'u';
    if (value_is_float(v) && decimal) {
        double x = trunc(value_as_float(v));
        if (isnan(x)) return exc_raise(vm, &exc_ValueError, "cannot convert float NaN to integer") != VALUE_ERROR;
        if (isinf(x)) return exc_raise(vm, &exc_OverflowError, "cannot convert float infinity to integer") != VALUE_ERROR;
        if (x > (double)SMALLINT_MAX || x < (double)SMALLINT_MIN) {
            /* Beyond the small ints: print the float's integral value exactly. */
            StrBuf d;
            strbuf_init(&d);
            strbuf_printf(&d, "%.0f", x);
            FormatNumber p = {format_sign_for(f, x < 0), "", d.data + (x < 0), d.len - (x < 0), 0, "", 0};
            p.digit_chars = (int64_t)p.ndigits;
            format_emit_number(out, f, &p);
            strbuf_free(&d);
            return 1;
        }
        v = value_from_int((int64_t)x);
    }
    if (!value_is_int(v) && !value_is_bool(v) && !value_is_kind(v, OBJ_BIGINT)) {
        exc_raise(vm, &exc_TypeError, decimal ? "%%%c format: a real number is required, not %s"
                                              : "%%%c format: an integer is required, not %s", type, type_of(v)->name);
        return 0;
    }
    StrBuf d;
    strbuf_init(&d);
    Value iv = value_is_bool(v) ? value_from_int(v == VALUE_TRUE) : v;
    if (!num_int_to_base(vm, iv, decimal ? 10 : type == 'o' ? 8 : 16, &d)) {
        strbuf_free(&d);
        return 0;
    }
    int negative = d.len && d.data[0] == '-';
    if (type == 'X')
        for (size_t i = 0; i < d.len; i++)
            if (d.data[i] >= 'a' && d.data[i] <= 'f') d.data[i] = (char)(d.data[i] - 32);
    /* A precision is a minimum number of digits. */
    StrBuf z;
    strbuf_init(&z);
    int64_t nd = (int64_t)d.len - negative;
    if (precision > nd) str_put_repeat(&z, '0', precision - nd);
    strbuf_append(&z, d.data + negative, (size_t)nd);
    FormatNumber p = {format_sign_for(f, negative), "", z.data, z.len, (int64_t)z.len, "", 0};
    if (f->alt && !decimal) p.prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    format_emit_number(out, f, &p);
    if (z.failed || d.failed) out->failed = 1;
    strbuf_free(&z);
    strbuf_free(&d);
    return 1;
}

static int percent_float(VM *vm, Value v, char type, const FormatSpec *f, int64_t precision, StrBuf *out) {
    double x;
    if (!num_is_number(v) && !value_is_kind(v, OBJ_BIGINT)) {
        exc_raise(vm, &exc_TypeError, "must be real number, not %s", type_of(v)->name);
        return 0;
    }
    if (!num_as_double(vm, v, &x)) return 0;
    StrBuf d;
    strbuf_init(&d);
    format_double(x, type, precision < 0 ? 6 : precision, f->alt, 0, &d);
    if (d.failed) {
        strbuf_free(&d);
        exc_raise_memory(vm);
        return 0;
    }
    int negative = d.data[0] == '-';
    FormatNumber p = {format_sign_for(f, negative), "", d.data + negative, 0, 0, "", 0};
    while (p.digits[p.ndigits] >= '0' && p.digits[p.ndigits] <= '9') p.ndigits++;
    p.digit_chars = (int64_t)p.ndigits;
    p.rest = p.digits + p.ndigits;
    p.nrest = strlen(p.rest);
    format_emit_number(out, f, &p);
    strbuf_free(&d);
    return 1;
}

/* %s %r %a %c: text, truncated to the precision and padded with spaces. */
static int percent_text(VM *vm, Value v, char type, const FormatSpec *f, int64_t precision, StrBuf *out) {
    StrBuf t;
    strbuf_init(&t);
    int ok = 1;
    if (type == 'c') {
        char enc[4];
        if (value_is_kind(v, OBJ_STR) && ((Str *)value_as_ptr(v))->nchars == 1) {
            strbuf_append(&t, ((Str *)value_as_ptr(v))->data, ((Str *)value_as_ptr(v))->len);
        } else if (value_is_int(v) || value_is_bool(v) || value_is_kind(v, OBJ_BIGINT)) {
            int64_t c = -1;
            if (value_is_kind(v, OBJ_BIGINT) || !num_as_int64(vm, v, &c) || c < 0 || c > 0x10ffff) {
                strbuf_free(&t);
                exc_raise(vm, &exc_OverflowError, "%%c arg not in range(0x110000)");
                return 0;
            }
            strbuf_append(&t, enc, (size_t)str_utf8_encode((uint32_t)c, enc));
        } else {
            strbuf_free(&t);
            exc_raise(vm, &exc_TypeError, "%%c requires int or char");
            return 0;
        }
    } else if (type == 's') ok = op_str_into(vm, v, &t);
    else if (type == 'r') ok = op_repr_into(vm, v, &t);
    else ok = format_ascii_into(vm, v, &t);
    if (!ok) {
        strbuf_free(&t);
        return 0;
    }
    size_t bytes = t.len;
    int64_t chars = (int64_t)utf8_count_chars(t.data ? t.data : "", t.len);
    if (precision >= 0 && chars > precision) {
        bytes = 0;
        for (int64_t k = 0; k < precision; k++) bytes += (size_t)str_utf8_width((unsigned char)t.data[bytes]);
        chars = precision;
    }
    int64_t pad = f->width > chars ? f->width - chars : 0;
    if (f->align != '<') str_put_repeat(out, ' ', pad);
    strbuf_append(out, t.data ? t.data : "", bytes);
    if (f->align == '<') str_put_repeat(out, ' ', pad);
    if (t.failed) out->failed = 1;
    strbuf_free(&t);
    return 1;
}

/* A '*' width or precision takes the next argument, which must be an int. */
static int percent_star(VM *vm, PercentArgs *a, int64_t *out) {
    Value v = percent_next(vm, a);
    if (v == VALUE_ERROR) return 0;
    if (!value_is_int(v) && !value_is_bool(v)) {
        exc_raise(vm, &exc_TypeError, "* wants int");
        return 0;
    }
    *out = value_is_bool(v) ? v == VALUE_TRUE : value_as_int(v);
    return 1;
}

/* One conversion specifier after its '%': [(key)][flags][width][.precision][length]type. */
static int percent_one(VM *vm, Str *fmt, size_t *pos, PercentArgs *a, StrBuf *out) {
    const char *s = fmt->data;
    size_t len = fmt->len, i = *pos, start_pos = *pos;
    Value v = VALUE_NULL;
    if (i < len && s[i] == '(') {
        if (!a->mapping) {
            exc_raise(vm, &exc_TypeError, "format requires a mapping");
            return 0;
        }
        size_t start = ++i;
        int depth = 1;
        for (; i < len && depth; i++) depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        if (depth) {
            exc_raise(vm, &exc_ValueError, "incomplete format key");
            return 0;
        }
        Value key = str_value(vm, s + start, i - 1 - start);
        if (key == VALUE_ERROR || (v = op_subscr(vm, a->args, key)) == VALUE_ERROR) return 0;
        a->next = a->nitems;   /* after a key, positional arguments are no longer available */
    }
    FormatSpec f = {' ', '>', 0, 0, 0, 0, 0, -1, -1};
    int zero = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (c == '-') f.align = '<';
        else if (c == '+') f.sign = '+';
        else if (c == ' ') { if (f.sign != '+') f.sign = ' '; }
        else if (c == '#') f.alt = 1;
        else if (c == '0') zero = 1;
        else break;
    }
    if (i < len && s[i] == '*') {
        if (!percent_star(vm, a, &f.width)) return 0;
        if (f.width < 0) f.align = '<', f.width = -f.width;
        i++;
    } else if (format_read_int(vm, s, len, &i, &f.width) < 0) return 0;
    int64_t precision = -1;
    if (i < len && s[i] == '.') {
        i++;
        precision = 0;
        if (i < len && s[i] == '*') {
            if (!percent_star(vm, a, &precision)) return 0;
            i++;
        } else if (format_read_int(vm, s, len, &i, &precision) < 0) return 0;
    }
    while (i < len && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L')) i++;
    if (i >= len) {
        exc_raise(vm, &exc_ValueError, "incomplete format");
        return 0;
    }
    char type = s[i++];
    *pos = i;
    /* "%%" is a literal percent sign only as those two characters; CPython 3.11 treats "%5%" as a
     * conversion that takes an argument and then rejects '%' as its type. */
    if (type == '%' && i == start_pos + 1) {
        strbuf_putc(out, '%');
        return 1;
    }
    if (zero && f.align != '<') f.fill = '0', f.align = '=';
    if (type == '%' || !strchr("diuoxXeEfFgGcrsa", type) || (unsigned char)type >= 0x80) {
        if (v == VALUE_NULL && type == '%' && percent_next(vm, a) == VALUE_ERROR) return 0;
        int n;
        uint32_t c = str_utf8_decode((const unsigned char *)s + i - 1, &n);
        exc_raise(vm, &exc_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                  c >= 32 && c < 127 ? (char)c : '?', c, (long long)str_byte_to_char(fmt, i - 1));
        return 0;
    }
    if (v == VALUE_NULL && (v = percent_next(vm, a)) == VALUE_ERROR) return 0;
    f.type = type;
    switch (type) {
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': return percent_int(vm, v, type, &f, precision, out);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return percent_float(vm, v, type, &f, precision, out);
    default: return percent_text(vm, v, type, &f, precision, out);
    }
}

Value format_percent(VM *vm, Str *fmt, Value args) {
    PercentArgs a = {args, &a.args, 1, 0, 0};
    if (value_is_kind(args, OBJ_TUPLE)) {
        a.items = ((Tuple *)value_as_ptr(args))->items;
        a.nitems = ((Tuple *)value_as_ptr(args))->len;
    } else if (!value_is_kind(args, OBJ_STR)) {
        /* CPython treats anything subscriptable but a tuple or str as a mapping (PyMapping_Check),
         * which also excuses it from "not all arguments converted". */
        a.mapping = value_is_kind(args, OBJ_DICT) || value_is_kind(args, OBJ_LIST) || value_is_kind(args, OBJ_RANGE) ||
                    type_of(args)->getitem != NULL;
    }
    /* %s and %r may run __str__ and __repr__, which may collect; the operands might no longer be
     * on the VM's stack, so root them while their items are in use. */
    if (!gc_root_push(vm, value_from_ptr(fmt))) return VALUE_ERROR;
    if (!gc_root_push(vm, args)) {
        gc_root_pop(vm, 1);
        return VALUE_ERROR;
    }
    StrBuf out;
    strbuf_init(&out);
    const char *s = fmt->data;
    size_t i = 0;
    int ok = 1;
    while (ok && i < fmt->len) {
        const char *pct = memchr(s + i, '%', fmt->len - i);
        size_t stop = pct ? (size_t)(pct - s) : fmt->len;
        strbuf_append(&out, s + i, stop - i);
        if (!pct) break;
        i = stop + 1;
        ok = percent_one(vm, fmt, &i, &a, &out);
    }
    gc_root_pop(vm, 2);
    if (!ok) {
        strbuf_free(&out);
        return VALUE_ERROR;
    }
    if (a.next < a.nitems && !a.mapping) {
        strbuf_free(&out);
        return exc_raise(vm, &exc_TypeError, "not all arguments converted during string formatting");
    }
    return str_from_buf(vm, &out);
}

/* ---- The builtins format, chr, ord and ascii ---- */

static Value format_builtin_format(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs < 1 || nargs > 2)
        return exc_raise(vm, &exc_TypeError, nargs < 1 ? "format expected at least 1 argument, got %d"
                                                       : "format expected at most 2 arguments, got %d", nargs);
    if (nargs == 2 && !value_is_kind(args[1], OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "format() argument 2 must be str, not %s", type_of(args[1])->name);
    return format_value(vm, args[0], nargs == 2 ? value_as_ptr(args[1]) : NULL);
}

static Value format_builtin_chr(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "chr() takes exactly one argument (%d given)", nargs);
    Value v = args[0];
    if (value_is_kind(v, OBJ_BIGINT)) return exc_raise(vm, &exc_OverflowError, "Python int too large to convert to C int");
    int64_t c;
    if (!num_index(vm, v, &c)) return VALUE_ERROR;
    if (c > INT32_MAX || c < INT32_MIN) return exc_raise(vm, &exc_OverflowError, "Python int too large to convert to C int");
    if (c < 0 || c > 0x10ffff) return exc_raise(vm, &exc_ValueError, "chr() arg not in range(0x110000)");
    char enc[4];
    return str_value(vm, enc, (size_t)str_utf8_encode((uint32_t)c, enc));
}

static Value format_builtin_ord(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "ord() takes exactly one argument (%d given)", nargs);
    if (!value_is_kind(args[0], OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "ord() expected string of length 1, but %s found", type_of(args[0])->name);
    Str *s = value_as_ptr(args[0]);
    if (s->nchars != 1)
        return exc_raise(vm, &exc_TypeError, "ord() expected a character, but string of length %u found", s->nchars);
    int n;
    return value_from_int(str_utf8_decode((const unsigned char *)s->data, &n));
}

static Value format_builtin_ascii(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "ascii() takes exactly one argument (%d given)", nargs);
    StrBuf b;
    strbuf_init(&b);
    if (!format_ascii_into(vm, args[0], &b)) {
        strbuf_free(&b);
        return VALUE_ERROR;
    }
    return str_from_buf(vm, &b);
}

const BuiltinDef builtins_str[] = {
    {"format", format_builtin_format, CALLKIND_FAST},
    {"chr", format_builtin_chr, CALLKIND_O},
    {"ord", format_builtin_ord, CALLKIND_O},
    {"ascii", format_builtin_ascii, CALLKIND_O},
    {NULL, NULL, 0},
};
