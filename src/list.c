/* list and tuple. */
#include <stdlib.h>

#include "runtime.h"
#include "vm.h"

List *list_new(VM *vm, uint32_t cap) {
    List *l = gc_alloc(vm, sizeof(List), OBJ_LIST);
    if (!l) return NULL;
    if (cap) {
        l->items = malloc(cap * sizeof(Value));
        if (!l->items) return NULL;
        l->cap = cap;
        gc_track_bytes(vm, (long)(cap * sizeof(Value)));
    }
    return l;
}

int list_append(VM *vm, List *l, Value v) {
    if (l->len == l->cap) {
        uint32_t cap = l->cap < 4 ? 4 : l->cap + l->cap / 2 + 1;
        Value *items = realloc(l->items, cap * sizeof(Value));
        if (!items) return 0;
        gc_track_bytes(vm, (long)((cap - l->cap) * sizeof(Value)));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = v;
    return 1;
}

Tuple *tuple_new(VM *vm, uint32_t len) {
    Tuple *t = gc_alloc(vm, sizeof(Tuple) + len * sizeof(Value), OBJ_TUPLE);
    if (!t) return NULL;
    t->len = len;
    for (uint32_t i = 0; i < len; i++) t->items[i] = VALUE_NONE;
    return t;
}


static Value list_construct(VM *vm, Value *args, int nargs, Tuple *kwnames) {
    (void)kwnames;
    List *l = list_new(vm, 0);
    if (!l) return exc_raise_memory(vm);
    if (nargs == 0) return value_from_ptr(l);
    Value it = op_get_iter(vm, args[0]);
    if (it == VALUE_ERROR) return VALUE_ERROR;
    for (;;) {
        Value v = op_iter_next(vm, it);
        if (v == VALUE_ERROR) return VALUE_ERROR;
        if (v == VALUE_NULL) return value_from_ptr(l);
        if (!list_append(vm, l, v)) return exc_raise_memory(vm);
    }
}

void list_init_types(void) { type_list.construct = list_construct; }
