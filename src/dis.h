/* Disassembly and statistics as text. */
#ifndef ANOLE_DIS_H
#define ANOLE_DIS_H

#include "object.h"
#include "strbuf.h"

void dis_all(VM *vm, StrBuf *out);
void dis_stats(VM *vm, StrBuf *out);
/* Marks in targets (code->ncode bytes, zeroed) every code unit a jump lands on. as_dis mirrors
 * 3.11's dis: only unspecialized jumps count, and exception handlers are targets too; otherwise
 * every jump counts (Specialist's view, reportcollect.c). */
void dis_jump_targets(Code *code, uint8_t *targets, int as_dis);

#endif
