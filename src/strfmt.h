/* The str type's internals shared by str.c, strmethods.c and format.c, and the formatting entry
 * points the compiler and VM use (f-strings' FORMAT_VALUE, str % args, str.format). */
#ifndef ANOLE_STRFMT_H
#define ANOLE_STRFMT_H

#include <stddef.h>
#include <stdint.h>

#include "runtime.h"

/* str.c: UTF-8 helpers. The engine only makes valid UTF-8, so decoding never fails. */
uint32_t str_utf8_decode(const unsigned char *p, int *n);
int str_utf8_encode(uint32_t c, char *out);              /* bytes written (1..4) */
int str_utf8_width(unsigned char lead);                  /* bytes of the sequence lead starts */
/* The byte offset of code point i (0 <= i <= nchars): O(1) for ASCII, a scan otherwise. */
size_t str_char_to_byte(const Str *s, int64_t i);
/* The code point index of byte offset b, which must be on a character boundary. */
int64_t str_byte_to_char(const Str *s, size_t b);
/* A new str from the buffer's contents; frees the buffer. MemoryError if the buffer failed. */
Value str_from_buf(VM *vm, StrBuf *b);
/* Whether repr shows the code point as is (str.isprintable). */
int str_cp_printable(uint32_t c);
/* Appends `count` copies of the code point c (as UTF-8). */
void str_put_repeat(StrBuf *out, uint32_t c, int64_t count);

/* strmethods.c: the str type's method table. */
extern const MethodDef str_methods[];

/* format.c */
/* format(v, spec): the format-spec mini-language for int, bool, float and str, __format__ of
 * classes defined in Python, and object.__format__ (empty spec only) for the rest. spec may be
 * NULL for ''. Returns a str or VALUE_ERROR. */
Value format_value(VM *vm, Value v, Str *spec);
/* The same, appending to out; 0 on error (exception set). */
int format_value_into(VM *vm, Value v, const char *spec, size_t speclen, StrBuf *out);
/* fmt % args, printf-style, as CPython's PyUnicode_Format. */
Value format_percent(VM *vm, Str *fmt, Value args);
/* ascii(v) appended to out: repr with every non-ASCII code point escaped. */
int format_ascii_into(VM *vm, Value v, StrBuf *out);

/* strformat.c: str.format(*args, **kwargs) with self in args[0] (a MethodDef function). */
Value str_format_method(VM *vm, Value *args, int nargs, Tuple *kwnames);

#endif
