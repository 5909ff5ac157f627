/* The time module (no-argument functions are METH_NOARGS in CPython, which 3.11 does not
 * specialize: CALLKIND_VARARGS). The clocks CPython 3.11 reads (time: CLOCK_REALTIME, monotonic and
 * perf_counter: CLOCK_MONOTONIC, process_time: CLOCK_PROCESS_CPUTIME_ID) and sleep with
 * CPython's argument checks. Under Emscripten sleep busy-waits on the monotonic clock, since the
 * engine runs synchronously in a worker and has no event loop to yield to. */
#define _POSIX_C_SOURCE 200809L  /* clock_gettime and nanosleep under -std=c11 */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "runtime.h"
#include "vm.h"

static int time_no_args(VM *vm, const char *name, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) {
        exc_raise(vm, &exc_TypeError, "time.%s() takes no keyword arguments", name);
        return 0;
    }
    if (nargs == 0) return 1;
    exc_raise(vm, &exc_TypeError, "time.%s() takes no arguments (%d given)", name, nargs);
    return 0;
}

static int64_t time_ns_of(clockid_t clock) {
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* _PyTime_AsSecondsDouble: whole seconds divide exactly, others convert then divide. */
static Value time_seconds(int64_t ns) {
    if (ns % 1000000000 == 0) return value_from_float((double)(ns / 1000000000));
    return value_from_float((double)ns / 1e9);
}

/* Nanosecond clocks return ints; beyond the small ints they are built with op_binary, which gives
 * a big int once those exist (OverflowError until then). */
static Value time_int(VM *vm, int64_t ns) {
    if (smallint_fits(ns)) return value_from_int(ns);
    Value hi = op_binary(vm, 3 /* << */, value_from_int(ns >> 32), value_from_int(32));
    return hi == VALUE_ERROR ? hi : op_binary(vm, 7 /* | */, hi, value_from_int(ns & 0xffffffff));
}

#define TIME_CLOCK(pyname, clock)                                                                  \
    static Value time_##pyname(VM *vm, Value *args, int nargs, Tuple *kwnames) {                  \
        (void)args;                                                                                \
        if (!time_no_args(vm, #pyname, nargs, kwnames)) return VALUE_ERROR;                       \
        return time_seconds(time_ns_of(clock));                                                    \
    }                                                                                              \
    static Value time_##pyname##_ns(VM *vm, Value *args, int nargs, Tuple *kwnames) {             \
        (void)args;                                                                                \
        if (!time_no_args(vm, #pyname "_ns", nargs, kwnames)) return VALUE_ERROR;                 \
        return time_int(vm, time_ns_of(clock));                                                    \
    }
TIME_CLOCK(time, CLOCK_REALTIME)
TIME_CLOCK(monotonic, CLOCK_MONOTONIC)
TIME_CLOCK(perf_counter, CLOCK_MONOTONIC)
TIME_CLOCK(process_time, CLOCK_PROCESS_CPUTIME_ID)

static Value time_sleep(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    if (kwnames && kwnames->len) return exc_raise(vm, &exc_TypeError, "time.sleep() takes no keyword arguments");
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "time.sleep() takes exactly one argument (%d given)", nargs);
    double secs;
    Value x = args[0];
    if (value_is_float(x)) {
        secs = value_as_float(x);
        if (isnan(secs)) return exc_raise(vm, &exc_ValueError, "Invalid value NaN (not a number)");
    } else {
        int64_t i;
        if (!num_as_int64(vm, x, &i)) return VALUE_ERROR;
        secs = (double)i;
    }
    /* _PyTime_FromSecondsObject rejects what does not fit its nanosecond int64. */
    if (!(secs > -9223372036.0 && secs < 9223372036.0))
        return exc_raise(vm, &exc_OverflowError, "timestamp out of range for platform time_t");
    if (secs < 0) return exc_raise(vm, &exc_ValueError, "sleep length must be non-negative");
    int64_t ns = (int64_t)ceil(secs * 1e9);
#ifdef __EMSCRIPTEN__
    int64_t deadline = time_ns_of(CLOCK_MONOTONIC) + ns;
    while (time_ns_of(CLOCK_MONOTONIC) < deadline) {
    }
#else
    struct timespec req = {(time_t)(ns / 1000000000), (long)(ns % 1000000000)}, rem;
    while (nanosleep(&req, &rem) != 0) req = rem;   /* resume after a signal, as CPython does */
#endif
    return VALUE_NONE;
}

static const BuiltinDef time_functions[] = {
    {"time", time_time, CALLKIND_VARARGS},
    {"time_ns", time_time_ns, CALLKIND_VARARGS},
    {"monotonic", time_monotonic, CALLKIND_VARARGS},
    {"monotonic_ns", time_monotonic_ns, CALLKIND_VARARGS},
    {"perf_counter", time_perf_counter, CALLKIND_VARARGS},
    {"perf_counter_ns", time_perf_counter_ns, CALLKIND_VARARGS},
    {"process_time", time_process_time, CALLKIND_VARARGS},
    {"process_time_ns", time_process_time_ns, CALLKIND_VARARGS},
    {"sleep", time_sleep, CALLKIND_O},
    {NULL, NULL, 0},
};

const ModuleDef module_time = {"time", time_functions, NULL};
