/* A tiny check helper for the C unit tests: one printed line per check, a tally passed by pointer
 * (no global state), and the final "N passed, N failed" line the test runner looks for. */
#ifndef ANOLE_TESTUTIL_H
#define ANOLE_TESTUTIL_H

#include <stdio.h>
#include <string.h>

typedef struct {
    int passed, failed;
} Tally;

static inline int check(Tally *t, int ok, const char *what) {
    printf("%s %s\n", ok ? "ok  " : "FAIL", what);
    if (ok) t->passed++;
    else t->failed++;
    return ok;
}

/* Compares strings and shows both on failure, since a bare FAIL on text says too little. */
static inline int check_str(Tally *t, const char *got, const char *want, const char *what) {
    int ok = check(t, strcmp(got, want) == 0, what);
    if (!ok) printf("     got:  %s\n     want: %s\n", got, want);
    return ok;
}

static inline int check_long(Tally *t, long got, long want, const char *what) {
    int ok = check(t, got == want, what);
    if (!ok) printf("     got %ld, want %ld\n", got, want);
    return ok;
}

/* Prints the summary line and returns the process exit status. */
static inline int tally_finish(const Tally *t) {
    printf("%d passed, %d failed\n", t->passed, t->failed);
    return t->failed ? 1 : 0;
}

#endif
