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

Type iter_list_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "list_iterator", .base = &type_object};
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

static Value iter_list_next(VM *vm, Value itv) {
    (void)vm;
    return iter_list_step(value_as_ptr(itv));
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

/* ---- the old sequence protocol: iter(obj) for an object with __getitem__ and no __iter__ calls
 * obj[0], obj[1], ... until IndexError or StopIteration (CPython's "iterator" type, seqiterobject).
 * v[0] the sequence (VALUE_NULL once exhausted), n[0] the next index. ---- */

static Type iter_getitem_type = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "iterator", .base = &type_object};

static Value iter_getitem_next(VM *vm, Value itv) {
    IterObj *it = value_as_ptr(itv);
    if (it->v[0] == VALUE_NULL) return VALUE_NULL;
    if (!smallint_fits(it->n[0])) return exc_raise(vm, &exc_OverflowError, "iter index too large");
    Value r = op_subscr(vm, it->v[0], value_from_int(it->n[0]));
    if (r == VALUE_ERROR) {
        if (value_is_kind(vm->exc, OBJ_EXCEPTION)) {
            Type *t = ((Exception *)value_as_ptr(vm->exc))->type;
            if (type_is_subtype(t, &exc_IndexError) || type_is_subtype(t, &exc_StopIteration)) {
                vm->exc = VALUE_NULL;
                it->v[0] = VALUE_NULL;
                return VALUE_NULL;
            }
        }
        return VALUE_ERROR;
    }
    it->n[0]++;
    return r;
}

Value iter_getitem_new(VM *vm, Value seq) {
    IterObj *it = iter_new(vm, &iter_getitem_type);
    if (!it) return exc_raise_memory(vm);
    it->v[0] = seq;
    it->n[0] = 0;
    return value_from_ptr(it);
}

int iter_contains(VM *vm, Value container, Value item) {
    Value it = op_get_iter(vm, container);
    if (it == VALUE_ERROR || !gc_root_push(vm, it)) return -1;
    int found = 0;
    for (;;) {
        Value x = op_iter_next(vm, it);
        if (x == VALUE_ERROR) found = -1;
        if (x == VALUE_ERROR || x == VALUE_NULL) break;
        int eq = x == item ? 1 : op_equal(vm, x, item);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return found;
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
    Type *types[] = {&iter_list_type, &iter_tuple_type, &iter_list_reversed_type, &iter_getitem_type};
    for (int i = 0; i < 4; i++) types[i]->iter = iter_self;
    iter_getitem_type.next = iter_getitem_next;
    iter_list_type.next = iter_list_next;
    iter_tuple_type.next = iter_seq_next;
    iter_list_reversed_type.next = iter_seq_reversed_next;
    builtins_iter_init_types();
}
