/* Generators: a suspended frame kept on the heap. (Being built; the collector hooks come first.) */
#include "runtime.h"
#include "vm.h"

void gc_trace_generator(Obj *gen, void (*mark)(void *ctx, Value v), void *ctx) {
    (void)gen;
    (void)mark;
    (void)ctx;
}

void gc_free_generator(VM *vm, Obj *gen) {
    (void)vm;
    (void)gen;
}
