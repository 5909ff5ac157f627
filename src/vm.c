/* The evaluation loop. Python-to-Python calls push a frame and continue in the same loop (no C
 * recursion), errors travel as VALUE_ERROR to the one unwinding path at `error:`, and the
 * collector runs only at the safe points marked below (backward jumps and function entry). */
#include "vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "generator.h"
#include "strfmt.h"
#include "containers.h"
#include "runtime.h"

void vm_write(VM *vm, int stream, const char *data, size_t len) {
    if (vm->write && len) vm->write(vm->write_ctx, stream, data, len);
}

void vm_flush(VM *vm, int stream) {
    if (vm->write) vm->write(vm->write_ctx, stream, "", 0);
}

Value vm_name_error(VM *vm, Str *name) {
    exc_raise(vm, &exc_NameError, "name '%s' is not defined", name->data);
    exc_set_name_obj(vm, name, VALUE_NULL);
    return VALUE_ERROR;
}

/* Adds the frame's current instruction to the traceback of the exception being raised. */
static int vm_add_traceback(VM *vm, Code *code, uint32_t instr) {
    if (!value_is_kind(vm->exc, OBJ_EXCEPTION)) return 1;
    Exception *e = value_as_ptr(vm->exc);
    Traceback *tb = gc_alloc(vm, sizeof(Traceback), OBJ_TRACEBACK);
    if (!tb) return 0;
    tb->code = code;
    tb->instr = instr;
    tb->next = e->traceback;
    e->traceback = tb;
    return 1;
}

static Value vm_missing_args(VM *vm, Code *co, const char *kind, Str **names, int n) {
    char list[400] = "";
    size_t len = 0;
    for (int i = 0; i < n && len < sizeof list; i++) {
        const char *sep = i == 0 ? "" : (i == n - 1 ? (n == 2 ? " and " : ", and ") : ", ");
        len += (size_t)snprintf(list + len, sizeof list - len, "%s'%s'", sep, names[i]->data);
    }
    return exc_raise(vm, &exc_TypeError, "%s() missing %d required %s argument%s: %s", co->qualname->data, n, kind,
                     n == 1 ? "" : "s", list);
}

/* Binds a call's arguments (vectorcall convention) to a function's frame slots: positional
 * parameters, *args, keyword-only parameters, **kwargs, and defaults, with CPython's errors. */
static int vm_bind_args(VM *vm, Function *fn, Value *slots, Value *args, int nargs, Tuple *kwnames) {
    Code *co = fn->code;
    int npos = (int)co->nargs, nkwonly = (int)co->kwonlyargcount;
    int nkw = kwnames ? (int)kwnames->len : 0;
    int varargs = (co->flags & CODE_VARARGS) != 0, varkw = (co->flags & CODE_VARKEYWORDS) != 0;
    int ndefaults = fn->defaults ? (int)fn->defaults->len : 0;
    for (uint32_t i = 0; i < co->nlocals; i++) slots[i] = VALUE_NULL;
    int n = nargs < npos ? nargs : npos;
    for (int i = 0; i < n; i++) slots[i] = args[i];
    int idx = npos + nkwonly;
    if (varargs) {
        Tuple *t = tuple_new(vm, (uint32_t)(nargs > npos ? nargs - npos : 0));
        if (!t) return (exc_raise_memory(vm), 0);
        for (int i = npos; i < nargs; i++) t->items[i - npos] = args[i];
        slots[idx++] = value_from_ptr(t);
    } else if (nargs > npos) {
        int given_kwonly = 0;
        for (int k = 0; k < nkw; k++)
            for (int p = npos; p < npos + nkwonly; p++)
                if (str_equal(value_as_ptr(kwnames->items[k]), co->varnames[p])) given_kwonly++;
        char extra[80] = "";
        if (given_kwonly)
            snprintf(extra, sizeof extra, " positional argument%s (and %d keyword-only argument%s)", nargs == 1 ? "" : "s",
                     given_kwonly, given_kwonly == 1 ? "" : "s");
        if (ndefaults)
            exc_raise(vm, &exc_TypeError, "%s() takes from %d to %d positional arguments but %d %s given", co->qualname->data,
                      npos - ndefaults, npos, nargs, nargs == 1 ? "was" : "were");
        else
            exc_raise(vm, &exc_TypeError, "%s() takes %d positional argument%s but %d%s %s given", co->qualname->data, npos,
                      npos == 1 ? "" : "s", nargs, extra, (nargs == 1 && !given_kwonly) ? "was" : "were");
        return 0;
    }
    Dict *kwdict = NULL;
    if (varkw) {
        kwdict = dict_new(vm);
        if (!kwdict) return (exc_raise_memory(vm), 0);
        slots[idx] = value_from_ptr(kwdict);
    }
    char posonly_names[200] = "";
    size_t posonly_len = 0;
    for (int k = 0; k < nkw; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        int found = -1;
        for (int p = (int)co->posonlyargcount; p < npos + nkwonly; p++)
            if (str_equal(name, co->varnames[p])) found = p;
        if (found < 0 && !kwdict)
            for (int p = 0; p < (int)co->posonlyargcount; p++)
                if (str_equal(name, co->varnames[p]) && posonly_len < sizeof posonly_names)
                    posonly_len += (size_t)snprintf(posonly_names + posonly_len, sizeof posonly_names - posonly_len, "%s%s",
                                                    posonly_len ? ", " : "", name->data);
        if (found < 0 && posonly_len && !kwdict) continue;
        if (found < 0) {
            if (!kwdict) {
                exc_raise(vm, &exc_TypeError, "%s() got an unexpected keyword argument '%s'", co->qualname->data, name->data);
                return 0;
            }
            if (!dict_set_str(vm, kwdict, name, args[nargs + k])) return (exc_raise_memory(vm), 0);
            continue;
        }
        if (slots[found] != VALUE_NULL) {
            exc_raise(vm, &exc_TypeError, "%s() got multiple values for argument '%s'", co->qualname->data, name->data);
            return 0;
        }
        slots[found] = args[nargs + k];
    }
    if (posonly_len) {
        exc_raise(vm, &exc_TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                  co->qualname->data, posonly_names);
        return 0;
    }
    Str *missing[64];
    int nmissing = 0;
    for (int p = 0; p < npos; p++) {
        if (slots[p] != VALUE_NULL) continue;
        int d = p - (npos - ndefaults);
        if (d >= 0) slots[p] = fn->defaults->items[d];
        else if (nmissing < 64) missing[nmissing++] = co->varnames[p];
    }
    if (nmissing) return vm_missing_args(vm, co, "positional", missing, nmissing) && 0;
    for (int p = npos; p < npos + nkwonly; p++) {
        if (slots[p] != VALUE_NULL) continue;
        Value d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, co->varnames[p]) : VALUE_NULL;
        if (d != VALUE_NULL) slots[p] = d;
        else if (nmissing < 64) missing[nmissing++] = co->varnames[p];
    }
    if (nmissing) return vm_missing_args(vm, co, "keyword-only", missing, nmissing) && 0;
    return 1;
}

static Value *vm_frame_base(VM *vm) {
    return vm->nframes ? vm->frames[vm->nframes - 1].data_end : vm->stack;
}

/* Fills in the next frame over the slots at base (already holding the arguments). */
static inline Frame *vm_frame_init(VM *vm, Code *code, Dict *globals, Dict *locals_dict, Function *fn, Value *base) {
    Frame *f = &vm->frames[vm->nframes++];
    if (++vm->next_frame_serial == 0) vm->next_frame_serial = 1;
    f->serial = vm->next_frame_serial;
    f->code = code;
    f->func = fn;
    f->gen = NULL;
    f->globals = globals;
    f->locals_dict = locals_dict;
    f->locals = base;
    f->data_end = base + code->nlocals + code->stacksize;
    f->stack_top = base + code->nlocals;
    f->ip = code->code;
    f->instr = code->code;
    f->init_self = VALUE_NULL;
    f->resumer = 0;
    return f;
}

/* Pushes a frame for a code object. With fn, the call's arguments are bound to its parameters;
 * without, the slots start empty (module and class bodies). */
static Frame *vm_push_frame(VM *vm, Code *code, Dict *globals, Dict *locals_dict, Function *fn, Value *args, int nargs,
                            Tuple *kwnames) {
    if (vm->nframes >= vm->recursion_limit || vm->nframes >= VM_MAX_FRAMES) {
        exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    Value *base = vm_frame_base(vm);
    if (base + code->nlocals + code->stacksize > vm->stack + VM_STACK_SLOTS) {
        exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    if (fn) {
        /* Calls with exactly the positional parameters take vm_push_frame_simple instead. */
        if (!vm_bind_args(vm, fn, base, args, nargs, kwnames)) return NULL;
    } else {
        for (uint32_t i = 0; i < code->nlocals; i++) base[i] = VALUE_NULL;
    }
    return vm_frame_init(vm, code, globals, locals_dict, fn, base);
}

/* vm_push_frame for the call made most: a plain function, with only positional parameters, given
 * exactly as many arguments (CALL_PY_EXACT_ARGS's guards establish that; vm_push_frame_simple
 * checks it). Without room for the frame, the general path raises RecursionError. base is
 * vm_frame_base(vm), which the evaluation loop knows without looking. */
static ALWAYS_INLINE Frame *vm_push_frame_exact(VM *vm, Function *fn, Value *base, Value *args, int nargs) {
    Code *code = fn->code;
    if (vm->nframes >= vm->recursion_limit || vm->nframes >= VM_MAX_FRAMES ||
        base + code->nlocals + code->stacksize > vm->stack + VM_STACK_SLOTS)
        return vm_push_frame(vm, code, fn->globals, NULL, fn, args, nargs, NULL);
    values_copy(base, args, (size_t)nargs);
    for (Value *p = base + nargs, *end = base + code->nlocals; p < end; p++) *p = VALUE_NULL;
    return vm_frame_init(vm, code, fn->globals, NULL, fn, base);
}

/* A call of any function whose arguments are still to be checked: the exact positional ones take
 * vm_push_frame_exact, anything unusual the general path. */
static ALWAYS_INLINE Frame *vm_push_frame_simple(VM *vm, Function *fn, Value *args, int nargs, Tuple *kwnames) {
    Code *code = fn->code;
    if (kwnames || nargs != (int)code->nargs || (code->flags & (CODE_VARARGS | CODE_VARKEYWORDS)) ||
        code->kwonlyargcount)
        return vm_push_frame(vm, code, fn->globals, NULL, fn, args, nargs, kwnames);
    return vm_push_frame_exact(vm, fn, vm_frame_base(vm), args, nargs);
}

static Value vm_run_frames(VM *vm, int entry_depth);

Value vm_call_function(VM *vm, Function *fn, Value *args, int nargs, Tuple *kwnames) {
    int depth = vm->nframes;
    if (!vm_push_frame_simple(vm, fn, args, nargs, kwnames)) return VALUE_ERROR;
    return vm_run_frames(vm, depth);
}

Value vm_run_class_body(VM *vm, Function *fn, Dict *ns) {
    int depth = vm->nframes;
    if (!vm_push_frame(vm, fn->code, fn->globals, ns, fn, NULL, 0, NULL)) return VALUE_ERROR;
    return vm_run_frames(vm, depth);
}

Value vm_call(VM *vm, Value callable, Value *args, int nargs) { return call_value(vm, callable, args, nargs, NULL); }

/* Pushes the frame that resumes generator g with value (VALUE_ERROR: to throw vm->exc into it),
 * its slots being the generator's own storage. NULL with RecursionError at the frame limit. */
static Frame *vm_push_generator_frame(VM *vm, Generator *g, Value value) {
    if (vm->nframes >= vm->recursion_limit || vm->nframes >= VM_MAX_FRAMES) {
        exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    Value *base = vm_frame_base(vm);
    Frame *f = &vm->frames[vm->nframes++];
    f->serial = 0;
    f->code = g->code;
    f->func = g->func;
    f->gen = g;
    f->globals = g->globals;
    f->locals_dict = NULL;
    f->locals = g->slots;
    f->data_end = base;
    f->stack_top = g->slots + g->spoff;
    if (value != VALUE_ERROR) *f->stack_top++ = value;
    f->ip = g->ip;
    f->instr = g->ip;
    f->init_self = VALUE_NULL;
    f->resumer = 0;
    g->state = GEN_RUNNING;
    return f;
}

Value vm_resume_generator(VM *vm, Generator *g, Value value) {
    int depth = vm->nframes;
    if (!vm_push_generator_frame(vm, g, value)) return VALUE_ERROR;
    vm->throw_on_entry = value == VALUE_ERROR;
    return vm_run_frames(vm, depth);
}

Value vm_run_code(VM *vm, Code *code, Dict *globals, Dict *locals_dict) {
    int depth = vm->nframes;
    if (!vm_push_frame(vm, code, globals, locals_dict, NULL, NULL, 0, NULL)) return VALUE_ERROR;
    return vm_run_frames(vm, depth);
}

/* Finds the handler for an instruction of code, or NULL. */
static ExcEntry *vm_find_handler(Code *code, uint32_t index) {
    for (uint32_t i = 0; i < code->nexc; i++)
        if (index >= code->exctable[i].start && index < code->exctable[i].end) return &code->exctable[i];
    return NULL;
}

/* A safe point's slow path, taken when vm->poll_budget runs out: every VM_POLL_INTERVAL safe
 * points, at once when a collection is due (gc_check_due), and always under GC stress. It asks the
 * host's interrupt poll, turns an interrupt request into KeyboardInterrupt (returns 0), collects
 * when due, and otherwise returns 1: the loop then leaves and is entered again (vm_run_frames says
 * why). One counter is all the loop tests at a safe point, as CPython tests its eval breaker. */
static int vm_safepoint(VM *vm) {
    vm->poll_budget = VM_POLL_INTERVAL;
    if (vm->interrupt_poll && vm->interrupt_poll(vm->interrupt_poll_ctx)) vm->interrupted = 1;
    if (vm->interrupted) {
        vm->interrupted = 0;
        Exception *e = exc_new(vm, &exc_KeyboardInterrupt, VALUE_NULL);
        if (!e) exc_raise_memory(vm);
        else vm->exc = value_from_ptr(e);
        return 0;
    }
    if (vm->heap_bytes > vm->next_gc || vm->gc_stress) gc_collect(vm);
    if (vm->gc_stress) vm->poll_budget = 0;
    return 1;
}

static Value vm_run_loop(VM *vm, int entry_depth);

/* An exception raised while another is handled gets that one as its __context__ (unless it is a
 * re-raise, or already has one). */
static void vm_set_exception_context(VM *vm) {
    if (!value_is_kind(vm->exc, OBJ_EXCEPTION)) return;
    Exception *e = value_as_ptr(vm->exc);
    if (!vm->reraise && vm->handled != VALUE_NONE && vm->handled != vm->exc && e->context == VALUE_NULL &&
        e != vm->memory_error)
        e->context = vm->handled;
}

/* Runs frames until the one at entry_depth returns (its value) or raises (VALUE_ERROR). The loop
 * itself (vm_run_loop) returns here every VM_POLL_INTERVAL safe points with vm->reenter set, at an
 * instruction boundary with its frame saved, and is called again. The reason is WebAssembly:
 * engines such as V8 first run a function as quickly compiled baseline code and cannot swap the
 * optimized code into a call that is already running (no on-stack replacement), and
 * Python-to-Python calls never leave the loop, so without re-entry a whole program would run in
 * baseline code, about twice as slow. */
static Value vm_run_frames(VM *vm, int entry_depth) {
    Value result;
    do {
        vm->reenter = 0;
        result = vm_run_loop(vm, entry_depth);
    } while (vm->reenter);
    return result;
}

static Value vm_run_loop(VM *vm, int entry_depth) {
    Frame *f = &vm->frames[vm->nframes - 1];

    /* The running frame's code, constants and locals are cached in locals, and so is its
     * instruction pointer, which is written back to the frame (SAVE_FRAME) before anything that
     * may look at frames (calls, the collector, unwinding). co, locals and consts are set only at
     * frame_entry, which every change of the running frame jumps to (RUN_FRAME): inside the
     * instruction loop they never change, so V8 does not carry them around it as loop variables,
     * storing each to its spill slot at every instruction (3% of the benchmarks' time under
     * Node, 2% natively). */
    Code *co;
    uint16_t *ip, *this_instr;
    Value *locals, *consts;
    /* The stack pointer lives in the frame, not in a local: sp is f->stack_top. Anything an
     * instruction calls (a dunder method, a key function) may collect, and the collector must see
     * the operands still on the stack, so the frame's copy has to be current anyway. Kept in a
     * local, it cost a store per instruction on top, and under WebAssembly more: V8 computed
     * sp - 8, sp + 8 and the like once before the switch for every case that uses them and kept
     * them all live across it (about 10% of the time of the benchmarks). */
#define sp (f->stack_top)
    int op, oparg;
    Value result = VALUE_NONE;

/* The running frame changed (f, with f->ip and f->stack_top current): go on running it from
 * frame_entry. Like the macros that end in it (ENTER_CALLEE, RESUME_INLINE), it never falls
 * through. */
#define RUN_FRAME() goto frame_entry
#define SAVE_FRAME() (f->ip = ip)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define INDEX() ((uint32_t)(this_instr - co->code))
#define STATS(family) (vm->family_stats[family])
/* Only the instruction's own counter: the family totals are its sum, made after the run
 * (report_count_family_hits), which keeps a specialized instruction's hot path shorter. */
#define HIT(family)                          \
    do {                                     \
        (void)(family);                      \
        (*code_hit_counter(co, this_instr))++; \
    } while (0)
#define CHECK(v)                      \
    do {                              \
        if ((v) == VALUE_ERROR) goto error; \
    } while (0)
    /* A guard failed in a specialized instruction: count the miss, and after MISS_COUNTER_START
     * of them go back to the adaptive form; then run the family's generic instruction. */
#define DEOPT_IF(cond, family)  \
    do {                        \
        if (cond) {             \
            miss_family = family; \
            goto miss;          \
        }                       \
    } while (0)
    /* A call's stack is [NULL, callable, args...] or, CPython's method form, [callable, self,
     * args...], where self becomes the first argument. */
#define CALL_SHAPE()                                   \
    int is_meth = sp[-(oparg + 2)] != VALUE_NULL;      \
    int nkwargs = kwnames ? (int)kwnames->len : 0;     \
    int nargs = oparg + is_meth - nkwargs;             \
    Value callable = sp[-(oparg + is_meth + 1)];       \
    Value *args = sp - (oparg + is_meth)
    /* A call made by pushing a frame: the caller resumes after the CALL and its cache, without the
     * call's operands; the callee's frame (made by push, which may raise, then adjusted by then)
     * becomes the running one. */
#define ENTER_CALLEE(push, then)     \
    do {                             \
        ip += OPCACHE_CALL;          \
        f->ip = ip;                  \
        f->instr = this_instr;       \
        sp -= oparg + 2;             \
        Frame *callee_ = (push);     \
        if (!callee_) {              \
            ip -= OPCACHE_CALL;      \
            goto error;              \
        }                            \
        then;                        \
        f = callee_;                 \
        RUN_FRAME();                \
    } while (0)
    /* An adaptive instruction: at a zero counter, try to specialize and run whatever the
     * instruction became; otherwise count down and run the family's generic instruction. */
#define ADAPTIVE(family, specialize)              \
    do {                                          \
        if (ADAPTIVE_COUNTER_IS_ZERO(ip[0])) {    \
            specialize;                           \
            op = *this_instr & 0xff;              \
            goto dispatch;                        \
        }                                         \
        STATS(family).deferred++;                 \
        ADAPTIVE_COUNTER_DECREMENT(ip[0]);        \
        op = family;                              \
        goto dispatch;                            \
    } while (0)
    /* FOR_ITER or SEND (the running instruction) resumes generator g in this loop: its frame goes
     * on top and runs; YIELD_VALUE and RETURN_VALUE hand the value back to this frame as the
     * instruction would have (f->resumer). The same as gen_send without a nested loop, which
     * cost a C call of the whole loop per resumption (twice as long under WebAssembly). */
#define RESUME_INLINE(g, value)                                    \
    do {                                                           \
        f->ip = ip;                                                \
        f->instr = this_instr;                                     \
        Frame *gen_frame_ = vm_push_generator_frame(vm, g, value); \
        if (!gen_frame_) goto error;                               \
        gen_frame_->resumer = (uint8_t)op;                         \
        gen_frame_->resume_jump = (uint32_t)oparg;                 \
        f = gen_frame_;                                            \
        RUN_FRAME();                                              \
    } while (0)
#define SAFEPOINT()                       \
    do {                                  \
        if (--vm->poll_budget <= 0) {     \
            SAVE_FRAME();                 \
            if (!vm_safepoint(vm)) goto error; \
            vm->reenter = 1;              \
            return VALUE_NULL;            \
        }                                 \
    } while (0)

    int miss_family = 0;
    Tuple *kwnames = NULL;   /* set by KW_NAMES for the CALL that follows */
    if (vm->throw_on_entry) {
        /* generator.throw()/close(): raise at the suspended yield, inside the generator (the
         * unwinding reads the frame, not the cached co, locals and consts). */
        vm->throw_on_entry = 0;
        this_instr = f->ip - 1;
        goto error;
    }

frame_entry:
    co = f->code;
    ip = f->ip;
    locals = f->locals;
    consts = co->consts;
    for (;;) {
        this_instr = ip;
        {
            uint16_t word = *ip++;
            op = word & 0xff;
            oparg = word >> 8;
        }
    dispatch:
        switch (op) {
        case OP_NOP:
            break;
        case OP_EXTENDED_ARG:
        case OP_EXTENDED_ARG_QUICK: {
            /* this_instr becomes the instruction the prefix extends: its counters and caches
             * follow it, and specializing it must rewrite it, not the prefix. */
            this_instr = ip;
            uint16_t word = *ip++;
            op = word & 0xff;
            oparg = oparg << 8 | word >> 8;
            goto dispatch;
        }
        case OP_RESUME:
            if (vm->specialize && ++co->warmup == 0) specialize_quicken(co);
            SAFEPOINT();
            break;
        case OP_RESUME_QUICK:
            SAFEPOINT();
            break;
        case OP_POP_TOP:
            sp--;
            break;
        case OP_PUSH_NULL:
            PUSH(VALUE_NULL);
            break;
        case OP_COPY: {
            Value v = sp[-oparg];
            PUSH(v);
            break;
        }
        case OP_SWAP: {
            Value t = sp[-1];
            sp[-1] = sp[-oparg];
            sp[-oparg] = t;
            break;
        }
        case OP_UNARY_POSITIVE:
        case OP_UNARY_NEGATIVE: {
            Value r = op == OP_UNARY_POSITIVE ? op_unary_positive(vm, TOP()) : op_unary_negative(vm, TOP());
            CHECK(r);
            TOP() = r;
            break;
        }
        case OP_UNARY_NOT: {
            int t = op_truthy(vm, TOP());
            if (t < 0) goto error;
            TOP() = value_from_bool(!t);
            break;
        }
        case OP_UNARY_INVERT: {
            Type *t = type_of(TOP());
            Value r = t->unary ? t->unary(vm, OP_UNARY_INVERT, TOP()) : VALUE_NULL;
            if (r == VALUE_NULL) {
                if (vm->exc == VALUE_NULL) exc_raise(vm, &exc_TypeError, "bad operand type for unary ~: '%s'", t->name);
                goto error;
            }
            CHECK(r);
            TOP() = r;
            break;
        }
        case OP_GET_ITER: {
            Value r = op_get_iter(vm, TOP());
            CHECK(r);
            TOP() = r;
            break;
        }
        case OP_FOR_ITER: {
            /* 3.11 does not specialize FOR_ITER: range and list iterators step here inline, and a
             * generator runs its frame in this loop (RESUME_INLINE); any other iterator goes
             * through its type's next slot. */
            Value itv = TOP(), next;
            Type *it_type = value_is_kind(itv, OBJ_ITER) ? ((IterObj *)value_as_ptr(itv))->type : NULL;
            if (it_type == &range_iter_type) next = range_iter_step(value_as_ptr(itv));
            else if (it_type == &iter_list_type) next = iter_list_step(value_as_ptr(itv));
            else if (value_is_kind(itv, OBJ_GENERATOR) && gen_resumable(value_as_ptr(itv), VALUE_NONE)) {
                RESUME_INLINE(value_as_ptr(itv), VALUE_NONE);
            } else next = op_iter_next(vm, itv);
            CHECK(next);
            if (next == VALUE_NULL) {
                sp--;
                ip += oparg;
            } else {
                PUSH(next);
            }
            break;
        }
        case OP_BINARY_SUBSCR:
        case OP_STORE_SUBSCR:
            if (op == OP_BINARY_SUBSCR) {
                Value r = op_subscr(vm, SECOND(), TOP());
                CHECK(r);
                sp--;
                TOP() = r;
            } else {
                Value r = op_store_subscr(vm, SECOND(), TOP(), sp[-3]);
                CHECK(r);
                sp -= 3;
            }
            ip += opcode_info[op].cache;
            break;
        case OP_LOAD_CONST:
            PUSH(consts[oparg]);
            break;
        case OP_LOAD_CONST__LOAD_FAST: {
            PUSH(consts[oparg]);
            uint16_t word = *ip++;
            Value v = locals[word >> 8];
            if (v == VALUE_NULL) {
                this_instr = ip - 1;
                oparg = word >> 8;
                goto unbound_local;
            }
            PUSH(v);
            break;
        }
        case OP_LOAD_FAST: {
            Value v = locals[oparg];
            if (v == VALUE_NULL) goto unbound_local;
            PUSH(v);
            break;
        }
        case OP_LOAD_FAST__LOAD_FAST:
        case OP_LOAD_FAST__LOAD_CONST: {
            Value v = locals[oparg];
            if (v == VALUE_NULL) goto unbound_local;
            PUSH(v);
            uint16_t word = *ip++;
            if (op == OP_LOAD_FAST__LOAD_CONST) {
                PUSH(consts[word >> 8]);
            } else {
                v = locals[word >> 8];
                if (v == VALUE_NULL) {
                    this_instr = ip - 1;
                    oparg = word >> 8;
                    goto unbound_local;
                }
                PUSH(v);
            }
            break;
        }
        case OP_STORE_FAST:
            locals[oparg] = POP();
            break;
        case OP_STORE_FAST__LOAD_FAST:
        case OP_STORE_FAST__STORE_FAST: {
            locals[oparg] = POP();
            uint16_t word = *ip++;
            if (op == OP_STORE_FAST__STORE_FAST) {
                locals[word >> 8] = POP();
            } else {
                Value v = locals[word >> 8];
                if (v == VALUE_NULL) {
                    this_instr = ip - 1;
                    oparg = word >> 8;
                    goto unbound_local;
                }
                PUSH(v);
            }
            break;
        }
        case OP_STORE_NAME: {
            Dict *ns = f->locals_dict ? f->locals_dict : f->globals;
            if (!dict_set_str_hinted(vm, ns, co->names[oparg], TOP(), &co->name_hints[oparg])) {
                exc_raise_memory(vm);
                goto error;
            }
            sp--;
            break;
        }
        case OP_STORE_GLOBAL:
            if (!dict_set_str(vm, f->globals, co->names[oparg], TOP())) {
                exc_raise_memory(vm);
                goto error;
            }
            sp--;
            break;
        case OP_LOAD_NAME: {
            Str *name = co->names[oparg];
            Value v = VALUE_NULL;
            if (f->locals_dict) v = dict_get_str_hinted(f->locals_dict, name, &co->name_hints[oparg]);
            /* At module level the locals are the globals: one lookup is enough. */
            if (v == VALUE_NULL && f->locals_dict != f->globals) v = dict_get_str_hinted(f->globals, name, &co->name_hints[oparg]);
            if (v == VALUE_NULL) v = dict_get_str(vm->builtins, name);
            if (v == VALUE_NULL) {
                vm_name_error(vm, name);
                goto error;
            }
            PUSH(v);
            break;
        }
        case OP_LOAD_GLOBAL: {
            Str *name = co->names[oparg >> 1];
            /* Not dict_get_str_inline as in LOAD_NAME: with specialization this generic form runs
             * only while the instruction warms up. */
            Value v = dict_get_str(f->globals, name);
            if (v == VALUE_NULL) v = dict_get_str(vm->builtins, name);
            if (v == VALUE_NULL) {
                vm_name_error(vm, name);
                goto error;
            }
            if (oparg & 1) PUSH(VALUE_NULL);
            PUSH(v);
            ip += OPCACHE_LOAD_GLOBAL;
            break;
        }
        case OP_LOAD_GLOBAL_ADAPTIVE:
            ADAPTIVE(OP_LOAD_GLOBAL, { specialize_load_global(vm, co, this_instr, f->globals, vm->builtins, co->names[oparg >> 1]); });
        case OP_LOAD_GLOBAL_MODULE: {
            Dict *g = f->globals;
            DEOPT_IF(g->keys_version != specialize_read_u32(ip + 2), OP_LOAD_GLOBAL);
            Value v = g->entries[ip[1]].value;
            DEOPT_IF(v == VALUE_NULL, OP_LOAD_GLOBAL);
            HIT(OP_LOAD_GLOBAL);
            if (oparg & 1) PUSH(VALUE_NULL);
            PUSH(v);
            ip += OPCACHE_LOAD_GLOBAL;
            break;
        }
        case OP_LOAD_GLOBAL_BUILTIN: {
            Dict *g = f->globals, *b = vm->builtins;
            DEOPT_IF(g->keys_version != specialize_read_u32(ip + 2), OP_LOAD_GLOBAL);
            DEOPT_IF(b->keys_version != ip[4], OP_LOAD_GLOBAL);
            Value v = b->entries[ip[1]].value;
            DEOPT_IF(v == VALUE_NULL, OP_LOAD_GLOBAL);
            HIT(OP_LOAD_GLOBAL);
            if (oparg & 1) PUSH(VALUE_NULL);
            PUSH(v);
            ip += OPCACHE_LOAD_GLOBAL;
            break;
        }
        case OP_BUILD_LIST: {
            List *l = list_new(vm, (uint32_t)oparg);
            if (!l) {
                exc_raise_memory(vm);
                goto error;
            }
            sp -= oparg;
            if (oparg) memcpy(l->items, sp, (size_t)oparg * sizeof(Value));
            l->len = (uint32_t)oparg;
            PUSH(value_from_ptr(l));
            break;
        }
        case OP_BUILD_TUPLE: {
            Tuple *t = tuple_new(vm, (uint32_t)oparg);
            if (!t) {
                exc_raise_memory(vm);
                goto error;
            }
            sp -= oparg;
            if (oparg) memcpy(t->items, sp, (size_t)oparg * sizeof(Value));
            PUSH(value_from_ptr(t));
            break;
        }
        case OP_LIST_APPEND: {
            Value v = POP();
            if (!list_append_inline(vm, value_as_ptr(sp[-oparg]), v)) {
                exc_raise_memory(vm);
                goto error;
            }
            break;
        }
        case OP_LIST_EXTEND: {
            Value it = POP();
            if (!list_extend(vm, value_as_ptr(sp[-oparg]), it)) {
                if (op_exc_is(vm, &exc_TypeError) && op_iter_missing(vm, it)) {
                    vm->exc = VALUE_NULL;
                    exc_raise(vm, &exc_TypeError, "Value after * must be an iterable, not %s", type_of(it)->name);
                }
                goto error;
            }
            break;
        }
        case OP_IS_OP: {
            Value b = POP();
            TOP() = value_from_bool((TOP() == b) != oparg);
            break;
        }
        case OP_CONTAINS_OP: {
            /* `x in s` for a set or frozenset and a key hashed without Python code goes straight
             * to the table, not through op_contains and the type's slot (3.11 does not specialize
             * CONTAINS_OP; n-queens spent a tenth of its time on the way). */
            Value container = TOP(), item = SECOND(), r;
            uint64_t hash;
            int found;
            if ((value_is_kind(container, OBJ_SET) || value_is_kind(container, OBJ_FROZENSET)) && value_is_int(item) &&
                (found = set_contains_int_at_once(value_as_ptr(container), item)) >= 0) {
                r = value_from_bool(found);
            } else if ((value_is_kind(container, OBJ_SET) || value_is_kind(container, OBJ_FROZENSET)) && dict_hash_pure(item, &hash)) {
                found = set_contains_entry(vm, value_as_ptr(container), item, hash);
                r = found < 0 ? VALUE_ERROR : value_from_bool(found);
            } else {
                r = op_contains(vm, container, item);
            }
            CHECK(r);
            sp--;
            TOP() = value_from_bool((r == VALUE_TRUE) != oparg);
            break;
        }
        case OP_COMPARE_OP: {
            Value r = op_compare(vm, oparg, SECOND(), TOP());
            CHECK(r);
            sp--;
            TOP() = r;
            ip += OPCACHE_COMPARE_OP;
            break;
        }
        case OP_COMPARE_OP_ADAPTIVE:
            ADAPTIVE(OP_COMPARE_OP, { specialize_compare_op(vm, co, this_instr, SECOND(), TOP()); });
        /* The comparison gives its sign (-1, 0, 1) and the cache's mask (specialize_compare_op)
         * says for which signs the POP_JUMP that follows jumps and in which direction, as in
         * CPython 3.11: one test instead of decoding the operator and the jump. */
#define COMPARE_AND_JUMP(sign)                            \
    do {                                                  \
        HIT(OP_COMPARE_OP);                               \
        int mask_ = ip[1], jarg_ = ip[OPCACHE_COMPARE_OP] >> 8; \
        sp -= 2;                                          \
        ip += OPCACHE_COMPARE_OP + 1;                     \
        if ((1 << ((sign) + 1)) & mask_) {                \
            if (mask_ & COMPARE_JUMP_BACKWARD) {          \
                ip -= jarg_;                              \
                SAFEPOINT();                              \
            } else {                                      \
                ip += jarg_;                              \
            }                                             \
        }                                                 \
    } while (0)
        case OP_COMPARE_OP_INT_JUMP: {
            Value a = SECOND(), b = TOP();
            DEOPT_IF(!value_is_int(a) || !value_is_int(b), OP_COMPARE_OP);
            int64_t x = value_as_int(a), y = value_as_int(b);
            DEOPT_IF(!(x > -(1ll << 30) && x < (1ll << 30) && y > -(1ll << 30) && y < (1ll << 30)), OP_COMPARE_OP);
            COMPARE_AND_JUMP((x > y) - (x < y));
            break;
        }
        case OP_COMPARE_OP_FLOAT_JUMP: {
            Value a = SECOND(), b = TOP();
            DEOPT_IF(!value_is_float(a) || !value_is_float(b), OP_COMPARE_OP);
            double x = value_as_float(a), y = value_as_float(b);
            DEOPT_IF(x != x || y != y, OP_COMPARE_OP);
            COMPARE_AND_JUMP((x > y) - (x < y));
            break;
        }
        case OP_COMPARE_OP_STR_JUMP: {
            Value a = SECOND(), b = TOP();
            DEOPT_IF(!value_is_kind(a, OBJ_STR) || !value_is_kind(b, OBJ_STR), OP_COMPARE_OP);
            /* Only == and != specialize: unequal strings count as "greater". */
            COMPARE_AND_JUMP(str_equal(value_as_ptr(a), value_as_ptr(b)) ? 0 : 1);
            break;
        }
#undef COMPARE_AND_JUMP
        case OP_JUMP_FORWARD:
            ip += oparg;
            break;
        case OP_JUMP_BACKWARD:
            if (vm->specialize && ++co->warmup == 0) specialize_quicken(co);
            ip -= oparg;
            SAFEPOINT();
            break;
        case OP_JUMP_BACKWARD_QUICK:
            ip -= oparg;
            SAFEPOINT();
            break;
        case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: {
            int t = op_truthy(vm, TOP());
            if (t < 0) goto error;
            if (t == (op == OP_JUMP_IF_TRUE_OR_POP)) ip += oparg;
            else sp--;
            break;
        }
        case OP_POP_JUMP_FORWARD_IF_FALSE:
        case OP_POP_JUMP_FORWARD_IF_TRUE:
        case OP_POP_JUMP_BACKWARD_IF_FALSE:
        case OP_POP_JUMP_BACKWARD_IF_TRUE: {
            Value v = POP();
            int t = v == VALUE_TRUE ? 1 : v == VALUE_FALSE ? 0 : op_truthy(vm, v);
            if (t < 0) goto error;
            int want = op == OP_POP_JUMP_FORWARD_IF_TRUE || op == OP_POP_JUMP_BACKWARD_IF_TRUE;
            if (t == want) {
                if (op == OP_POP_JUMP_BACKWARD_IF_FALSE || op == OP_POP_JUMP_BACKWARD_IF_TRUE) {
                    ip -= oparg;
                    SAFEPOINT();
                } else {
                    ip += oparg;
                }
            }
            break;
        }
        case OP_POP_JUMP_FORWARD_IF_NONE:
        case OP_POP_JUMP_FORWARD_IF_NOT_NONE:
            if ((POP() == VALUE_NONE) == (op == OP_POP_JUMP_FORWARD_IF_NONE)) ip += oparg;
            break;
        case OP_POP_JUMP_BACKWARD_IF_NONE:
        case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
            if ((POP() == VALUE_NONE) == (op == OP_POP_JUMP_BACKWARD_IF_NONE)) {
                ip -= oparg;
                SAFEPOINT();
            }
            break;
        case OP_BINARY_OP: {
            /* The number fast paths inline, but for the operands 3.11's members take (int + int
             * and the like): with specialization those reach this instruction only while it warms
             * up, so inlining them would only flatter --no-specialize. What stays inline are the
             * operators 3.11 never specializes (%, //, /, ...) and mixed ints and floats. */
            Value a = SECOND(), b = TOP();
            Value r = specialize_binary_op_number_member(oparg, a, b) ? VALUE_NULL : op_binary_numbers(oparg, a, b);
            if (r == VALUE_NULL) r = op_binary(vm, oparg, a, b);
            CHECK(r);
            sp--;
            TOP() = r;
            ip += OPCACHE_BINARY_OP;
            break;
        }
        case OP_BINARY_OP_ADAPTIVE:
            ADAPTIVE(OP_BINARY_OP, { specialize_binary_op(vm, co, this_instr, SECOND(), TOP(), locals); });
        /* Small ints: beyond the small-int range the generic path makes the result; not a miss,
         * since the operands were ints as the guard asks. */
#define BINARY_INT(checked_op)                                       \
    do {                                                             \
        Value a = SECOND(), b = TOP();                               \
        DEOPT_IF(!value_is_int(a) || !value_is_int(b), OP_BINARY_OP); \
        HIT(OP_BINARY_OP);                                           \
        int64_t r;                                                   \
        Value v;                                                     \
        if (checked_op(value_as_int(a), value_as_int(b), &r) || !smallint_fits(r)) v = op_binary(vm, oparg, a, b); \
        else v = value_from_int(r);                                  \
        CHECK(v);                                                    \
        sp--;                                                        \
        TOP() = v;                                                   \
        ip += OPCACHE_BINARY_OP;                                     \
    } while (0)
#define BINARY_FLOAT(operator)                                          \
    do {                                                                \
        Value a = SECOND(), b = TOP();                                  \
        DEOPT_IF(!value_is_float(a) || !value_is_float(b), OP_BINARY_OP); \
        HIT(OP_BINARY_OP);                                              \
        sp--;                                                           \
        TOP() = value_from_float(value_as_float(a) operator value_as_float(b)); \
        ip += OPCACHE_BINARY_OP;                                                \
    } while (0)
        case OP_BINARY_OP_ADD_INT:
            BINARY_INT(__builtin_add_overflow);
            break;
        case OP_BINARY_OP_SUBTRACT_INT:
            BINARY_INT(__builtin_sub_overflow);
            break;
        case OP_BINARY_OP_MULTIPLY_INT:
            BINARY_INT(smallint_mul_overflow);
            break;
        case OP_BINARY_OP_ADD_FLOAT:
            BINARY_FLOAT(+);
            break;
        case OP_BINARY_OP_SUBTRACT_FLOAT:
            BINARY_FLOAT(-);
            break;
        case OP_BINARY_OP_MULTIPLY_FLOAT:
            BINARY_FLOAT(*);
            break;
#undef BINARY_INT
#undef BINARY_FLOAT
        case OP_BINARY_OP_ADD_UNICODE: {
            Value a = SECOND(), b = TOP();
            DEOPT_IF(!value_is_kind(a, OBJ_STR) || !value_is_kind(b, OBJ_STR), OP_BINARY_OP);
            HIT(OP_BINARY_OP);
            Value r = str_concat(vm, value_as_ptr(a), value_as_ptr(b));
            CHECK(r);
            sp--;
            TOP() = r;
            ip += OPCACHE_BINARY_OP;
            break;
        }
        case OP_PRECALL:
            ip += OPCACHE_PRECALL;
            break;
        case OP_PRECALL_ADAPTIVE:
            ADAPTIVE(OP_PRECALL, { CALL_SHAPE(); (void)args; specialize_precall(vm, co, this_instr, callable, nkwargs ? -1 : nargs, is_meth); });
        case OP_PRECALL_PYFUNC: {
            CALL_SHAPE();
            (void)args;
            (void)nargs;
            DEOPT_IF(!value_is_kind(callable, OBJ_FUNCTION), OP_PRECALL);
            HIT(OP_PRECALL);
            ip += OPCACHE_PRECALL;
            break;
        }
        /* The PRECALL members that make the call themselves, then skip the CALL: each member's
         * case checks the callable is what the member was made for, and all of them make the call
         * at precall_make_call (one copy of it keeps the loop small). */
#define PRECALL_TYPE(want_type)                                                                          \
    do {                                                                                                \
        CALL_SHAPE();                                                                                   \
        (void)args;                                                                                     \
        DEOPT_IF(!value_is_kind(callable, OBJ_TYPE) || ((Type *)value_as_ptr(callable))->is_heap, OP_PRECALL); \
        Type *t = value_as_ptr(callable);                                                               \
        if ((want_type) == NULL) DEOPT_IF(!t->construct, OP_PRECALL);                                   \
        else DEOPT_IF(t != (want_type) || nargs != 1 || nkwargs, OP_PRECALL);                          \
        goto precall_make_call;                                                                         \
    } while (0)
        /* Built-in functions (method == 0) and methods of built-in types (method == 1, self is the
         * first argument) of one calling convention; want < 0 accepts FAST and NOARGS. */
#define PRECALL_BUILTIN(method, want)                                                                   \
    do {                                                                                                \
        CALL_SHAPE();                                                                                   \
        (void)args;                                                                                     \
        Value fnv = callable;                                                                           \
        if (value_is_kind(fnv, OBJ_BOUND_METHOD) && !is_meth) fnv = ((BoundMethod *)value_as_ptr(fnv))->func; \
        DEOPT_IF(!value_is_kind(fnv, OBJ_BUILTIN), OP_PRECALL);                                         \
        Builtin *b = value_as_ptr(fnv);                                                                 \
        DEOPT_IF((method) != is_meth, OP_PRECALL);                                                      \
        if ((want) >= 0) DEOPT_IF(b->callkind != (want), OP_PRECALL);                                   \
        else DEOPT_IF(b->callkind != CALLKIND_FAST && b->callkind != CALLKIND_NOARGS, OP_PRECALL);      \
        DEOPT_IF(nkwargs && (want) != CALLKIND_FAST_WITH_KEYWORDS, OP_PRECALL);                         \
        if ((want) == CALLKIND_O || (want) == CALLKIND_LEN) DEOPT_IF(nargs != ((method) ? 2 : 1), OP_PRECALL); \
        if ((want) == CALLKIND_NOARGS) DEOPT_IF(nargs != 1, OP_PRECALL);                                \
        goto precall_make_call;                                                                         \
    } while (0)
        case OP_PRECALL_BUILTIN_CLASS:
            PRECALL_TYPE((Type *)NULL);
        case OP_PRECALL_NO_KW_STR_1:
            PRECALL_TYPE(&type_str);
        case OP_PRECALL_NO_KW_TUPLE_1:
            PRECALL_TYPE(&type_tuple);
        case OP_PRECALL_NO_KW_TYPE_1:
            PRECALL_TYPE(&type_type);
        case OP_PRECALL_BUILTIN_FAST_WITH_KEYWORDS:
            PRECALL_BUILTIN(0, CALLKIND_FAST_WITH_KEYWORDS);
        case OP_PRECALL_NO_KW_BUILTIN_FAST:
        case OP_PRECALL_NO_KW_ISINSTANCE:
            PRECALL_BUILTIN(0, -1);
        case OP_PRECALL_NO_KW_BUILTIN_O:
            PRECALL_BUILTIN(0, CALLKIND_O);
        case OP_PRECALL_NO_KW_LEN: {
            /* The built-in containers' sizes are read here (op_len_of_builtin); anything else
             * calls len. */
            CALL_SHAPE();
            int64_t n = nargs == 1 && !is_meth && !nkwargs && value_is_kind(callable, OBJ_BUILTIN) &&
                                ((Builtin *)value_as_ptr(callable))->callkind == CALLKIND_LEN
                            ? op_len_of_builtin(args[0])
                            : -1;
            if (n >= 0) {
                HIT(OP_PRECALL);
                sp -= oparg + 2;
                PUSH(value_from_int(n));
                ip += OPCACHE_PRECALL + 1 + OPCACHE_CALL;
                break;
            }
            PRECALL_BUILTIN(0, CALLKIND_LEN);
        }
        case OP_PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS:
            PRECALL_BUILTIN(1, CALLKIND_FAST_WITH_KEYWORDS);
        case OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST:
            PRECALL_BUILTIN(1, -1);
        case OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS:
            PRECALL_BUILTIN(1, CALLKIND_NOARGS);
        case OP_PRECALL_NO_KW_METHOD_DESCRIPTOR_O:
            PRECALL_BUILTIN(1, CALLKIND_O);
        precall_make_call: {
            /* A built-in function is called directly; anything else (a class, a method bound to
             * its self) through call_value. */
            CALL_SHAPE();
            HIT(OP_PRECALL);
            SAVE_FRAME();
            f->instr = this_instr;
            if (value_is_kind(callable, OBJ_BUILTIN) && ((Builtin *)value_as_ptr(callable))->fn == builtins_sum &&
                nargs == 1 && !kwnames && !is_meth && value_is_kind(args[0], OBJ_GENERATOR) &&
                gen_resumable(value_as_ptr(args[0]), VALUE_NONE)) {
                /* sum(generator) runs the generator in this loop (FRAME_RESUMER_SUM): the total
                 * starts at 0 in the NULL's slot, and the caller resumes after the CALL. */
                sp[-FRAME_SUM_TOTAL_DEPTH] = value_from_int(0);
                f->ip = ip + OPCACHE_PRECALL + 1 + OPCACHE_CALL;
                Frame *gen_frame = vm_push_generator_frame(vm, value_as_ptr(args[0]), VALUE_NONE);
                if (!gen_frame) goto error;
                gen_frame->resumer = FRAME_RESUMER_SUM;
                f = gen_frame;
                RUN_FRAME();
            }
            Value r = value_is_kind(callable, OBJ_BUILTIN) ? builtin_call(vm, value_as_ptr(callable), args, nargs, kwnames)
                                                           : call_value(vm, callable, args, nargs, kwnames);
            kwnames = NULL;
            CHECK(r);
            sp -= oparg + 2;
            PUSH(r);
            /* The call is made: skip the cache and the CALL instruction with its cache. */
            ip += OPCACHE_PRECALL + 1 + OPCACHE_CALL;
            break;
        }
#undef PRECALL_TYPE
#undef PRECALL_BUILTIN
        case OP_CALL_PY_EXACT_ARGS: {
            /* The call made most, on its own: the function version in the cache fixes the code,
             * which the specializer saw has positional parameters only, so the argument count is
             * the one thing left to check. A generator function goes on to the shared path. */
            CALL_SHAPE();
            DEOPT_IF(!value_is_kind(callable, OBJ_FUNCTION) || kwnames, OP_CALL);
            Function *fn = value_as_ptr(callable);
            DEOPT_IF(fn->version != specialize_read_u32(ip + 1) || nargs != (int)fn->code->nargs, OP_CALL);
            if (!(fn->code->flags & CODE_GENERATOR)) {
                HIT(OP_CALL);
                ENTER_CALLEE(vm_push_frame_exact(vm, fn, f->data_end, args, nargs), (void)0);
            }
        }
            /* fall through */
        case OP_CALL:
        case OP_CALL_PY_WITH_DEFAULTS: {
            CALL_SHAPE();
            if (op != OP_CALL) {
                DEOPT_IF(!value_is_kind(callable, OBJ_FUNCTION) || kwnames, OP_CALL);
                Function *fn = value_as_ptr(callable);
                DEOPT_IF(fn->version != specialize_read_u32(ip + 1), OP_CALL);
                if (op == OP_CALL_PY_EXACT_ARGS) DEOPT_IF(nargs != (int)fn->code->nargs, OP_CALL);
                else DEOPT_IF(nargs < (int)ip[3] || nargs > (int)fn->code->nargs, OP_CALL);
                HIT(OP_CALL);
            }
            Tuple *kw = kwnames;
            kwnames = NULL;
            if (value_is_kind(callable, OBJ_FUNCTION) && !(((Function *)value_as_ptr(callable))->code->flags & CODE_GENERATOR)) {
                ENTER_CALLEE(vm_push_frame_simple(vm, value_as_ptr(callable), args, nargs, kw), (void)0);
            }
            if (value_is_kind(callable, OBJ_TYPE) && !is_meth) {
                /* A class whose instances need only their __init__ run: that runs as a frame of
                 * this loop too, with the instance in the class's place as its self. */
                Function *init;
                Value obj = class_instance_for_init(vm, value_as_ptr(callable), &init);
                if (obj == VALUE_ERROR) goto error;
                if (obj != VALUE_NULL) {
                    args[-1] = obj;
                    ENTER_CALLEE(vm_push_frame_simple(vm, init, args - 1, nargs + 1, kw), callee_->init_self = obj);
                }
            }
            SAVE_FRAME();
            f->instr = this_instr;
            Value r = call_value(vm, callable, args, nargs, kw);
            CHECK(r);
            sp -= oparg + 2;
            PUSH(r);
            ip += OPCACHE_CALL;
            break;
        }
        case OP_KW_NAMES:
            kwnames = value_as_ptr(consts[oparg]);
            break;
        case OP_CALL_ADAPTIVE:
            ADAPTIVE(OP_CALL, { CALL_SHAPE(); (void)args; specialize_call(vm, co, this_instr, callable, nkwargs ? -1 : nargs); });
        case OP_RETURN_VALUE: {
            Value r = POP();
            if (f->resumer) {
                /* A generator resumed inline (RESUME_INLINE) is finished, as gen_send leaves it:
                 * the waiting FOR_ITER ends its loop, the waiting SEND takes the return value,
                 * a sum() gives its total. */
                Generator *g = f->gen;
                int resumer = f->resumer;
                uint32_t jump = f->resume_jump;
                g->state = GEN_DONE;
                g->retval = r;
                vm->nframes--;
                f = &vm->frames[vm->nframes - 1];
                if (resumer == FRAME_RESUMER_SUM) {
                    Value total = sp[-FRAME_SUM_TOTAL_DEPTH];
                    sp -= FRAME_SUM_TOTAL_DEPTH;
                    PUSH(total);
                    RUN_FRAME();
                }
                sp--;
                if (resumer == OP_SEND) TOP() = r;
                f->ip += jump;
                RUN_FRAME();
            }
            if (f->init_self != VALUE_NULL) {
                /* The end of an __init__ a class call started (CALL): the call's value is the
                 * instance, and anything but None is the caller's TypeError, as in CPython. */
                Value self = f->init_self;
                vm->nframes--;
                f = &vm->frames[vm->nframes - 1];
                if (class_init_returned(vm, r) == VALUE_ERROR) {
                    this_instr = f->instr;
                    goto error;
                }
                PUSH(self);
                RUN_FRAME();
            }
            vm->nframes--;
            if (vm->nframes == entry_depth) {
                result = r;
                goto done;
            }
            f = &vm->frames[vm->nframes - 1];
            PUSH(r);
            RUN_FRAME();
        }
#include "vm_ops.inc"
#include "vm_spec.inc"
        default:
            /* The rarely run instructions (vm_cold.c). */
            SAVE_FRAME();
            f->instr = this_instr;
            if (!vm_run_cold(vm, f, op, oparg)) goto error;
            break;
        }
        continue;

    miss: {
        FamilyStats *s = &STATS(miss_family);
        s->miss++;
        co->istats[INDEX()].misses++;
        if (--ip[0] == 0) {
            *this_instr = (uint16_t)((*this_instr & 0xff00) | opcode_adaptive_of(miss_family));
            ip[0] = ADAPTIVE_COUNTER_START;
            s->deopt++;
            co->istats[INDEX()].deopts++;
        }
        op = miss_family;
        goto dispatch;
    }

    unbound_local:
        exc_raise(vm, &exc_UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
                  co->varnames[oparg]->data);
        goto error;

    error: {
        /* The one unwinding path. The raising instruction goes into the traceback (unless this
         * is a re-raise), then the frame's exception table is searched; without a handler the
         * frame is popped and the search goes on in its caller at the call instruction. */
        uint16_t *at = this_instr;
        kwnames = NULL;
        if (vm->exc == VALUE_NULL) exc_raise(vm, &exc_SystemError, "error return without exception set");
        vm_set_exception_context(vm);
        for (;;) {
            if (!vm->reraise && !vm_add_traceback(vm, f->code, (uint32_t)(at - f->code->code))) exc_raise_memory(vm);
            vm->reraise = 0;
            ExcEntry *h = vm_find_handler(f->code, (uint32_t)(at - f->code->code));
            if (h) {
                sp = f->locals + f->code->nlocals + h->depth;
                if (h->lasti) PUSH(value_from_int(at - f->code->code));
                PUSH(vm->exc);
                vm->exc = VALUE_NULL;
                f->ip = f->code->code + h->target;
                RUN_FRAME();
            }
            if (f->resumer) {
                /* A generator resumed inline raised: finished, as gen_send leaves it (the
                 * exception may become RuntimeError), and the waiting instruction raises it. */
                gen_finish_raised(vm, f->gen);
                vm_set_exception_context(vm);
            }
            vm->nframes--;
            if (vm->nframes == entry_depth) return VALUE_ERROR;
            f = &vm->frames[vm->nframes - 1];
            at = f->instr;
        }
    }
    }
done:
    return result;
#undef RUN_FRAME
#undef SAVE_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef sp
#undef INDEX
#undef STATS
#undef HIT
#undef CHECK
#undef DEOPT_IF
#undef SAFEPOINT
#undef CALL_SHAPE
#undef ADAPTIVE
#undef ENTER_CALLEE
#undef RESUME_INLINE
}
