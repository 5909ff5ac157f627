/* Generators. RETURN_GENERATOR copies the new frame's slots into a Generator and returns it;
 * each resumption pushes a frame whose slots are the generator's own storage and runs it until
 * YIELD_VALUE (which saves the resume point) or the frame returns: in the loop of the FOR_ITER or
 * SEND that resumed it (vm.c, RESUME_INLINE), or, from C (gen_send), in a nested loop. */
#include "generator.h"

#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "runtime.h"
#include "vm.h"

Generator *gen_new(VM *vm, Function *fn, Code *code, Dict *globals, Value *locals, Value *sp, uint16_t *ip) {
    Generator *g = gc_alloc(vm, sizeof(Generator), OBJ_GENERATOR);
    if (!g) return NULL;
    g->nslots = code->nlocals + code->stacksize;
    /* From the collector's size classes: n-queens makes a generator per placement tried. */
    g->slots = gc_block_alloc(vm, sizeof(Value) * (g->nslots ? g->nslots : 1));
    if (!g->slots) {
        /* The half-made generator stays in the heap until collected: give it nothing to trace
         * or free. */
        g->nslots = 0;
        g->code = code;
        g->globals = globals;
        g->retval = VALUE_NONE;
        g->state = GEN_DONE;
        return NULL;
    }
    gc_track_bytes(vm, (long)(sizeof(Value) * g->nslots));
    uint32_t used = (uint32_t)(sp - locals);
    for (uint32_t i = 0; i < g->nslots; i++) g->slots[i] = i < used ? locals[i] : VALUE_NULL;
    g->func = fn;
    g->code = code;
    g->globals = globals;
    g->spoff = used;
    g->ip = ip;
    g->state = GEN_CREATED;
    g->retval = VALUE_NONE;
    return g;
}

void gc_trace_generator(Obj *o, void (*mark)(void *ctx, Value v), void *ctx) {
    Generator *g = (Generator *)o;
    if (g->func) mark(ctx, value_from_ptr(g->func));
    mark(ctx, value_from_ptr(g->code));
    mark(ctx, value_from_ptr(g->globals));
    mark(ctx, g->retval);
    for (uint32_t i = 0; i < g->nslots; i++) mark(ctx, g->slots[i]);
}

size_t gc_free_generator(VM *vm, Obj *o) {
    Generator *g = (Generator *)o;
    gc_block_free(vm, g->slots, sizeof(Value) * (g->nslots ? g->nslots : 1));
    return sizeof(Value) * g->nslots;
}

void gen_finish_raised(VM *vm, Generator *g) {
    g->state = GEN_DONE;
    if (value_is_kind(vm->exc, OBJ_EXCEPTION) &&
        type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_StopIteration)) {
        Value cause = vm->exc;
        vm->exc = VALUE_NULL;
        exc_raise(vm, &exc_RuntimeError, "generator raised StopIteration");
        ((Exception *)value_as_ptr(vm->exc))->cause = cause;
    }
}

Value gen_send(VM *vm, Generator *g, Value value) {
    if (g->state == GEN_RUNNING) return exc_raise(vm, &exc_ValueError, "generator already executing");
    if (g->state == GEN_DONE) {
        g->retval = VALUE_NONE;
        return VALUE_NULL;
    }
    if (g->state == GEN_CREATED && value != VALUE_NONE && value != VALUE_ERROR)
        return exc_raise(vm, &exc_TypeError, "can't send non-None value to a just-started generator");
    Value r = vm_resume_generator(vm, g, value);
    if (r == VALUE_ERROR) {
        gen_finish_raised(vm, g);
        return VALUE_ERROR;
    }
    if (g->state == GEN_RUNNING) {
        g->state = GEN_DONE;
        g->retval = r;
        return VALUE_NULL;
    }
    return r;
}

static Value gen_iter(VM *vm, Value v) {
    (void)vm;
    return v;
}

static Value gen_next(VM *vm, Value v) { return gen_send(vm, value_as_ptr(v), VALUE_NONE); }

static Value gen_stop(VM *vm, Generator *g);
static Value gen_stop_impl(VM *vm, Generator *g) {
    Value args[1] = {g->retval};
    Exception *e = exc_new(vm, &exc_StopIteration, g->retval == VALUE_NONE ? VALUE_NULL : g->retval);
    if (!e) return exc_raise_memory(vm);
    e->cause = e->context = VALUE_NULL;
    (void)args;
    vm->exc = value_from_ptr(e);
    return VALUE_ERROR;
}

static Value gen_stop(VM *vm, Generator *g) { return gen_stop_impl(vm, g); }

static Value gen_method_send(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "send() takes exactly one argument (%d given)", nargs - 1);
    Generator *g = value_as_ptr(args[0]);
    Value r = gen_send(vm, g, args[1]);
    return r == VALUE_NULL ? gen_stop(vm, g) : r;
}

/* Raises exc inside a suspended generator, at the point it waits; returns what it yields next,
 * VALUE_NULL when it finishes, or VALUE_ERROR. */
static Value gen_throw_here(VM *vm, Generator *g, Value exc) {
    vm->exc = exc;
    return gen_send(vm, g, VALUE_ERROR);
}

/* The iterator a generator suspended in `yield from` delegates to, found as CPython's _PyGen_yf
 * finds it: the top of the generator's stack while it waits at the RESUME 2 that follows that
 * YIELD_VALUE. VALUE_NULL for any other generator. */
static Value gen_delegate(const Generator *g) {
    if (g->state != GEN_SUSPENDED || g->spoff == 0) return VALUE_NULL;
    int op = g->ip[0] & 0xff;
    if ((op != OP_RESUME && op != OP_RESUME_QUICK) || (g->ip[0] >> 8) < 2 || (g->ip[-2] & 0xff) != OP_SEND)
        return VALUE_NULL;
    return g->slots[g->spoff - 1];
}

/* Ends g's `yield from` as its SEND does once the delegate is done: the delegate comes off the
 * stack and g goes on at SEND's jump target, with value (what the delegate returned) or, for
 * VALUE_ERROR, raising vm->exc there. */
static Value gen_leave_yield_from(VM *vm, Generator *g, Value value) {
    uint16_t *send = g->ip - 2;   /* SEND, YIELD_VALUE, then the RESUME g waits at */
    g->spoff--;
    g->ip = send + 1 + (send[0] >> 8);
    return value == VALUE_ERROR ? gen_throw_here(vm, g, vm->exc) : gen_send(vm, g, value);
}

static Value gen_close(VM *vm, Generator *g);

/* Closes the iterator a generator delegates to (gen_close_iter): a generator as close() does,
 * another iterator by its close method when it has one. 0 with vm->exc set if that raised. */
static int gen_close_delegate(VM *vm, Value yf) {
    if (value_is_kind(yf, OBJ_GENERATOR)) return gen_close(vm, value_as_ptr(yf)) != VALUE_ERROR;
    Str *name = str_intern(vm, "close", 5);
    Value close = name ? attr_get_opt(vm, yf, name) : VALUE_ERROR;
    if (close == VALUE_ERROR || close == VALUE_NULL) {
        vm->exc = VALUE_NULL;   /* CPython only reports a failed lookup as unraisable */
        return 1;
    }
    return call_value(vm, close, NULL, 0, NULL) != VALUE_ERROR;
}

/* generator.throw(exc), as CPython's _gen_throw: a generator that never started just finishes with
 * the exception; one suspended in `yield from` passes it on to the iterator it delegates to (for
 * GeneratorExit: closes that iterator, then raises it here) and goes on from what that did; any
 * other has it raised at its yield. */
static Value gen_throw_value(VM *vm, Generator *g, Value exc) {
    if (g->state == GEN_CREATED || g->state == GEN_DONE) {
        g->state = GEN_DONE;
        vm->exc = exc;
        return VALUE_ERROR;
    }
    if (g->state == GEN_RUNNING) return exc_raise(vm, &exc_ValueError, "generator already executing");
    Value yf = gen_delegate(g);
    if (yf == VALUE_NULL) return gen_throw_here(vm, g, exc);
    /* The delegate may run Python code, which may collect: exc is kept, and g is marked running
     * meanwhile so that nothing resumes it. */
    if (!gc_root_push(vm, exc)) return VALUE_ERROR;
    g->state = GEN_RUNNING;
    if (type_is_subtype(((Exception *)value_as_ptr(exc))->type, &exc_GeneratorExit)) {
        int closed = gen_close_delegate(vm, yf);
        g->state = GEN_SUSPENDED;
        gc_root_pop(vm, 1);
        return gen_throw_here(vm, g, closed ? exc : vm->exc);
    }
    Value r;
    if (value_is_kind(yf, OBJ_GENERATOR)) {
        Generator *sub = value_as_ptr(yf);
        r = gen_throw_value(vm, sub, exc);
        g->state = GEN_SUSPENDED;
        gc_root_pop(vm, 1);
        if (r == VALUE_NULL) return gen_leave_yield_from(vm, g, sub->retval);
    } else {
        Str *name = str_intern(vm, "throw", 5);
        Value throw = name ? attr_get_opt(vm, yf, name) : VALUE_ERROR;
        if (throw == VALUE_NULL || throw == VALUE_ERROR) {
            g->state = GEN_SUSPENDED;
            gc_root_pop(vm, 1);
            return throw == VALUE_NULL ? gen_throw_here(vm, g, exc) : VALUE_ERROR;
        }
        r = call_value(vm, throw, &exc, 1, NULL);
        g->state = GEN_SUSPENDED;
        gc_root_pop(vm, 1);
        if (r == VALUE_ERROR && value_is_kind(vm->exc, OBJ_EXCEPTION) &&
            type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_StopIteration)) {
            Value value = ((Exception *)value_as_ptr(vm->exc))->message;
            vm->exc = VALUE_NULL;
            return gen_leave_yield_from(vm, g, value == VALUE_NULL ? VALUE_NONE : value);
        }
    }
    /* The delegate raised: so does g, past its yield from. Or it yielded: so does g, in it. */
    return r == VALUE_ERROR ? gen_leave_yield_from(vm, g, VALUE_ERROR) : r;
}

static Value gen_method_throw(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 2) return exc_raise(vm, &exc_TypeError, "throw expected at least 1 argument, got 0");
    Value exc = args[1];
    if (value_is_kind(exc, OBJ_TYPE)) {
        exc = call_value(vm, exc, nargs > 2 ? &args[2] : NULL, nargs > 2 ? 1 : 0, NULL);
        if (exc == VALUE_ERROR) return exc;
    }
    if (!value_is_kind(exc, OBJ_EXCEPTION)) return exc_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
    Generator *g = value_as_ptr(args[0]);
    Value r = gen_throw_value(vm, g, exc);
    return r == VALUE_NULL ? gen_stop(vm, g) : r;
}

/* close(): GeneratorExit at the yield (after closing what a `yield from` delegates to), so that
 * finally blocks and with statements run. VALUE_NONE, or VALUE_ERROR. */
static Value gen_close(VM *vm, Generator *g) {
    if (g->state != GEN_SUSPENDED) {
        if (g->state != GEN_RUNNING) g->state = GEN_DONE;
        return g->state == GEN_RUNNING ? exc_raise(vm, &exc_ValueError, "generator already executing") : VALUE_NONE;
    }
    Exception *e = exc_new(vm, &exc_GeneratorExit, VALUE_NULL);
    if (!e) return exc_raise_memory(vm);
    Value r = gen_throw_value(vm, g, value_from_ptr(e));
    if (r == VALUE_NULL) return VALUE_NONE;
    if (r == VALUE_ERROR) {
        if (value_is_kind(vm->exc, OBJ_EXCEPTION) &&
            (type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_GeneratorExit) ||
             type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_StopIteration))) {
            vm->exc = VALUE_NULL;
            return VALUE_NONE;
        }
        return VALUE_ERROR;
    }
    return exc_raise(vm, &exc_RuntimeError, "generator ignored GeneratorExit");
}

static Value gen_method_close(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)nargs;
    (void)kw;
    return gen_close(vm, value_as_ptr(args[0]));
}

static Value gen_method_next(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)nargs;
    (void)kw;
    Generator *g = value_as_ptr(args[0]);
    Value r = gen_send(vm, g, VALUE_NONE);
    return r == VALUE_NULL ? gen_stop(vm, g) : r;
}

static int gen_repr(VM *vm, Value v, StrBuf *out) {
    (void)vm;
    Generator *g = value_as_ptr(v);
    strbuf_printf(out, "<generator object %s at %p>", g->code->qualname->data, (void *)g);
    return 1;
}

static const MethodDef generator_methods[] = {
    {"send", gen_method_send, CALLKIND_FAST}, {"close", gen_method_close, CALLKIND_FAST},
    {"throw", gen_method_throw, CALLKIND_FAST},
    {"__next__", gen_method_next, CALLKIND_FAST}, {NULL, NULL, 0},
};

void generator_init_types(void) {
    type_generator.iter = gen_iter;
    type_generator.next = gen_next;
    type_generator.repr = gen_repr;
    type_generator.methods = generator_methods;
    if (!type_generator.static_index) type_generator.static_index = 45;
}
