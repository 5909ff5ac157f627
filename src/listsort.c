/* list.sort: a stable natural merge sort in the manner of CPython's timsort (runs found with
 * count_run, short runs extended by binary insertion to minrun, runs merged stably), comparing
 * only with `<` as CPython does. Small lists (under 64 items) make exactly CPython's comparisons;
 * larger ones merge without galloping, which gives the same result with different comparisons.
 *
 * While sorting, the list looks empty to Python code (a key function or __lt__), as in CPython:
 * its items are moved into a private holder list that the collector sees through a root. */
#include <stdlib.h>
#include <string.h>

#include "containers.h"
#include "vm.h"

typedef struct {
    Value key, val;
} SortPair;

typedef struct {
    VM *vm;
    SortPair *tmp;
    size_t tmpcap;
} SortState;

/* key a < key b: 1, 0, or -1 on error. */
static int listsort_lt(SortState *s, Value a, Value b) {
    if (value_is_int(a) && value_is_int(b)) return value_as_int(a) < value_as_int(b);
    Value r = op_compare(s->vm, 0, a, b);
    if (r == VALUE_ERROR) return -1;
    if (r == VALUE_TRUE || r == VALUE_FALSE) return r == VALUE_TRUE;
    return op_truthy(s->vm, r);
}

static void listsort_reverse(SortPair *lo, SortPair *hi) {
    for (--hi; lo < hi; lo++, hi--) {
        SortPair t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

/* Sorts [lo, hi) by binary insertion, given that [lo, start) is already sorted. */
static int listsort_binary(SortState *s, SortPair *lo, SortPair *hi, SortPair *start) {
    for (; start < hi; start++) {
        SortPair pivot = *start;
        SortPair *l = lo, *r = start;
        while (l < r) {
            SortPair *p = l + ((r - l) >> 1);
            int lt = listsort_lt(s, pivot.key, p->key);
            if (lt < 0) return 0;
            if (lt) r = p;
            else l = p + 1;
        }
        memmove(l + 1, l, (size_t)(start - l) * sizeof(SortPair));
        *l = pivot;
    }
    return 1;
}

/* The length of the run starting at lo: non-descending, or strictly descending (then reversed
 * in place, which keeps the sort stable because no two of its items are equal). 0 on error. */
static int64_t listsort_count_run(SortState *s, SortPair *lo, SortPair *hi) {
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    int lt = listsort_lt(s, lo[1].key, lo[0].key);
    if (lt < 0) return 0;
    SortPair *p = lo + 2;
    if (lt) {
        for (; p < hi; p++, n++) {
            lt = listsort_lt(s, p->key, p[-1].key);
            if (lt < 0) return 0;
            if (!lt) break;
        }
        listsort_reverse(lo, lo + n);
    } else {
        for (; p < hi; p++, n++) {
            lt = listsort_lt(s, p->key, p[-1].key);
            if (lt < 0) return 0;
            if (lt) break;
        }
    }
    return n;
}

/* Merges the adjacent sorted runs [a, a+na) and [a+na, a+na+nb), stably. On error the items are
 * still all there, in some order. */
static int listsort_merge(SortState *s, SortPair *a, int64_t na, int64_t nb) {
    if ((size_t)na > s->tmpcap) {
        SortPair *t = realloc(s->tmp, (size_t)na * sizeof(SortPair));
        if (!t) {
            exc_raise_memory(s->vm);
            return 0;
        }
        s->tmp = t;
        s->tmpcap = (size_t)na;
    }
    memcpy(s->tmp, a, (size_t)na * sizeof(SortPair));
    SortPair *l = s->tmp, *lend = s->tmp + na, *r = a + na, *rend = a + na + nb, *dst = a;
    int ok = 1;
    while (l < lend && r < rend) {
        int lt = listsort_lt(s, r->key, l->key);
        if (lt < 0) {
            ok = 0;
            break;
        }
        *dst++ = lt ? *r++ : *l++;
    }
    /* Whatever is left of the left run goes before the rest of the right run, which is in place. */
    memcpy(dst, l, (size_t)(lend - l) * sizeof(SortPair));
    return ok;
}

static int64_t listsort_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int listsort_pairs(SortState *s, SortPair *pairs, int64_t n) {
    if (n < 2) return 1;
    int64_t minrun = listsort_minrun(n);
    int64_t runs_base[128], runs_len[128];
    int nruns = 0;
    int64_t lo = 0;
    while (lo < n) {
        int64_t run = listsort_count_run(s, pairs + lo, pairs + n);
        if (run == 0) return 0;
        if (run < minrun) {
            int64_t force = n - lo < minrun ? n - lo : minrun;
            if (!listsort_binary(s, pairs + lo, pairs + lo + force, pairs + lo + run)) return 0;
            run = force;
        }
        runs_base[nruns] = lo;
        runs_len[nruns++] = run;
        lo += run;
        /* Keep run lengths decreasing like Fibonacci numbers, so the stack stays logarithmic. */
        while (nruns > 1) {
            int i = nruns - 2;
            if (i > 0 && runs_len[i - 1] <= runs_len[i] + runs_len[i + 1]) {
                if (runs_len[i - 1] < runs_len[i + 1]) i--;
            } else if (runs_len[i] > runs_len[i + 1]) {
                break;
            }
            if (!listsort_merge(s, pairs + runs_base[i], runs_len[i], runs_len[i + 1])) return 0;
            runs_len[i] += runs_len[i + 1];
            for (int k = i + 1; k < nruns - 1; k++) runs_base[k] = runs_base[k + 1], runs_len[k] = runs_len[k + 1];
            nruns--;
        }
    }
    while (nruns > 1) {
        int i = nruns - 2;
        if (i > 0 && runs_len[i - 1] < runs_len[i + 1]) i--;
        if (!listsort_merge(s, pairs + runs_base[i], runs_len[i], runs_len[i + 1])) return 0;
        runs_len[i] += runs_len[i + 1];
        for (int k = i + 1; k < nruns - 1; k++) runs_base[k] = runs_base[k + 1], runs_len[k] = runs_len[k + 1];
        nruns--;
    }
    return 1;
}

/* Gives the holder's items back to the list, dropping whatever Python code put in it meanwhile. */
static void listsort_restore(VM *vm, List *l, List *hold) {
    gc_track_bytes(vm, -(long)(l->cap * sizeof(Value)));
    gc_block_free(vm, l->items, l->cap * sizeof(Value));
    l->items = hold->items;
    l->len = hold->len;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->len = hold->cap = 0;
}

int list_sort(VM *vm, List *l, Value key, int reverse) {
    if (l->len < 2 && key == VALUE_NONE) return 1;
    List *hold = list_new(vm, 0);
    if (!hold) {
        exc_raise_memory(vm);
        return 0;
    }
    hold->items = l->items;
    hold->len = l->len;
    hold->cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    int64_t n = hold->len;
    int nroots = 0, ok = 0;
    SortState s = {vm, NULL, 0};
    SortPair *pairs = NULL;
    List *keys = NULL;
    if (!gc_root_push(vm, value_from_ptr(l))) goto done;
    nroots++;
    if (!gc_root_push(vm, value_from_ptr(hold))) goto done;
    nroots++;
    if (key != VALUE_NONE) {
        keys = list_new(vm, (uint32_t)n);
        if (!keys) {
            exc_raise_memory(vm);
            goto done;
        }
        if (!gc_root_push(vm, value_from_ptr(keys))) goto done;
        nroots++;
        for (int64_t i = 0; i < n; i++) {
            Value arg = hold->items[i];
            Value k = vm_call(vm, key, &arg, 1);
            if (k == VALUE_ERROR) goto done;
            keys->items[keys->len++] = k;
        }
    }
    pairs = malloc((size_t)(n ? n : 1) * sizeof(SortPair));
    if (!pairs) {
        exc_raise_memory(vm);
        goto done;
    }
    for (int64_t i = 0; i < n; i++) pairs[i] = (SortPair){keys ? keys->items[i] : hold->items[i], hold->items[i]};
    /* reverse=True keeps equal items in their original order: reverse, sort, reverse back. */
    if (reverse) listsort_reverse(pairs, pairs + n);
    if (!listsort_pairs(&s, pairs, n)) goto done;
    if (reverse) listsort_reverse(pairs, pairs + n);
    for (int64_t i = 0; i < n; i++) hold->items[i] = pairs[i].val;
    ok = 1;
done:
    free(pairs);
    free(s.tmp);
    int modified = l->items != NULL || l->len != 0;
    listsort_restore(vm, l, hold);
    gc_root_pop(vm, nroots);
    if (ok && modified) {
        exc_raise(vm, &exc_ValueError, "list modified during sort");
        return 0;
    }
    return ok;
}
