/* The generic iterator object and the built-in iterators made with it. */
#include "runtime.h"
#include "vm.h"

IterObj *iter_new(VM *vm, Type *type) {
    IterObj *it = gc_alloc(vm, sizeof(IterObj), OBJ_ITER);
    if (!it) return NULL;
    it->type = type;
    for (int i = 0; i < 4; i++) it->v[i] = VALUE_NULL;
    return it;
}

void iter_init_types(void) {}
