/* Generators: a function's frame kept on the heap between yields. */
#ifndef ANOLE_GENERATOR_H
#define ANOLE_GENERATOR_H

#include "object.h"

typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE } GenState;

typedef struct Generator {
    Obj hdr;
    Function *func;
    Code *code;
    Dict *globals;
    Value *slots;            /* the frame's locals and value stack, code->nlocals + stacksize */
    uint32_t nslots;
    uint32_t spoff;          /* stack depth (from slots) while suspended */
    uint16_t *ip;            /* where to resume */
    uint8_t state;
    Value retval;            /* the value of `return` once done */
} Generator;

/* Made by RETURN_GENERATOR from the running frame (its slots, stack and resume point). */
Generator *gen_new(VM *vm, Function *fn, Code *code, Dict *globals, Value *locals, Value *sp, uint16_t *ip);
/* Resumes with `value` (None for next()). Returns the yielded value, VALUE_NULL when the generator
 * finished (its return value in gen->retval), or VALUE_ERROR. */
Value gen_send(VM *vm, Generator *g, Value value);
/* Whether sending value may resume g at once, without an error gen_send would raise (a running
 * or finished generator, a non-None value into a new one). */
static inline int gen_resumable(const Generator *g, Value value) {
    return g->state == GEN_SUSPENDED || (g->state == GEN_CREATED && value == VALUE_NONE);
}
/* g's frame ended by raising vm->exc: g is finished, and a StopIteration that escaped it becomes
 * RuntimeError (PEP 479). */
void gen_finish_raised(VM *vm, Generator *g);
void generator_init_types(void);

#endif
