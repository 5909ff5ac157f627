/* Memory and limits over the embedding API (anole.h): one interpreter runs the same programs 1,000
 * times and neither the process's memory nor the output may change; a deep recursion ends in
 * RecursionError and the interpreter stays usable; an allocation bomb ends in MemoryError instead
 * of taking the machine.
 *
 * The checks that can take the whole process down (a C stack overflow, running out of address
 * space) run in a forked child, so a crash there is one failure, not the end of this test. A
 * watchdog (alarm) turns a hang anywhere into a failure within minutes instead of the runner's
 * suite timeout.
 *
 *   Environment: ANOLE_TEST_HEAP_LIMIT=1 also checks that the engine's own heap limit stops an
 *   allocation bomb well below the 2 GB address-space cap the other bomb check relies on (off by
 *   default: the engine has no heap limit of its own yet, and without one the check would only
 *   fail slowly at the cap).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "anole.h"
#include "testutil.h"

/* ---- Programs ------------------------------------------------------------------------------ */

/* Allocates a few thousand objects of most kinds: instances (with a reference cycle each), their
 * attribute dicts, lists, dicts, tuples, strings, closures and their cells, exceptions raised and
 * caught (both from Python and from a failed dict lookup). */
static const char program_main[] =
    "class Node:\n"
    "    def __init__(self, value, parent=None):\n"
    "        self.value = value\n"
    "        self.parent = parent\n"
    "        self.children = []\n"
    "        if parent is not None:\n"
    "            parent.children.append(self)\n"
    "\n"
    "    def total(self):\n"
    "        t = self.value\n"
    "        for child in self.children:\n"
    "            t += child.total()\n"
    "        return t\n"
    "\n"
    "class Oops(Exception):\n"
    "    pass\n"
    "\n"
    "def make_counter(start):\n"
    "    count = [start]\n"
    "    def step(by=1):\n"
    "        count[0] += by\n"
    "        return count[0]\n"
    "    return step\n"
    "\n"
    "def risky(i):\n"
    "    if i % 7 == 0:\n"
    "        raise Oops(\"bad %d\" % i)\n"
    "    if i % 11 == 0:\n"
    "        return {}[\"missing\"]\n"
    "    return i\n"
    "\n"
    "root = Node(0)\n"
    "words = []\n"
    "table = {}\n"
    "caught = 0\n"
    "counters = []\n"
    "for i in range(300):\n"
    "    node = Node(i, root if i % 3 == 0 else root.children[-1])\n"
    "    words.append(\"w\" + str(i) * 3)\n"
    "    table[words[-1]] = [i, i * i, (i, str(i))]\n"
    "    counters.append(make_counter(i))\n"
    "    try:\n"
    "        risky(i)\n"
    "    except Oops as e:\n"
    "        caught += len(str(e))\n"
    "    except KeyError:\n"
    "        caught += 1\n"
    "    node.cycle = node\n"
    "ring = [counter(2) for counter in counters]\n"
    "joined = \",\".join(sorted(words, key=len)[:5])\n"
    "print(root.total(), len(table), caught, sum(ring), joined)\n"
    "print(f\"{len(words)} {words[-1].upper()} {sorted(table)[-1]!r}\")\n";

/* What CPython 3.11 prints for program_main. */
static const char program_main_out[] =
    "44850 300 308 45450 w000,w111,w222,w333,w444\n"
    "300 W299299299 'w999999'\n";

/* Ends in an uncaught exception two calls deep (a traceback is built and printed every run). The
 * raise is outside the except block on purpose: this test is about memory, not chaining. */
static const char program_uncaught[] =
    "class AppError(Exception):\n"
    "    def __init__(self, key, size):\n"
    "        super().__init__(\"no key %r among %d\" % (key, size))\n"
    "        self.key = key\n"
    "\n"
    "def load(key, data):\n"
    "    missing = False\n"
    "    try:\n"
    "        return data[key]\n"
    "    except KeyError:\n"
    "        missing = True\n"
    "    if missing:\n"
    "        raise AppError(key, len(data))\n"
    "\n"
    "data = {str(i): [i] * 3 for i in range(200)}\n"
    "print(len(data), load(\"7\", data))\n"
    "load(\"x\", data)\n";

/* What CPython 3.11 prints for program_uncaught run as unc.py. */
static const char program_uncaught_out[] = "200 [7, 7, 7]\n";
static const char program_uncaught_err[] =
    "Traceback (most recent call last):\n"
    "  File \"unc.py\", line 17, in <module>\n"
    "    load(\"x\", data)\n"
    "  File \"unc.py\", line 13, in load\n"
    "    raise AppError(key, len(data))\n"
    "AppError: no key 'x' among 200\n";

static const char program_syntax_error[] = "values = [1, 2\nprint(values)\n";

static const char program_recursion[] =
    "def down(n):\n"
    "    return down(n + 1)\n"
    "\n"
    "down(0)\n";

/* The limit is 1000 frames and the module is one of them, as in CPython 3.11 (which prints this). */
static const char program_recursion_caught[] =
    "import sys\n"
    "def depth(n):\n"
    "    try:\n"
    "        return depth(n + 1)\n"
    "    except RecursionError:\n"
    "        return n\n"
    "print(sys.getrecursionlimit(), depth(1))\n"
    "sys.setrecursionlimit(200)\n"
    "print(depth(1))\n"
    "sys.setrecursionlimit(1000)\n"
    "print(depth(1))\n";
static const char program_recursion_caught_out[] = "1000 999\n199\n999\n";

/* Recursion through a dunder method and a property: the interpreter re-enters itself from C. */
static const char program_recursion_dunder[] =
    "class A:\n"
    "    def __add__(self, other):\n"
    "        return self + other\n"
    "    @property\n"
    "    def me(self):\n"
    "        return self.me\n"
    "for attempt in range(3):\n"
    "    try:\n"
    "        A() + 1\n"
    "    except RecursionError as e:\n"
    "        print('add', e)\n"
    "    try:\n"
    "        A().me\n"
    "    except RecursionError as e:\n"
    "        print('property', e)\n";
static const char program_recursion_dunder_out[] =
    "add maximum recursion depth exceeded\n"
    "property maximum recursion depth exceeded\n"
    "add maximum recursion depth exceeded\n"
    "property maximum recursion depth exceeded\n"
    "add maximum recursion depth exceeded\n"
    "property maximum recursion depth exceeded\n";

/* Deeply nested containers: repr, ==, and hashing a tuple recurse in C. CPython 3.11 raises
 * RecursionError for repr and == (and so prints those lines); it hashes the tuple with its larger
 * stack, where Anole raises RecursionError. An interpreter without a guard overflows the C stack. */
static const char program_nested_repr[] =
    "nested = []\n"
    "for i in range(1000000):\n"
    "    nested = [nested]\n"
    "try:\n"
    "    repr(nested)\n"
    "except RecursionError:\n"
    "    print('repr RecursionError')\n"
    "other = []\n"
    "for i in range(1000000):\n"
    "    other = [other]\n"
    "try:\n"
    "    print(nested == other)\n"
    "except RecursionError:\n"
    "    print('== RecursionError')\n"
    "deep = ()\n"
    "for i in range(1000000):\n"
    "    deep = (deep,)\n"
    "try:\n"
    "    hash(deep)\n"
    "except RecursionError:\n"
    "    print('hash RecursionError')\n"
    "try:\n"
    "    deep in {(): 1}\n"
    "except RecursionError:\n"
    "    print('in RecursionError')\n";
static const char program_nested_repr_out[] =
    "repr RecursionError\n== RecursionError\nhash RecursionError\nin RecursionError\n";

static const char program_list_bomb[] = "x = [0]\nwhile True:\n    x = x + x\n";
static const char program_str_bomb[] = "s = 'ab'\nwhile True:\n    s = s + s\n";
static const char program_dict_bomb[] = "d = {}\ni = 0\nwhile True:\n    d[i] = [i]\n    i += 1\n";

/* ---- Running a program and capturing its output ---------------------------------------------- */

typedef struct {
    char *data;
    size_t len, cap;
} Buf;

typedef struct {
    Buf out, err;
} Capture;

static void buf_add(Buf *b, const char *data, size_t len) {
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + len + 1 > cap) cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            fprintf(stderr, "test_runs: out of memory capturing output\n");
            abort();
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
}

static void capture_write(void *ctx, int stream, const char *data, size_t len) {
    Capture *c = ctx;
    buf_add(stream == 2 ? &c->err : &c->out, data, len);
}

/* The captured text (never NULL). */
static const char *buf_text(const Buf *b) { return b->data ? b->data : ""; }

static void capture_clear(Capture *c) {
    c->out.len = c->err.len = 0;
    if (c->out.data) c->out.data[0] = 0;
    if (c->err.data) c->err.data[0] = 0;
}

static void capture_free(Capture *c) {
    free(c->out.data);
    free(c->err.data);
    memset(c, 0, sizeof *c);
}

/* Runs source in vm with output going to c (cleared first); returns the status. */
static int run(AnoleVM *vm, Capture *c, const char *source, const char *filename) {
    capture_clear(c);
    anole_set_output(vm, capture_write, c);
    return anole_run(vm, source, strlen(source), filename);
}

/* The last non-empty line of text, copied into line (truncated to size). */
static const char *last_line(const char *text, char *line, size_t size) {
    size_t end = strlen(text);
    while (end > 0 && text[end - 1] == '\n') end--;
    size_t start = end;
    while (start > 0 && text[start - 1] != '\n') start--;
    size_t n = end - start < size - 1 ? end - start : size - 1;
    memcpy(line, text + start, n);
    line[n] = 0;
    return line;
}

static int starts_with(const char *text, const char *prefix) { return strncmp(text, prefix, strlen(prefix)) == 0; }

/* ---- Measuring the process's memory ----------------------------------------------------------- */

/* Bytes malloc has handed out and not had back (glibc's own count: exact, and unlike the resident
 * size not blurred by fragmentation or by pages the kernel has not reclaimed). */
static long heap_in_use(void) {
    struct mallinfo2 mi = mallinfo2();
    return (long)(mi.uordblks + mi.hblkhd);
}

/* The resident set size in bytes, from /proc/self/statm; -1 when it cannot be read. */
static long resident_bytes(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return -1;
    long size = 0, resident = -1;
    if (fscanf(f, "%ld %ld", &size, &resident) != 2) resident = -1;
    fclose(f);
    return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- One interpreter, 1,000 runs ---------------------------------------------------------------- */

#define RUNS 1000
#define WARM_UP 100
#define MAX_HEAP_GROWTH (1L << 20)      /* bytes of malloc'd memory, run 100 to run 1000 */
#define MAX_RESIDENT_GROWTH (2L << 20)  /* bytes of resident memory, run 100 to run 1000 */

static void test_repeated_runs(Tally *t) {
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    Capture c = {0};
    char what[160], line[200];

    int status = run(vm, &c, program_main, "main.py");
    check_long(t, status, 0, "the allocating program ends normally");
    check_str(t, buf_text(&c.out), program_main_out, "the allocating program prints what CPython prints");
    check_str(t, buf_text(&c.err), "", "the allocating program writes nothing to stderr");

    status = run(vm, &c, program_uncaught, "unc.py");
    check_long(t, status, 1, "the uncaught exception gives status 1");
    check_str(t, buf_text(&c.out), program_uncaught_out, "the program before its uncaught exception prints what CPython prints");
    check_str(t, buf_text(&c.err), program_uncaught_err, "the uncaught exception's traceback is CPython's");

    status = run(vm, &c, program_syntax_error, "syntax.py");
    check_long(t, status, 1, "a syntax error gives status 1");
    check(t, starts_with(last_line(buf_text(&c.err), line, sizeof line), "SyntaxError"), "a syntax error ends with a SyntaxError line");
    char *syntax_err = strdup(buf_text(&c.err));

    /* Every run must print exactly what the first printed; the first mismatch is shown. */
    int main_differs = 0, uncaught_differs = 0, syntax_differs = 0, statuses_differ = 0;
    long heap_warm = 0, heap_end = 0, resident_warm = 0, resident_end = 0;
    double started = now_seconds();
    for (int i = 1; i <= RUNS; i++) {
        status = run(vm, &c, program_main, "main.py");
        if (status != 0) statuses_differ++;
        if (strcmp(buf_text(&c.out), program_main_out) != 0 || c.err.len) {
            if (!main_differs++)
                printf("     run %d of the allocating program printed:\n%s%s", i, buf_text(&c.out), buf_text(&c.err));
        }
        status = run(vm, &c, program_uncaught, "unc.py");
        if (status != 1) statuses_differ++;
        if (strcmp(buf_text(&c.out), program_uncaught_out) != 0 || strcmp(buf_text(&c.err), program_uncaught_err) != 0) {
            if (!uncaught_differs++)
                printf("     run %d of the uncaught program printed:\n%s%s", i, buf_text(&c.out), buf_text(&c.err));
        }
        if (i % 10 == 0) {
            status = run(vm, &c, program_syntax_error, "syntax.py");
            if (status != 1) statuses_differ++;
            if (strcmp(buf_text(&c.err), syntax_err) != 0 || c.out.len) {
                if (!syntax_differs++) printf("     run %d of the syntax error printed:\n%s", i, buf_text(&c.err));
            }
        }
        if (i == WARM_UP) {
            heap_warm = heap_in_use();
            resident_warm = resident_bytes();
        }
    }
    heap_end = heap_in_use();
    resident_end = resident_bytes();
    double seconds = now_seconds() - started;
    free(syntax_err);

    snprintf(what, sizeof what, "%d runs of each program in one interpreter give the same statuses", RUNS);
    check_long(t, statuses_differ, 0, what);
    snprintf(what, sizeof what, "%d runs of the allocating program print the same output", RUNS);
    check_long(t, main_differs, 0, what);
    snprintf(what, sizeof what, "%d runs of the uncaught exception print the same output and traceback", RUNS);
    check_long(t, uncaught_differs, 0, what);
    snprintf(what, sizeof what, "%d runs of the syntax error print the same message", RUNS / 10);
    check_long(t, syntax_differs, 0, what);

    printf("     %.1f s; malloc'd bytes after run %d: %ld, after run %d: %ld; resident: %ld, %ld\n", seconds, WARM_UP,
           heap_warm, RUNS, heap_end, resident_warm, resident_end);
    snprintf(what, sizeof what, "malloc'd memory grows by less than %ld KB from run %d to run %d (grew %ld bytes)",
             MAX_HEAP_GROWTH >> 10, WARM_UP, RUNS, heap_end - heap_warm);
    check(t, heap_end - heap_warm < MAX_HEAP_GROWTH, what);
    snprintf(what, sizeof what, "resident memory grows by less than %ld KB from run %d to run %d (grew %ld bytes)",
             MAX_RESIDENT_GROWTH >> 10, WARM_UP, RUNS, resident_end - resident_warm);
    check(t, resident_warm > 0 && resident_end - resident_warm < MAX_RESIDENT_GROWTH, what);

    /* GC stress collects at every safe point; the same interpreter must still print the same. */
    anole_set_gc_stress(vm, 1);
    int stress_differs = 0;
    for (int i = 0; i < 5; i++) {
        status = run(vm, &c, program_main, "main.py");
        if (status != 0 || strcmp(buf_text(&c.out), program_main_out) != 0) stress_differs++;
        status = run(vm, &c, program_uncaught, "unc.py");
        if (status != 1 || strcmp(buf_text(&c.err), program_uncaught_err) != 0) stress_differs++;
    }
    anole_set_gc_stress(vm, 0);
    check_long(t, stress_differs, 0, "under GC stress the same interpreter prints the same, 5 runs of each");

    capture_free(&c);
    anole_free(vm);

    /* Interpreters created and freed one after another must not leak either. */
    long heap_before = 0;
    int new_failed = 0;
    for (int i = 0; i < 60; i++) {
        if (i == 10) heap_before = heap_in_use();
        AnoleVM *other = anole_new();
        if (!other) {
            new_failed++;
            continue;
        }
        Capture oc = {0};
        if (run(other, &oc, program_main, "main.py") != 0 || strcmp(buf_text(&oc.out), program_main_out) != 0)
            new_failed++;
        capture_free(&oc);
        anole_free(other);
    }
    check_long(t, new_failed, 0, "60 interpreters, each created, run once and freed, all print the same");
    snprintf(what, sizeof what, "anole_free gives back what anole_new and a run took (grew %ld bytes over 50 cycles)",
             heap_in_use() - heap_before);
    check(t, heap_in_use() - heap_before < MAX_HEAP_GROWTH / 4, what);
}

/* ---- Recursion ---------------------------------------------------------------------------------- */

static void test_recursion(Tally *t) {
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    Capture c = {0};
    char line[200];

    int status = run(vm, &c, program_recursion, "deep.py");
    check_long(t, status, 1, "unbounded recursion gives status 1");
    check_str(t, last_line(buf_text(&c.err), line, sizeof line), "RecursionError: maximum recursion depth exceeded",
              "unbounded recursion ends with CPython's RecursionError line");
    check(t, strstr(buf_text(&c.err), "[Previous line repeated 996 more times]") != NULL,
          "the traceback folds the repeated frames as CPython does (996 more times)");

    status = run(vm, &c, program_main, "main.py");
    check(t, status == 0 && strcmp(buf_text(&c.out), program_main_out) == 0,
          "after a RecursionError the same interpreter runs a normal program correctly");

    status = run(vm, &c, program_recursion_caught, "depth.py");
    check_long(t, status, 0, "a caught RecursionError lets the program go on");
    check_str(t, buf_text(&c.out), program_recursion_caught_out,
              "the default limit is 1000 (the module frame counts) and setrecursionlimit moves it");

    status = run(vm, &c, program_recursion, "deep.py");
    check_str(t, last_line(buf_text(&c.err), line, sizeof line), "RecursionError: maximum recursion depth exceeded",
              "the limit set by the previous run does not leak into the next (still 1000)");
    check(t, strstr(buf_text(&c.err), "[Previous line repeated 996 more times]") != NULL,
          "the next run recurses exactly as deep as the first");

    status = run(vm, &c, program_recursion_dunder, "dunder.py");
    check_long(t, status, 0, "recursion through __add__ and a property is caught three times over");
    check_str(t, buf_text(&c.out), program_recursion_dunder_out, "recursion through __add__ and a property raises RecursionError");

    anole_set_gc_stress(vm, 1);
    status = run(vm, &c, program_recursion, "deep.py");
    check_str(t, last_line(buf_text(&c.err), line, sizeof line), "RecursionError: maximum recursion depth exceeded",
              "under GC stress unbounded recursion still ends with RecursionError");
    anole_set_gc_stress(vm, 0);

    capture_free(&c);
    anole_free(vm);
}

/* ---- Checks in a child process ------------------------------------------------------------------ */

/* Runs body(t) in a forked child with its own tally, which the parent adds to its own. A child that
 * dies (a signal, an abort, the watchdog) is one failure, reported with how it died. */
static void in_child(Tally *t, const char *name, void (*body)(Tally *), unsigned timeout_seconds) {
    int fds[2];
    fflush(stdout);
    if (pipe(fds) != 0) {
        check(t, 0, "pipe() for a child check");
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        check(t, 0, "fork() for a child check");
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        signal(SIGALRM, SIG_DFL);
        alarm(timeout_seconds);
        Tally child = {0, 0};
        body(&child);
        fflush(stdout);
        ssize_t wrote = write(fds[1], &child, sizeof child);
        _exit(wrote == (ssize_t)sizeof child ? 0 : 3);
    }
    close(fds[1]);
    Tally child = {0, 0};
    ssize_t got = 0, n;
    while (got < (ssize_t)sizeof child && (n = read(fds[0], (char *)&child + got, sizeof child - (size_t)got)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        got += n;
    }
    close(fds[0]);
    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
    }
    t->passed += child.passed;
    t->failed += child.failed;
    if (got != (ssize_t)sizeof child || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        char what[200];
        if (WIFSIGNALED(wstatus))
            snprintf(what, sizeof what, "%s: the process died with signal %d (%s)%s", name, WTERMSIG(wstatus),
                     strsignal(WTERMSIG(wstatus)), WTERMSIG(wstatus) == SIGALRM ? ", it ran out of time" : "");
        else
            snprintf(what, sizeof what, "%s: the process ended abnormally (status %d)", name,
                     WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
        check(t, 0, what);
    }
}

static void child_nested_containers(Tally *t) {
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    Capture c = {0};
    int status = run(vm, &c, program_nested_repr, "nested.py");
    check_long(t, status, 0, "repr, ==, hash and `in` of containers nested 1,000,000 deep end (no C stack overflow)");
    check_str(t, buf_text(&c.out), program_nested_repr_out, "repr and == of a deeply nested list raise RecursionError as in CPython, and so do hash and `in` of a deep tuple");
    status = run(vm, &c, program_main, "main.py");
    check(t, status == 0 && strcmp(buf_text(&c.out), program_main_out) == 0,
          "after that the same interpreter runs a normal program correctly");
    capture_free(&c);
    anole_free(vm);
}

/* Caps the address space so that malloc fails long before the machine runs out. */
static int cap_address_space(rlim_t bytes) {
    struct rlimit limit = {bytes, bytes};
    return setrlimit(RLIMIT_AS, &limit) == 0;
}

static void bomb(Tally *t, AnoleVM *vm, const char *source, const char *kind, double max_seconds) {
    Capture c = {0};
    char what[200], line[200];
    double started = now_seconds();
    int status = run(vm, &c, source, "bomb.py");
    double seconds = now_seconds() - started;
    snprintf(what, sizeof what, "the %s allocation bomb gives status 1", kind);
    check_long(t, status, 1, what);
    snprintf(what, sizeof what, "the %s allocation bomb ends with a MemoryError line", kind);
    check_str(t, last_line(buf_text(&c.err), line, sizeof line), "MemoryError", what);
    snprintf(what, sizeof what, "the %s allocation bomb ends within %.0f s (took %.1f s)", kind, max_seconds, seconds);
    check(t, seconds < max_seconds, what);
    status = run(vm, &c, program_main, "main.py");
    snprintf(what, sizeof what, "after the %s bomb the same interpreter runs a normal program correctly", kind);
    check(t, status == 0 && strcmp(buf_text(&c.out), program_main_out) == 0, what);
    capture_free(&c);
}

static void child_bombs_capped(Tally *t) {
    if (!check(t, cap_address_space((rlim_t)2 << 30), "the address space is capped at 2 GB")) return;
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    bomb(t, vm, program_list_bomb, "list", 30);
    bomb(t, vm, program_str_bomb, "str", 30);
    bomb(t, vm, program_dict_bomb, "dict", 60);
    anole_free(vm);
}

/* Checks that this process's peak resident size stayed below limit_mb, saying what it was. */
static void check_peak_resident(Tally *t, long limit_mb, const char *claim) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    char what[240];
    snprintf(what, sizeof what, "%s (peak %ld MB)", claim, usage.ru_maxrss / 1024);
    check(t, usage.ru_maxrss < limit_mb * 1024, what);
}

/* The engine's own heap limit: the bomb must end with MemoryError while the process stays far
 * below the 2 GB cap (which is only a safety net here). */
static void child_bomb_heap_limit(Tally *t) {
    if (!check(t, cap_address_space((rlim_t)2 << 30), "the address space is capped at 2 GB (safety net only)")) return;
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    bomb(t, vm, program_list_bomb, "list (engine heap limit)", 10);
    check_peak_resident(t, 1024, "the engine's heap limit stopped the bomb below 1 GB resident");
    anole_free(vm);
}

/* A small heap limit set through the API: growing a list by append (its item array is a block
 * that grows by realloc) and filling a dict (its tables are blocks too) must stop at the limit
 * with MemoryError, not at the machine's memory. Blocks once escaped the limit. */
static const char program_append_bomb[] = "l = []\nwhile True:\n    l.append(0)\n";
static const char program_dict_grow_bomb[] = "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1\n";

static void child_bombs_small_heap_limit(Tally *t) {
    if (!check(t, cap_address_space((rlim_t)2 << 30), "the address space is capped at 2 GB (safety net only)")) return;
    AnoleVM *vm = anole_new();
    if (!check(t, vm != NULL, "anole_new gives an interpreter")) return;
    anole_set_heap_limit(vm, (size_t)64 << 20);
    bomb(t, vm, program_append_bomb, "list.append (64 MB heap limit)", 10);
    bomb(t, vm, program_dict_grow_bomb, "dict (64 MB heap limit)", 10);
    check_peak_resident(t, 256, "a 64 MB heap limit keeps the process below 256 MB resident");
    anole_free(vm);
}

/* ---- Main --------------------------------------------------------------------------------------- */

int main(void) {
    Tally t = {0, 0};
    /* A hang anywhere fails the test in minutes instead of at the runner's suite timeout. */
    alarm(240);
    setvbuf(stdout, NULL, _IOLBF, 0);

    printf("-- one interpreter, %d runs\n", RUNS);
    test_repeated_runs(&t);
    printf("-- recursion\n");
    test_recursion(&t);
    printf("-- deeply nested containers (in a child process)\n");
    in_child(&t, "deeply nested containers", child_nested_containers, 60);
    printf("-- allocation bombs under a 2 GB address-space cap (in a child process)\n");
    in_child(&t, "allocation bombs", child_bombs_capped, 150);
    printf("-- a 64 MB engine heap limit (in a child process)\n");
    in_child(&t, "small engine heap limit", child_bombs_small_heap_limit, 60);
    const char *heap_limit = getenv("ANOLE_TEST_HEAP_LIMIT");
    if (heap_limit && strcmp(heap_limit, "1") == 0) {
        printf("-- the engine's own heap limit (in a child process)\n");
        in_child(&t, "engine heap limit", child_bomb_heap_limit, 60);
    } else {
        printf("-- the engine's own heap limit: skipped (set ANOLE_TEST_HEAP_LIMIT=1 to check it)\n");
    }
    return tally_finish(&t);
}
