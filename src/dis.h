/* Disassembly and statistics as text. */
#ifndef ANOLE_DIS_H
#define ANOLE_DIS_H

#include "object.h"
#include "strbuf.h"

void dis_all(VM *vm, StrBuf *out);
void dis_stats(VM *vm, StrBuf *out);

#endif
