/* Printing errors the way CPython 3.11 prints them. */
#ifndef ANOLE_TRACEBACK_H
#define ANOLE_TRACEBACK_H

#include "lexer.h"
#include "object.h"
#include "strbuf.h"

void traceback_print_syntax_error(VM *vm, const SyntaxErrorInfo *err, const char *filename, StrBuf *out);

#endif
