/* A bump allocator for the AST: nodes are allocated during parsing and freed all at once. */
#include <stdlib.h>
#include <string.h>

#include "ast.h"

struct ArenaBlock {
    ArenaBlock *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void *arena_alloc(Arena *a, size_t size) {
    size = (size + 15) & ~(size_t)15;
    if (!a->head || a->head->used + size > a->head->cap) {
        size_t cap = size > 65536 ? size : 65536;
        ArenaBlock *b = malloc(sizeof(ArenaBlock) + cap);
        if (!b) return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += size;
    memset(p, 0, size);
    return p;
}

void arena_free(Arena *a) {
    while (a->head) {
        ArenaBlock *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

int nodelist_push(Arena *a, NodeList *l, Node *n) {
    if (l->len == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        Node **items = arena_alloc(a, (size_t)cap * sizeof(Node *));
        if (!items) return 0;
        if (l->len) memcpy(items, l->items, (size_t)l->len * sizeof(Node *));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = n;
    return 1;
}
