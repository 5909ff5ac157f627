/* The native command line: runs a file (or -c CODE) like python3, then prints what was asked
 * about specialization. The Node CLI (web/cli.mjs) takes the same arguments over the wasm build. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anole.h"

static void main_write(void *ctx, int stream, const char *data, size_t len) {
    (void)ctx;
    if (!len) {
        fflush(stream == 2 ? stderr : stdout);
        return;
    }
    if (stream == 2) fflush(stdout);
    fwrite(data, 1, len, stream == 2 ? stderr : stdout);
    if (stream == 2) fflush(stderr);
}

static char *main_read_line(void *ctx, size_t *len) {
    (void)ctx;
    fflush(stdout);
    size_t cap = 128, n = 0;
    char *buf = malloc(cap);
    int c;
    while (buf && (c = getchar()) != EOF) {
        if (n + 1 >= cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
        }
        buf[n++] = (char)c;
        if (c == '\n') break;
    }
    if (!buf || n == 0) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int main_usage(void) {
    fprintf(stderr,
            "usage: anole [options] FILE.py [args...]\n"
            "       anole [options] -c CODE\n"
            "options:\n"
            "  --report FILE     write the JSON report to FILE ('-' for stdout, after the output)\n"
            "  --specialist      print the source colored by specialization (ANSI)\n"
            "  --html FILE       write the colored source as an HTML page\n"
            "  --dis             print the adaptive disassembly of every code object\n"
            "  --stats           print the specialization statistics per family\n"
            "  --no-specialize   never quicken (the baseline for A/B measurements)\n");
    return 2;
}

static char *main_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int main_write_file(const char *path, const char *text) {
    if (strcmp(path, "-") == 0) {
        fputs(text, stdout);
        return 1;
    }
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fputs(text, f);
    return fclose(f) == 0;
}

/* Ctrl-C asks the running program to stop: it raises KeyboardInterrupt at its next safe point,
 * which the program may catch, and otherwise ends it with a traceback, as in CPython. */
static AnoleVM *main_vm;

static void main_on_sigint(int sig) {
    /* C's signal() may reset the handler on delivery; every Ctrl-C should interrupt. */
    signal(sig, main_on_sigint);
    if (main_vm) anole_interrupt(main_vm);
}

int main(int argc, char **argv) {
    const char *report = NULL, *html = NULL, *code = NULL, *file = NULL;
    int specialist = 0, dis = 0, stats = 0, specialize = 1;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--report") == 0 && i + 1 < argc) report = argv[++i];
        else if (strcmp(a, "--html") == 0 && i + 1 < argc) html = argv[++i];
        else if (strcmp(a, "--specialist") == 0) specialist = 1;
        else if (strcmp(a, "--dis") == 0) dis = 1;
        else if (strcmp(a, "--stats") == 0) stats = 1;
        else if (strcmp(a, "--no-specialize") == 0) specialize = 0;
        else if (strcmp(a, "-c") == 0 && i + 1 < argc) {
            code = argv[++i];
            break;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "anole: unknown option %s\n", a);
            return main_usage();
        } else {
            file = a;
            break;
        }
    }
    if (!code && !file) return main_usage();
    size_t len;
    char *source;
    if (code) {
        len = strlen(code);
        source = malloc(len + 1);
        if (source) memcpy(source, code, len + 1);
        file = "<string>";
    } else {
        source = main_read_file(file, &len);
        if (!source) {
            fprintf(stderr, "anole: can't open file '%s'\n", file);
            return 2;
        }
    }
    AnoleVM *vm = anole_new();
    if (!vm || !source) {
        fprintf(stderr, "anole: out of memory\n");
        return 1;
    }
    anole_set_output(vm, main_write, NULL);
    anole_set_input(vm, main_read_line, NULL);
    anole_set_specialize(vm, specialize);
    const char *stress = getenv("ANOLE_GC_STRESS");
    anole_set_gc_stress(vm, stress && strcmp(stress, "1") == 0);
    main_vm = vm;
    signal(SIGINT, main_on_sigint);
    int status = anole_run(vm, source, len, file);
    signal(SIGINT, SIG_DFL);
    main_vm = NULL;
    fflush(stdout);
    if (specialist) fputs(anole_specialist_ansi(vm), stdout);
    if (dis) fputs(anole_dis(vm), stdout);
    if (stats) fputs(anole_stats(vm), stdout);
    if (html && !main_write_file(html, anole_specialist_html(vm))) fprintf(stderr, "anole: can't write '%s'\n", html);
    if (report && !main_write_file(report, anole_report_json(vm))) fprintf(stderr, "anole: can't write '%s'\n", report);
    fflush(stdout);
    anole_free(vm);
    free(source);
    return status;
}
