/* Collecting the report data of the last run from the engine. */
#ifndef ANOLE_REPORTCOLLECT_H
#define ANOLE_REPORTCOLLECT_H

#include "object.h"
#include "report.h"

/* Fills r from the last run; returns 0 when memory ran out. Release with report_release. */
int report_collect(VM *vm, Report *r);
void report_release(Report *r);

/* The family hit totals (vm->family_stats[].hit) are not counted as the program runs, to keep the
 * specialized instructions' hot path to one counter; this adds up the instructions' own hits. */
void report_count_family_hits(VM *vm);

#endif
