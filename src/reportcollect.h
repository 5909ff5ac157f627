/* Collecting the report data of the last run from the engine. */
#ifndef ANOLE_REPORTCOLLECT_H
#define ANOLE_REPORTCOLLECT_H

#include "object.h"
#include "report.h"

/* Fills r from the last run; returns 0 when memory ran out. Release with report_release. */
int report_collect(VM *vm, Report *r);
void report_release(Report *r);

#endif
