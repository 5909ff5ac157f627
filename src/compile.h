/* The compiler: AST to code objects, with CPython 3.11's instruction shapes and locations. */
#ifndef ANOLE_COMPILE_H
#define ANOLE_COMPILE_H

#include "ast.h"
#include "lexer.h"
#include "object.h"

/* Compiles a parsed module. Returns NULL and fills err on a compile-time error (or with
 * err->type "MemoryError" when memory ran out). */
Code *compile_module(VM *vm, Node *module, const char *filename, SyntaxErrorInfo *err);

#endif
