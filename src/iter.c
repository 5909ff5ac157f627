/* The generic iterator object, the list and tuple iterators made with it, and the repr recursion
 * guard the containers share. */
#include <stdlib.h>

#include "containers.h"
#include "vm.h"

IterObj *iter_new(VM *vm, Type *type) {
    IterObj *it = gc_alloc(vm, sizeof(IterObj), OBJ_ITER);
    if (!it) return NULL;
    it->type = type;
    for (int i = 0; i < 4; i++) it->v[i] = VALUE_NULL;
    return it;
}

Value iter_self(VM *vm, Value v) {
    (void)vm;
    return v;
}

/* ---- list and tuple iterators: v[0] the sequence (VALUE_NULL once exhausted), n[0] the next
 * index. A list may grow or shrink while iterated; the index is checked against its length at
 * every step, as CPython does. ---- */

static Type iter_list_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "list_iterator", .base = &type_object};
static Type iter_tuple_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "tuple_iterator", .base = &type_object};
static Type iter_list_reversed_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "list_reverseiterator", .base = &type_object};

static Value iter_seq_next(VM *vm, Value itv) {
    (void)vm;
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    uint32_t len;
    Value *items = seq_items(it->v[0], &len);
    if (it->n[0] < (int64_t)len) return items[it->n[0]++];
    it->v[0] = VALUE_NULL;
    return VALUE_NULL;
}

static Value iter_seq_reversed_next(VM *vm, Value itv) {
    (void)vm;
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    uint32_t len;
    Value *items = seq_items(it->v[0], &len);
    if (it->n[0] >= 0 && it->n[0] < (int64_t)len) return items[it->n[0]--];
    it->v[0] = VALUE_NULL;
    return VALUE_NULL;
}

Value iter_seq_new(VM *vm, Value seq) {
    IterObj *it = iter_new(vm, value_is_kind(seq, OBJ_LIST) ? &iter_list_type : &iter_tuple_type);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = seq;
    it->n[0] = 0;
    return value_from_ptr(it);
}

Value iter_seq_reversed(VM *vm, Value list) {
    IterObj *it = iter_new(vm, &iter_list_reversed_type);
    if (!it) return exc_raise_memory(vm);
    uint32_t len;
    seq_items(list, &len);
    it->v[0] = list;
    it->n[0] = (int64_t)len - 1;
    return value_from_ptr(it);
}

/* ---- the repr guard: the objects whose repr is being built, innermost last. A plain process-wide
 * stack is enough because a VM runs on one thread and reprs nest strictly. ---- */

static Obj **repr_stack;
static size_t repr_depth, repr_cap;

int repr_enter(VM *vm, Obj *o) {
    for (size_t i = 0; i < repr_depth; i++)
        if (repr_stack[i] == o) return 1;
    if (repr_depth == repr_cap) {
        size_t cap = repr_cap ? repr_cap * 2 : 16;
        Obj **p = realloc(repr_stack, cap * sizeof *p);
        if (!p) {
            exc_raise_memory(vm);
            return -1;
        }
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void repr_leave(Obj *o) {
    /* Leave the innermost entry for o; reprs nest, so it is the last one. */
    for (size_t i = repr_depth; i-- > 0;)
        if (repr_stack[i] == o) {
            repr_depth = i;
            return;
        }
}

void iter_init_types(void) {
    Type *types[] = {&iter_list_type, &iter_tuple_type, &iter_list_reversed_type};
    for (int i = 0; i < 3; i++) types[i]->iter = iter_self;
    iter_list_type.next = iter_seq_next;
    iter_tuple_type.next = iter_seq_next;
    iter_list_reversed_type.next = iter_seq_reversed_next;
    builtins_iter_init_types();
}
