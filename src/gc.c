/* The heap: a precise, non-moving mark-and-sweep collector. Roots are exactly the VM's own
 * references (frames and their value stacks, the namespaces, the interned strings, the exception
 * being raised, the last run's code), because the C stack cannot be scanned in WebAssembly.
 * Collection runs only at the evaluation loop's safe points, never inside gc_alloc. */
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "vm.h"

/* How many freed objects each size class keeps at most, so a burst of garbage does not stay
 * reserved for ever. Under AddressSanitizer nothing is kept, so use-after-free stays visible. */
#ifndef GC_FREE_KEEP
#ifdef __SANITIZE_ADDRESS__
#define GC_FREE_KEEP 0
#else
#define GC_FREE_KEEP 4096
#endif
#endif
static const uint32_t gc_free_keep = GC_FREE_KEEP;

/* The size class of an object of size bytes, or -1 for a big one (plain malloc and free). */
static int gc_size_class(size_t size) {
    size_t k = (size + GC_CLASS_BYTES - 1) / GC_CLASS_BYTES;
    return k <= GC_SIZE_CLASSES ? (int)k - 1 : -1;
}

/* The block class of a block of size bytes, or -1 for a big one (plain malloc and free). */
static int gc_block_class(size_t bytes) {
    if (bytes <= GC_SIZE_CLASSES * GC_CLASS_BYTES) return gc_size_class(bytes);
    int cls = GC_SIZE_CLASSES;
    for (size_t cap = 256; cap < bytes; cap <<= 1) cls++;
    return cls < GC_BLOCK_CLASSES ? cls : -1;
}

static size_t gc_block_class_bytes(int cls) {
    return cls < GC_SIZE_CLASSES ? (size_t)(cls + 1) * GC_CLASS_BYTES : (size_t)256 << (cls - GC_SIZE_CLASSES);
}

/* How many freed blocks of class cls to keep: gc_free_keep, and at most a megabyte of the big ones
 * (a shift, not a division: this runs at every free). */
static uint32_t gc_block_keep(int cls) {
    if (cls < GC_SIZE_CLASSES) return gc_free_keep;
    uint32_t most = (uint32_t)1 << (20 - 8 - (cls - GC_SIZE_CLASSES));   /* 1 MB / (256 << k) */
    return most < gc_free_keep ? most : gc_free_keep;
}

/* Whether growing the heap by bytes would pass the heap limit (then allocation fails, and the
 * caller raises MemoryError). Blocks count too: a list of ints is mostly its item array. */
static int gc_over_limit(VM *vm, size_t bytes) { return vm->heap_limit && vm->heap_bytes + bytes > vm->heap_limit; }

/* A collection is due: the next safe point takes its slow path (vm_safepoint), which collects.
 * The evaluation loop checks nothing else at a safe point than vm->poll_budget. */
static void gc_check_due(VM *vm) {
    if (vm->heap_bytes > vm->next_gc) vm->poll_budget = 0;
}

/* Zeroes a reused object of size class cls, (cls + 1) * 16 bytes. Not memset: for so few bytes gcc
 * emits `rep stos`, and WebAssembly calls a C loop, each dearer than these stores (fannkuch
 * allocates a million objects a second). */
static void gc_zero_small(void *o, int cls) {
    _Static_assert(GC_CLASS_BYTES == 16 && GC_SIZE_CLASSES == 12, "one case per size class");
    uint64_t *w = o;
    switch (cls) {
    case 11: w[22] = w[23] = 0; /* fall through */
    case 10: w[20] = w[21] = 0; /* fall through */
    case 9: w[18] = w[19] = 0; /* fall through */
    case 8: w[16] = w[17] = 0; /* fall through */
    case 7: w[14] = w[15] = 0; /* fall through */
    case 6: w[12] = w[13] = 0; /* fall through */
    case 5: w[10] = w[11] = 0; /* fall through */
    case 4: w[8] = w[9] = 0; /* fall through */
    case 3: w[6] = w[7] = 0; /* fall through */
    case 2: w[4] = w[5] = 0; /* fall through */
    case 1: w[2] = w[3] = 0; /* fall through */
    default: w[0] = w[1] = 0;
    }
}

void *gc_alloc(VM *vm, size_t size, ObjKind kind) {
    if (gc_over_limit(vm, size)) return NULL;
    int cls = gc_size_class(size);
    Obj *o;
    if (cls >= 0 && vm->free_objects[cls]) {
        o = vm->free_objects[cls];
        vm->free_objects[cls] = o->gc_next;
        vm->free_counts[cls]--;
        gc_zero_small(o, cls);
    } else {
        /* Small objects get their class's full size, so any object of the class can reuse them. */
        o = calloc(1, cls >= 0 ? (size_t)(cls + 1) * GC_CLASS_BYTES : size);
        if (!o) return NULL;
    }
    o->kind = (uint8_t)kind;
    o->size = (uint32_t)size;
    o->gc_next = vm->objects;
    vm->objects = o;
    vm->heap_bytes += size;
    gc_check_due(vm);
    return o;
}

void gc_track_bytes(VM *vm, long delta) {
    vm->heap_bytes += (size_t)delta;
    gc_check_due(vm);
}

void *gc_block_alloc(VM *vm, size_t bytes) {
    if (gc_over_limit(vm, bytes)) return NULL;
    int cls = gc_block_class(bytes);
    if (cls < 0) return malloc(bytes);
    void *b = vm->free_blocks[cls];
    if (b) {
        memcpy(&vm->free_blocks[cls], b, sizeof(void *));
        vm->free_block_counts[cls]--;
        return b;
    }
    return malloc(gc_block_class_bytes(cls));
}

void gc_block_free(VM *vm, void *block, size_t bytes) {
    int cls = gc_block_class(bytes);
    if (!block) return;
    if (cls >= 0 && vm->free_block_counts[cls] < gc_block_keep(cls)) {
        memcpy(block, &vm->free_blocks[cls], sizeof(void *));
        vm->free_blocks[cls] = block;
        vm->free_block_counts[cls]++;
        return;
    }
    free(block);
}

void *gc_block_realloc(VM *vm, void *block, size_t old_bytes, size_t new_bytes) {
    if (!block) return gc_block_alloc(vm, new_bytes);
    if (new_bytes > old_bytes && gc_over_limit(vm, new_bytes - old_bytes)) return NULL;
    int old_cls = gc_block_class(old_bytes), new_cls = gc_block_class(new_bytes);
    if (old_cls < 0 && new_cls < 0) return realloc(block, new_bytes);
    if (old_cls >= 0 && old_cls == new_cls) return block;
    void *b = gc_block_alloc(vm, new_bytes);
    if (!b) return NULL;
    memcpy(b, block, old_bytes < new_bytes ? old_bytes : new_bytes);
    gc_block_free(vm, block, old_bytes);
    return b;
}

int gc_root_push(VM *vm, Value v) {
    if (vm->nroots == vm->caproots) {
        size_t cap = vm->caproots ? vm->caproots * 2 : 64;
        Value *p = realloc(vm->roots, cap * sizeof *p);
        if (!p) {
            exc_raise_memory(vm);
            return 0;
        }
        vm->roots = p;
        vm->caproots = cap;
    }
    vm->roots[vm->nroots++] = v;
    return 1;
}

void gc_root_pop(VM *vm, int n) { vm->nroots -= (size_t)n; }

typedef struct {
    Obj **items;
    size_t len, cap;
    int overflowed;          /* an object was marked but could not be remembered */
} GrayStack;

/* Marks o and remembers it for tracing. When the mark stack cannot grow (memory is exhausted,
 * the usual moment for a big collection) the object stays marked but untraced; the collector
 * then rescans the heap for such objects (gc_rescan) instead of failing. */
static void gc_push(GrayStack *g, Obj *o) {
    if (!o || o->marked) return;
    o->marked = 1;
    if (g->len == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1024;
        Obj **p = realloc(g->items, cap * sizeof *p);
        if (!p) {
            g->overflowed = 1;
            return;
        }
        g->items = p;
        g->cap = cap;
    }
    g->items[g->len++] = o;
}

static void gc_push_value(GrayStack *g, Value v) {
    if (value_is_obj(v)) gc_push(g, value_as_obj(v));
}

static void gc_push_value_cb(void *ctx, Value v) { gc_push_value(ctx, v); }

static void gc_trace(GrayStack *g, Obj *o) {
    switch ((ObjKind)o->kind) {
    case OBJ_LIST: {
        List *l = (List *)o;
        for (uint32_t i = 0; i < l->len; i++) gc_push_value(g, l->items[i]);
        break;
    }
    case OBJ_TUPLE: {
        Tuple *t = (Tuple *)o;
        for (uint32_t i = 0; i < t->len; i++) gc_push_value(g, t->items[i]);
        break;
    }
    case OBJ_DICT:
    case OBJ_SET:
    case OBJ_FROZENSET: {
        Dict *d = (Dict *)o;
        for (uint32_t i = 0; i < d->nentries; i++) {
            gc_push_value(g, d->entries[i].key);
            gc_push_value(g, d->entries[i].value);
        }
        break;
    }
    case OBJ_CODE: {
        Code *c = (Code *)o;
        gc_push(g, &c->name->hdr);
        gc_push(g, &c->qualname->hdr);
        gc_push(g, &c->filename->hdr);
        for (uint32_t i = 0; i < c->nconsts; i++) gc_push_value(g, c->consts[i]);
        for (uint32_t i = 0; i < c->nnames; i++) gc_push(g, &c->names[i]->hdr);
        for (uint32_t i = 0; i < c->nlocals; i++) gc_push(g, &c->varnames[i]->hdr);
        break;
    }
    case OBJ_FUNCTION: {
        Function *f = (Function *)o;
        gc_push(g, &f->code->hdr);
        gc_push(g, &f->globals->hdr);
        if (f->defaults) gc_push(g, &f->defaults->hdr);
        if (f->kwdefaults) gc_push(g, &f->kwdefaults->hdr);
        if (f->closure) gc_push(g, &f->closure->hdr);
        if (f->annotations) gc_push(g, &f->annotations->hdr);
        if (f->dict) gc_push(g, &f->dict->hdr);
        if (f->qualname) gc_push(g, &f->qualname->hdr);
        if (f->owner) gc_push(g, &f->owner->hdr);
        gc_push_value(g, f->doc);
        break;
    }
    case OBJ_EXCEPTION: {
        Exception *e = (Exception *)o;
        gc_push(g, &e->type->hdr);
        gc_push_value(g, e->message);
        if (e->traceback) gc_push(g, &e->traceback->hdr);
        if (e->args) gc_push(g, &e->args->hdr);
        if (e->dict) gc_push(g, &e->dict->hdr);
        gc_push_value(g, e->cause);
        gc_push_value(g, e->context);
        break;
    }
    case OBJ_TRACEBACK: {
        Traceback *t = (Traceback *)o;
        if (t->next) gc_push(g, &t->next->hdr);
        gc_push(g, &t->code->hdr);
        break;
    }
    case OBJ_ITER: {
        IterObj *it = (IterObj *)o;
        gc_push(g, &it->type->hdr);
        for (int i = 0; i < 4; i++) gc_push_value(g, it->v[i]);
        break;
    }
    case OBJ_BOUND_METHOD:
        gc_push_value(g, ((BoundMethod *)o)->self);
        gc_push_value(g, ((BoundMethod *)o)->func);
        break;
    case OBJ_INSTANCE: {
        Instance *in = (Instance *)o;
        gc_push(g, &in->cls->hdr);
        if (in->dict) gc_push(g, &in->dict->hdr);
        for (uint32_t i = 0; i < in->nslots; i++) gc_push_value(g, in->slots[i]);
        break;
    }
    case OBJ_TYPE: {
        Type *t = (Type *)o;
        if (t->base) gc_push(g, &t->base->hdr);
        if (t->dict) gc_push(g, &t->dict->hdr);
        if (t->mro) gc_push(g, &t->mro->hdr);
        if (t->name_str) gc_push(g, &t->name_str->hdr);
        if (t->slot_names) gc_push(g, &t->slot_names->hdr);
        if (t->instance_keys) gc_push(g, &t->instance_keys->hdr);
        if (t->subclasses) gc_push(g, &t->subclasses->hdr);
        break;
    }
    case OBJ_CELL: gc_push_value(g, ((Cell *)o)->value); break;
    case OBJ_MODULE:
        gc_push(g, &((Module *)o)->name->hdr);
        gc_push(g, &((Module *)o)->dict->hdr);
        break;
    case OBJ_SLICE:
        gc_push_value(g, ((Slice *)o)->start);
        gc_push_value(g, ((Slice *)o)->stop);
        gc_push_value(g, ((Slice *)o)->step);
        break;
    case OBJ_WRAPPER:
        gc_push_value(g, ((Wrapper *)o)->a);
        gc_push_value(g, ((Wrapper *)o)->b);
        gc_push_value(g, ((Wrapper *)o)->c);
        break;
    case OBJ_GENERATOR: gc_trace_generator(o, gc_push_value_cb, g); break;
    case OBJ_STR: case OBJ_BUILTIN: case OBJ_RANGE: case OBJ_BIGINT: case OBJ__COUNT: break;
    }
}

/* Frees o and what it owns; returns the bytes that counted in heap_bytes (the object's and its
 * blocks'), for the caller to subtract once: the sweep frees thousands of objects at a time. */
static size_t gc_free_object(VM *vm, Obj *o) {
    size_t bytes = o->size;
    switch ((ObjKind)o->kind) {
    case OBJ_LIST:
        bytes += ((List *)o)->cap * sizeof(Value);
        gc_block_free(vm, ((List *)o)->items, ((List *)o)->cap * sizeof(Value));
        break;
    case OBJ_DICT: {
        Dict *d = (Dict *)o;
        bytes += d->entcap * sizeof(DictEntry) + d->indexcap * sizeof(int32_t);
        gc_block_free(vm, d->entries, d->entcap * sizeof(DictEntry));
        gc_block_free(vm, d->index, d->indexcap * sizeof(int32_t));
        break;
    }
    case OBJ_SET:
    case OBJ_FROZENSET: {
        Dict *s = (Dict *)o;   /* no index: Dict.set holds its counters (set.c) */
        bytes += s->entcap * sizeof(DictEntry);
        gc_block_free(vm, s->entries, s->entcap * sizeof(DictEntry));
        break;
    }
    case OBJ_CODE: {
        Code *c = (Code *)o;
        free(c->code);
        free(c->consts);
        free(c->names);
        free(c->name_hints);
        free(c->varnames);
        free(c->positions);
        free(c->istats);
        free(c->hits);
        free(c->exctable);
        break;
    }
    case OBJ_GENERATOR: bytes += gc_free_generator(vm, o); break;
    default: break;
    }
    int cls = gc_size_class(o->size);
    if (cls >= 0 && vm->free_counts[cls] < gc_free_keep) {
        o->gc_next = vm->free_objects[cls];
        vm->free_objects[cls] = o;
        vm->free_counts[cls]++;
        return bytes;
    }
    free(o);
    return bytes;
}

/* Gives the kept small objects back to malloc (when the interpreter is freed). */
static void gc_release_free_objects(VM *vm) {
    for (int cls = 0; cls < GC_SIZE_CLASSES; cls++) {
        while (vm->free_objects[cls]) {
            Obj *o = vm->free_objects[cls];
            vm->free_objects[cls] = o->gc_next;
            free(o);
        }
        vm->free_counts[cls] = 0;
    }
    for (int cls = 0; cls < GC_BLOCK_CLASSES; cls++) {
        while (vm->free_blocks[cls]) {
            void *b = vm->free_blocks[cls];
            memcpy(&vm->free_blocks[cls], b, sizeof(void *));
            free(b);
        }
        vm->free_block_counts[cls] = 0;
    }
}

static void gc_trace(GrayStack *g, Obj *o);

/* After a mark-stack overflow: trace the children of every marked object again. Objects whose
 * children are all marked add nothing; the loop ends when a pass overflows no more. */
static void gc_rescan(VM *vm, GrayStack *g) {
    while (g->overflowed) {
        g->overflowed = 0;
        for (Obj *o = vm->objects; o; o = o->gc_next) {
            if (!o->marked) continue;
            gc_trace(g, o);
            while (g->len) gc_trace(g, g->items[--g->len]);
        }
    }
}

void gc_collect(VM *vm) {
    GrayStack g = {vm->gray, 0, vm->gray_cap, 0};
    gc_push(&g, vm->builtins ? &vm->builtins->hdr : NULL);
    gc_push(&g, vm->globals ? &vm->globals->hdr : NULL);
    gc_push(&g, vm->interned ? &vm->interned->hdr : NULL);
    gc_push(&g, vm->module_code ? &vm->module_code->hdr : NULL);
    gc_push(&g, vm->memory_error ? &vm->memory_error->hdr : NULL);
    gc_push(&g, vm->last_error ? &vm->last_error->hdr : NULL);
    gc_push_value(&g, vm->exc);
    gc_push_value(&g, vm->handled);
    gc_push_value(&g, vm->stderr_marker);
    /* The scratch slice is no heap object, but it may hold the bounds of a subscript under way. */
    gc_push_value(&g, vm->scratch_slice.start);
    gc_push_value(&g, vm->scratch_slice.stop);
    gc_push_value(&g, vm->scratch_slice.step);
    for (size_t i = 0; i < vm->nroots; i++) gc_push_value(&g, vm->roots[i]);
    for (int i = 0; i < VM_STATIC_TYPES; i++)
        if (vm->static_type_dicts[i]) gc_push(&g, &vm->static_type_dicts[i]->hdr);
    gc_push(&g, vm->modules ? &vm->modules->hdr : NULL);
    for (int i = 0; i < vm->nframes; i++) {
        Frame *f = &vm->frames[i];
        gc_push(&g, &f->code->hdr);
        gc_push(&g, &f->globals->hdr);
        /* The running function: a lambda or comprehension called at once may be held by nothing
         * else, and super() reads it (its owner class). */
        if (f->func) gc_push(&g, &f->func->hdr);
        if (f->locals_dict) gc_push(&g, &f->locals_dict->hdr);
        gc_push_value(&g, f->init_self);
        for (Value *v = f->locals; v < f->stack_top; v++) gc_push_value(&g, *v);
    }
    while (g.len) gc_trace(&g, g.items[--g.len]);
    gc_rescan(vm, &g);
    vm->gray = g.items;
    vm->gray_cap = g.cap;

    Obj **link = &vm->objects;
    size_t freed = 0;
    while (*link) {
        Obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->gc_next;
        } else {
            *link = o->gc_next;
            freed += gc_free_object(vm, o);
        }
    }
    vm->heap_bytes -= freed;
    vm->next_gc = vm->heap_bytes * 2 > GC_MIN_THRESHOLD ? vm->heap_bytes * 2 : GC_MIN_THRESHOLD;
}

void gc_free_all(VM *vm) {
    Obj *o = vm->objects;
    while (o) {
        Obj *next = o->gc_next;
        gc_free_object(vm, o);
        o = next;
    }
    vm->objects = NULL;
    vm->heap_bytes = 0;
    gc_release_free_objects(vm);
}
