/* The generic operations behind the evaluation loop's instructions: what runs when nothing is
 * specialized, and what specialized instructions fall back to on a miss. */
#include <stdio.h>
#include <string.h>

#include "class.h"
#include "opcode.h"
#include "runtime.h"
#include "vm.h"

static Value op_binary_type_error(VM *vm, int nb_op, Value a, Value b) {
    return exc_raise(vm, &exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                     opcode_binop_symbols[nb_op], type_of(a)->name, type_of(b)->name);
}

static Value op_repeat(VM *vm, Value seq, Value count) {
    int64_t n = value_is_bool(count) ? count == VALUE_TRUE : value_as_int(count);
    if (n < 0) n = 0;
    if (value_is_kind(seq, OBJ_STR)) {
        Str *s = value_as_ptr(seq);
        if ((uint64_t)n * s->len > (1u << 30)) return exc_raise_memory(vm);
        StrBuf b;
        strbuf_init(&b);
        for (int64_t i = 0; i < n; i++) strbuf_append(&b, s->data, s->len);
        Value r = b.failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(&b), b.len);
        strbuf_free(&b);
        return r;
    }
    List *src = value_as_ptr(seq);
    if ((uint64_t)n * src->len > (1u << 27)) return exc_raise_memory(vm);
    List *l = list_new(vm, (uint32_t)(n * src->len));
    if (!l) return exc_raise_memory(vm);
    for (int64_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < src->len; k++) l->items[l->len++] = src->items[k];
    return value_from_ptr(l);
}

Value op_binary(VM *vm, int nb_op, Value a, Value b) {
    Value r = op_binary_numbers(nb_op, a, b);
    if (r != VALUE_NULL) return r;
    /* Numbers are the values that are no objects, and big ints; num_binary_op takes two. */
    if ((!value_is_obj(a) || value_is_kind(a, OBJ_BIGINT)) && (!value_is_obj(b) || value_is_kind(b, OBJ_BIGINT))) {
        r = num_binary_op(vm, nb_op, a, b);
        if (r != VALUE_NULL) return r;
    }
    Type *ta = type_of(a), *tb = type_of(b);
    if (ta->binary) {
        r = ta->binary(vm, nb_op, a, b);
        if (r != VALUE_NULL) return r;
    }
    if (tb != ta && tb->binary) {
        r = tb->binary(vm, nb_op, a, b);
        if (r != VALUE_NULL) return r;
    }
    int op = nb_op >= NB_INPLACE ? nb_op - NB_INPLACE : nb_op;
    int a_int = value_is_int(a) || value_is_bool(a), b_int = value_is_int(b) || value_is_bool(b);
    if (op == NB_ADD && value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR))
        return str_concat(vm, value_as_ptr(a), value_as_ptr(b));
    if (op == NB_ADD && value_is_kind(a, OBJ_LIST) && value_is_kind(b, OBJ_LIST)) {
        List *x = value_as_ptr(a), *y = value_as_ptr(b);
        List *l = list_new(vm, x->len + y->len);
        if (!l) return exc_raise_memory(vm);
        if (x->len) memcpy(l->items, x->items, x->len * sizeof(Value));
        if (y->len) memcpy(l->items + x->len, y->items, y->len * sizeof(Value));
        l->len = x->len + y->len;
        return value_from_ptr(l);
    }
    if (op == NB_ADD && value_is_kind(a, OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "can only concatenate str (not \"%s\") to str", type_of(b)->name);
    if (op == NB_ADD && value_is_kind(a, OBJ_LIST))
        return exc_raise(vm, &exc_TypeError, "can only concatenate list (not \"%s\") to list", type_of(b)->name);
    if (op == NB_MULTIPLY) {
        if ((value_is_kind(a, OBJ_STR) || value_is_kind(a, OBJ_LIST)) && b_int) return op_repeat(vm, a, b);
        if ((value_is_kind(b, OBJ_STR) || value_is_kind(b, OBJ_LIST)) && a_int) return op_repeat(vm, b, a);
        if (value_is_kind(a, OBJ_STR) || value_is_kind(a, OBJ_LIST) || value_is_kind(b, OBJ_STR) || value_is_kind(b, OBJ_LIST))
            return exc_raise(vm, &exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             type_of(value_is_kind(a, OBJ_STR) || value_is_kind(a, OBJ_LIST) ? b : a)->name);
    }
    if (op == NB_POWER) {
        return exc_raise(vm, &exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                         type_of(a)->name, type_of(b)->name);
    }
    return op_binary_type_error(vm, nb_op, a, b);
}

static int op_sequence_compare(VM *vm, Value *xa, uint32_t na, Value *xb, uint32_t nb, int op, int *result) {
    uint32_t i = 0;
    for (; i < na && i < nb; i++) {
        int eq = op_equal(vm, xa[i], xb[i]);
        if (eq < 0) return 0;
        if (!eq) break;
    }
    if (i >= na || i >= nb) {
        int c = na < nb ? -1 : na > nb;
        static const int table[6][3] = {{1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {1, 0, 1}, {0, 0, 1}, {0, 1, 1}};
        *result = table[op][c + 1];
        return 1;
    }
    if (op == 2) { *result = 0; return 1; }
    if (op == 3) { *result = 1; return 1; }
    Value r = op_compare(vm, op, xa[i], xb[i]);
    if (r == VALUE_ERROR) return 0;
    int t = op_truthy(vm, r);
    if (t < 0) return 0;
    *result = t;
    return 1;
}


static const int op_swapped_compare[6] = {4, 5, 2, 3, 0, 1};

Value op_compare(VM *vm, int op, Value a, Value b) {
    int result;
    if (num_compare(a, b, op, &result)) return value_from_bool(result);
    Type *ta = type_of(a), *tb = type_of(b);
    if (ta->compare || tb->compare) {
        if (++vm->c_depth > VM_MAX_C_DEPTH) {
            vm->c_depth--;
            return exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded in comparison");
        }
        Value r = ta->compare ? ta->compare(vm, op, a, b) : VALUE_NULL;
        if (r == VALUE_NULL && tb->compare) r = tb->compare(vm, op_swapped_compare[op], b, a);
        vm->c_depth--;
        if (r != VALUE_NULL) return r;
    }
    if (value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR)) {
        Str *x = value_as_ptr(a), *y = value_as_ptr(b);
        uint32_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->data, y->data, n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
        switch (op) {
        case 0: return value_from_bool(c < 0);
        case 1: return value_from_bool(c <= 0);
        case 2: return value_from_bool(c == 0);
        case 3: return value_from_bool(c != 0);
        case 4: return value_from_bool(c > 0);
        default: return value_from_bool(c >= 0);
        }
    }
    if ((value_is_kind(a, OBJ_LIST) && value_is_kind(b, OBJ_LIST)) ||
        (value_is_kind(a, OBJ_TUPLE) && value_is_kind(b, OBJ_TUPLE))) {
        Value *xa, *xb;
        uint32_t na, nb;
        if (value_is_kind(a, OBJ_LIST)) {
            xa = ((List *)value_as_ptr(a))->items, na = ((List *)value_as_ptr(a))->len;
            xb = ((List *)value_as_ptr(b))->items, nb = ((List *)value_as_ptr(b))->len;
        } else {
            xa = ((Tuple *)value_as_ptr(a))->items, na = ((Tuple *)value_as_ptr(a))->len;
            xb = ((Tuple *)value_as_ptr(b))->items, nb = ((Tuple *)value_as_ptr(b))->len;
        }
        if (!op_sequence_compare(vm, xa, na, xb, nb, op, &result)) return VALUE_ERROR;
        return value_from_bool(result);
    }
    if (op == 2) return value_from_bool(a == b);
    if (op == 3) return value_from_bool(a != b);
    return exc_raise(vm, &exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                     opcode_compare_symbols[op], type_of(a)->name, type_of(b)->name);
}

int op_equal(VM *vm, Value a, Value b) {
    if (a == b && !value_is_float(a)) return 1;
    Value r = op_compare(vm, 2, a, b);
    if (r == VALUE_ERROR) return -1;
    return r == VALUE_TRUE;
}

static int op_key_equal_at(Value a, Value b, int depth) {
    if (a == b) return !value_is_float(a) || value_as_float(a) == value_as_float(a);
    int result;
    if (num_compare(a, b, 2, &result)) return result;
    if (value_is_kind(a, OBJ_STR) && value_is_kind(b, OBJ_STR)) return str_equal(value_as_ptr(a), value_as_ptr(b));
    if (value_is_kind(a, OBJ_TUPLE) && value_is_kind(b, OBJ_TUPLE) && depth < VM_MAX_PURE_DEPTH) {
        Tuple *x = value_as_ptr(a), *y = value_as_ptr(b);
        if (x->len != y->len) return 0;
        for (uint32_t i = 0; i < x->len; i++)
            if (!op_key_equal_at(x->items[i], y->items[i], depth + 1)) return 0;
        return 1;
    }
    return 0;
}

int op_key_equal(Value a, Value b) { return op_key_equal_at(a, b, 0); }

uint64_t value_hash(Value v) {
    if (value_is_kind(v, OBJ_STR)) return str_hash((Str *)value_as_obj(v));
    if (value_is_int(v)) return (uint64_t)value_as_int(v) * 0x9e3779b97f4a7c15ull;
    if (value_is_bool(v)) return (uint64_t)(v == VALUE_TRUE) * 0x9e3779b97f4a7c15ull;
    if (value_is_float(v)) {
        double d = value_as_float(v);
        /* Equal numbers must hash equally: integral floats hash like the int. */
        if (d == (double)(int64_t)d && d >= -9.2e18 && d <= 9.2e18) return (uint64_t)(int64_t)d * 0x9e3779b97f4a7c15ull;
        return v * 0xff51afd7ed558ccdull;
    }
    return v * 0xc4ceb9fe1a85ec53ull;
}

Value op_unary_negative(VM *vm, Value v) {
    if (num_is_number(v)) return num_negate(vm, v);
    Type *t = type_of(v);
    if (t->unary) {
        Value r = t->unary(vm, OP_UNARY_NEGATIVE, v);
        if (r != VALUE_NULL) return r;
    }
    return exc_raise(vm, &exc_TypeError, "bad operand type for unary -: '%s'", type_of(v)->name);
}

Value op_unary_positive(VM *vm, Value v) {
    if (value_is_bool(v)) return value_from_int(v == VALUE_TRUE);
    if (num_is_number(v)) return v;
    Type *t = type_of(v);
    if (t->unary) {
        Value r = t->unary(vm, OP_UNARY_POSITIVE, v);
        if (r != VALUE_NULL) return r;
    }
    return exc_raise(vm, &exc_TypeError, "bad operand type for unary +: '%s'", type_of(v)->name);
}

int op_truthy(VM *vm, Value v) {
    if (v == VALUE_TRUE) return 1;
    if (v == VALUE_FALSE || v == VALUE_NONE) return 0;
    if (value_is_int(v)) return value_as_int(v) != 0;
    if (value_is_float(v)) return value_as_float(v) != 0.0;
    Type *t = type_of(v);
    if (t->truthy) return t->truthy(vm, v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n != 0;
    }
    if (!value_is_obj(v)) return 1;   /* NotImplemented */
    switch ((ObjKind)value_as_obj(v)->kind) {
    case OBJ_STR: return ((Str *)value_as_obj(v))->len != 0;
    case OBJ_LIST: return ((List *)value_as_obj(v))->len != 0;
    case OBJ_TUPLE: return ((Tuple *)value_as_obj(v))->len != 0;
    case OBJ_DICT: return ((Dict *)value_as_obj(v))->count != 0;
    case OBJ_RANGE: {
        Range *r = value_as_ptr(v);
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    default: return 1;
    }
}

Value op_get_iter(VM *vm, Value v) {
    Type *t = type_of(v);
    if (!t->iter) return exc_raise(vm, &exc_TypeError, "'%s' object is not iterable", t->name);
    Value it = t->iter(vm, v);
    /* Built-in types return iterators; a class's __iter__ may return anything. */
    if (it != VALUE_ERROR && !type_of(it)->next)
        return exc_raise(vm, &exc_TypeError, "iter() returned non-iterator of type '%s'", type_of(it)->name);
    return it;
}

Value op_iter_next(VM *vm, Value itv) {
    Type *t = type_of(itv);
    if (!t->next) return exc_raise(vm, &exc_TypeError, "'%s' object is not an iterator", t->name);
    return t->next(vm, itv);
}

/* Subscripts and `in` go through the container's type: every built-in sequence and mapping has
 * the slots, and classes have them from their dunder methods (class.c). */
Value op_not_subscriptable(VM *vm, Value container, int store) {
    return exc_raise(vm, &exc_TypeError, store ? "'%s' object does not support item assignment" : "'%s' object is not subscriptable",
                     type_of(container)->name);
}

int op_exc_is(VM *vm, Type *type) {
    return value_is_kind(vm->exc, OBJ_EXCEPTION) && type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, type);
}

int op_iter_missing(VM *vm, Value v) {
    Type *t = type_of(v);
    if (!t->is_heap) return !t->iter && !t->getitem;
    return type_lookup(vm, t, vm->names.iter) == VALUE_NULL && type_lookup(vm, t, vm->names.getitem) == VALUE_NULL;
}

int op_iter_search(VM *vm, Value container, Value item) {
    Value it = op_get_iter(vm, container);
    if (it == VALUE_ERROR) {
        /* A TypeError (not iterable, or __iter__ gave a non-iterator) is worded for `in`, as
         * CPython's _PySequence_IterSearch words it; anything else __iter__ raised stays. */
        if (op_exc_is(vm, &exc_TypeError)) {
            vm->exc = VALUE_NULL;
            exc_raise(vm, &exc_TypeError, "argument of type '%s' is not iterable", type_of(container)->name);
        }
        return -1;
    }
    if (!gc_root_push(vm, it)) return -1;
    int found = 0;
    for (;;) {
        Value x = op_iter_next(vm, it);
        if (x == VALUE_ERROR) found = -1;
        if (x == VALUE_ERROR || x == VALUE_NULL) break;
        int eq = op_equal(vm, x, item);
        if (eq) {
            found = eq;
            break;
        }
    }
    gc_root_pop(vm, 1);
    return found;
}

Value op_contains(VM *vm, Value container, Value item) {
    Type *t = type_of(container);
    int r = t->contains ? t->contains(vm, container, item) : op_iter_search(vm, container, item);
    return r < 0 ? VALUE_ERROR : value_from_bool(r);
}

static int op_seq_repr(VM *vm, Value *items, uint32_t n, const char *open, const char *close, int tuple, StrBuf *out) {
    strbuf_puts(out, open);
    for (uint32_t i = 0; i < n; i++) {
        if (i) strbuf_puts(out, ", ");
        if (!op_repr_into(vm, items[i], out)) return 0;
    }
    if (tuple && n == 1) strbuf_putc(out, ',');
    strbuf_puts(out, close);
    return 1;
}

int op_repr_into(VM *vm, Value v, StrBuf *out) {
    Type *t = type_of(v);
    if (t->repr) {
        if (++vm->c_depth > VM_MAX_C_DEPTH) {
            vm->c_depth--;
            exc_raise(vm, &exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
            return 0;
        }
        int ok = t->repr(vm, v, out);
        vm->c_depth--;
        return ok;
    }
    if (value_is_float(v)) num_float_repr(value_as_float(v), out);
    else if (value_is_int(v)) strbuf_printf(out, "%lld", (long long)value_as_int(v));
    else if (v == VALUE_TRUE) strbuf_puts(out, "True");
    else if (v == VALUE_FALSE) strbuf_puts(out, "False");
    else if (v == VALUE_NONE) strbuf_puts(out, "None");
    else if (v == VALUE_NOTIMPLEMENTED) strbuf_puts(out, "NotImplemented");
    else {
        Obj *o = value_as_obj(v);
        switch ((ObjKind)o->kind) {
        case OBJ_STR: str_repr_into((Str *)o, out); break;
        case OBJ_LIST: return op_seq_repr(vm, ((List *)o)->items, ((List *)o)->len, "[", "]", 0, out);
        case OBJ_TUPLE: return op_seq_repr(vm, ((Tuple *)o)->items, ((Tuple *)o)->len, "(", ")", 1, out);
        case OBJ_FUNCTION:
            strbuf_printf(out, "<function %s at %p>", ((Function *)o)->code->qualname->data, (void *)o);
            break;
        case OBJ_BUILTIN: strbuf_printf(out, "<built-in function %s>", ((Builtin *)o)->name); break;
        case OBJ_TYPE: strbuf_printf(out, "<class '%s'>", ((Type *)o)->name); break;
        case OBJ_RANGE: {
            Range *r = (Range *)o;
            if (r->step == 1) strbuf_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
            else strbuf_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop, (long long)r->step);
            break;
        }
        case OBJ_EXCEPTION: {
            Exception *e = (Exception *)o;
            strbuf_printf(out, "%s(", e->type->name);
            if (e->args) {
                for (uint32_t i = 0; i < e->args->len; i++) {
                    if (i) strbuf_puts(out, ", ");
                    if (!op_repr_into(vm, e->args->items[i], out)) return 0;
                }
            } else if (e->message != VALUE_NULL && !op_repr_into(vm, e->message, out)) {
                return 0;
            }
            strbuf_putc(out, ')');
            break;
        }
        default: strbuf_printf(out, "<%s object at %p>", type_of(v)->name, (void *)o); break;
        }
    }
    return 1;
}

int op_str_into(VM *vm, Value v, StrBuf *out) {
    Type *t = type_of(v);
    if (t->str) return t->str(vm, v, out);
    if (value_is_kind(v, OBJ_STR)) {
        Str *s = value_as_ptr(v);
        strbuf_append(out, s->data, s->len);
        return 1;
    }
    if (value_is_kind(v, OBJ_EXCEPTION)) {
        Exception *e = value_as_ptr(v);
        if (e->message == VALUE_NULL) return 1;
        /* str(KeyError(k)) is repr(k), so that KeyError: '' is visible. */
        if (type_is_subtype(e->type, &exc_KeyError) && (!e->args || e->args->len == 1)) return op_repr_into(vm, e->message, out);
        return op_str_into(vm, e->message, out);
    }
    return op_repr_into(vm, v, out);
}

Value op_repr(VM *vm, Value v) {
    StrBuf b;
    strbuf_init(&b);
    Value r = op_repr_into(vm, v, &b) ? (b.failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(&b), b.len)) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}

Value op_str(VM *vm, Value v) {
    if (value_is_kind(v, OBJ_STR)) return v;
    StrBuf b;
    strbuf_init(&b);
    Value r = op_str_into(vm, v, &b) ? (b.failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(&b), b.len)) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}
