/* The evaluation loop's rarely run instructions, out of line: function and class creation,
 * exceptions, with, dict and set displays, f-string parts and imports. vm_run_loop (vm.c) hands
 * every opcode it has no case for to vm_run_cold, with the frame saved.
 *
 * CALL_FUNCTION_EX (f(*args, **kwargs)) is here too: the argument tuple and keyword names it
 * builds cost more than the call out of the loop, and it was the loop's largest case.
 *
 * The reason is WebAssembly: V8 first runs a function as quickly compiled baseline code and swaps
 * in optimized code once its optimizing compiler has finished, and that takes time in proportion
 * to the function's size. vm_run_loop is the function every program spends its time in, so its
 * size is paid at the start of every run: with these cases (and the single-caller functions
 * Binaryen inlined into it, which build.sh now stops) V8 took 45 ms to optimize it, 20 ms without,
 * while the program ran in baseline code at half speed. The inline fast paths added to the loop
 * since (docs/ARCHITECTURE.md) brought it back to about 30 ms, for more than they cost.
 *
 * The macros mirror the loop's: sp is the frame's stack top, and an error returns 0 for the loop
 * to unwind at its `error:` path. */
#include "vm.h"

#include <stdlib.h>
#include <string.h>

#include "class.h"
#include "containers.h"
#include "runtime.h"
#include "strfmt.h"

#define sp (f->stack_top)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define CHECK(v)                        \
    do {                                \
        if ((v) == VALUE_ERROR) return 0; \
    } while (0)
/* The loop saved the frame before calling vm_run_cold. */
#define SAVE_FRAME() ((void)0)

static int vm_cold_exc_matches(VM *vm, Value exc, Value match) {
    if (value_is_kind(match, OBJ_TUPLE)) {
        Tuple *t = value_as_ptr(match);
        for (uint32_t i = 0; i < t->len; i++)
            if (vm_cold_exc_matches(vm, exc, t->items[i])) return 1;
        return 0;
    }
    if (!value_is_kind(match, OBJ_TYPE)) return 0;
    return type_is_subtype(type_of(exc), value_as_ptr(match));
}

/* Raises the TypeError of a call to func whose * or ** argument is wrong, worded as CPython's
 * check_args_iterable and format_kwargs_error word it (fmt has one %s for the callable and one
 * for what goes with it). */
static void vm_cold_call_error(VM *vm, Value func, const char *fmt, const char *what) {
    Value fs = call_function_str(vm, func);
    if (fs != VALUE_ERROR) exc_raise(vm, &exc_TypeError, fmt, ((Str *)value_as_ptr(fs))->data, what);
}

/* DICT_MERGE: a call's ** argument v into its keywords dict d. v must be a mapping (a dict, or
 * anything with keys()), and a keyword given twice is an error, as in CPython (_PyDict_MergeEx
 * with override 2). */
static int vm_cold_merge_kwargs(VM *vm, Dict *d, Value v, Value func) {
    Dict *update;
    if (value_is_kind(v, OBJ_DICT)) {
        update = value_as_ptr(v);
    } else {
        Value keys = dict_keys_method(vm, v);
        if (keys == VALUE_NULL)
            vm_cold_call_error(vm, func, "%s argument after ** must be a mapping, not %s", type_of(v)->name);
        if (keys == VALUE_NULL || keys == VALUE_ERROR) return 0;
        if (!(update = dict_new(vm))) return (exc_raise_memory(vm), 0);
        if (!gc_root_push(vm, value_from_ptr(update))) return 0;
        int ok = dict_update_mapping(vm, update, v, keys);
        gc_root_pop(vm, 1);
        if (!ok) return 0;
    }
    if (!gc_root_push(vm, value_from_ptr(update))) return 0;
    int ok = 1;
    for (uint32_t i = 0; ok && i < update->nentries; i++) {
        DictEntry e = update->entries[i];
        if (e.key == VALUE_NULL) continue;
        int32_t ix;
        if (!(ok = dict_find(vm, d, e.key, e.hash, &ix))) break;
        if (ix >= 0) {
            StrBuf key;
            strbuf_init(&key);
            if (op_str_into(vm, e.key, &key))
                vm_cold_call_error(vm, func, "%s got multiple values for keyword argument '%s'", strbuf_cstr(&key));
            strbuf_free(&key);
            ok = 0;
        } else if (!dict_insert_new(vm, d, e.key, e.hash, e.value)) {
            exc_raise_memory(vm);
            ok = 0;
        }
    }
    gc_root_pop(vm, 1);
    return ok;
}

/* The exception object for `raise x`: an instance, or a class to instantiate. */
static Value vm_cold_make_raisable(VM *vm, Value x) {
    if (value_is_kind(x, OBJ_TYPE) && type_is_subtype(value_as_ptr(x), &exc_BaseException))
        return call_value(vm, x, NULL, 0, NULL);
    if (value_is_kind(x, OBJ_EXCEPTION)) return x;
    return exc_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
}

int vm_run_cold(VM *vm, Frame *f, int op, int oparg) {
    Code *co = f->code;
    Value *locals = f->locals;
    switch (op) {
    case OP_MAKE_FUNCTION: {
        Function *fn = gc_alloc(vm, sizeof(Function), OBJ_FUNCTION);
        if (!fn) {
            exc_raise_memory(vm);
            return 0;
        }
        fn->code = value_as_ptr(POP());
        fn->globals = f->globals;
        fn->doc = fn->code->nconsts && value_is_kind(fn->code->consts[0], OBJ_STR) ? fn->code->consts[0] : VALUE_NONE;
        if (oparg & 8) fn->closure = value_as_ptr(POP());
        if (oparg & 4) {
            Tuple *ann = value_as_ptr(POP());
            fn->annotations = dict_new(vm);
            if (!fn->annotations) {
                exc_raise_memory(vm);
                return 0;
            }
            for (uint32_t i = 0; i + 1 < ann->len; i += 2)
                if (!dict_set_str(vm, fn->annotations, value_as_ptr(ann->items[i]), ann->items[i + 1])) {
                    exc_raise_memory(vm);
                    return 0;
                }
        }
        if (oparg & 2) fn->kwdefaults = value_as_ptr(POP());
        if (oparg & 1) fn->defaults = value_as_ptr(POP());
        PUSH(value_from_ptr(fn));
        break;
    }
    case OP_DELETE_ATTR: {
        Value obj = POP();
        if (!attr_set(vm, obj, co->names[oparg], VALUE_NULL)) return 0;
        break;
    }
    case OP_MAKE_CELL: {
        Cell *cell = gc_alloc(vm, sizeof(Cell), OBJ_CELL);
        if (!cell) {
            exc_raise_memory(vm);
            return 0;
        }
        cell->value = locals[oparg];
        locals[oparg] = value_from_ptr(cell);
        break;
    }
    case OP_DELETE_DEREF:
        ((Cell *)value_as_ptr(locals[oparg]))->value = VALUE_NULL;
        break;
    case OP_DELETE_NAME:
    case OP_DELETE_GLOBAL: {
        Dict *ns = op == OP_DELETE_NAME && f->locals_dict ? f->locals_dict : f->globals;
        Str *name = co->names[oparg];
        int32_t ix = dict_lookup(ns, value_from_ptr(name), name->hash);
        if (ix < 0) {
            vm_name_error(vm, name);
            return 0;
        }
        dict_remove_at(ns, ix);
        break;
    }
    case OP_LOAD_BUILD_CLASS: {
        Value b = dict_get_str(vm->builtins, str_intern(vm, "__build_class__", 15));
        if (b == VALUE_NULL) {
            exc_raise(vm, &exc_NameError, "__build_class__ not found");
            return 0;
        }
        PUSH(b);
        break;
    }
    case OP_PUSH_EXC_INFO: {
        Value e = POP();
        PUSH(vm->handled);
        PUSH(e);
        vm->handled = e;
        break;
    }
    case OP_POP_EXCEPT:
        vm->handled = POP();
        break;
    case OP_CHECK_EXC_MATCH: {
        Value match = POP();
        if (!value_is_kind(match, OBJ_TYPE) && !value_is_kind(match, OBJ_TUPLE)) {
            exc_raise(vm, &exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return 0;
        }
        Value matched = value_from_bool(vm_cold_exc_matches(vm, TOP(), match));
        PUSH(matched);
        break;
    }
    case OP_RAISE_VARARGS: {
        if (oparg == 0) {
            if (vm->handled == VALUE_NONE) {
                exc_raise(vm, &exc_RuntimeError, "No active exception to reraise");
                return 0;
            }
            /* A bare raise re-raises: no new traceback entry, as in CPython. */
            vm->exc = vm->handled;
            vm->reraise = 1;
            return 0;
        }
        Value cause = oparg == 2 ? POP() : VALUE_NULL;
        Value x = POP();
        SAVE_FRAME();
        Value e = vm_cold_make_raisable(vm, x);
        CHECK(e);
        if (!value_is_kind(e, OBJ_EXCEPTION)) {
            exc_raise(vm, &exc_TypeError, "exceptions must derive from BaseException");
            return 0;
        }
        if (oparg == 2) {
            Exception *ex = value_as_ptr(e);
            if (cause == VALUE_NONE) ex->cause = VALUE_NULL;
            else {
                Value c = vm_cold_make_raisable(vm, cause);
                CHECK(c);
                ex->cause = c;
            }
            ex->suppress_context = 1;
        }
        vm->exc = e;
        return 0;
    }
    case OP_LOAD_ASSERTION_ERROR:
        PUSH(value_from_ptr(&exc_AssertionError));
        break;
    case OP_BEFORE_WITH: {
        Value mgr = TOP();
        SAVE_FRAME();
        Value enter = attr_get_opt(vm, mgr, vm->names.enter);
        Value exit = enter == VALUE_NULL ? VALUE_NULL : attr_get_opt(vm, mgr, vm->names.exit);
        if (enter == VALUE_NULL || exit == VALUE_NULL) {
            if (vm->exc == VALUE_NULL)
                exc_raise(vm, &exc_TypeError, "'%s' object does not support the context manager protocol", type_of(mgr)->name);
            return 0;
        }
        TOP() = exit;
        PUSH(enter);
        SAVE_FRAME();
        Value r = call_value(vm, enter, NULL, 0, NULL);
        CHECK(r);
        TOP() = r;
        break;
    }
    case OP_WITH_EXCEPT_START: {
        Value exc = TOP(), exit = sp[-4];
        Value args[3] = {value_from_ptr(type_of(exc)), exc, VALUE_NONE};
        SAVE_FRAME();
        Value r = call_value(vm, exit, args, 3, NULL);
        CHECK(r);
        PUSH(r);
        break;
    }
    case OP_DELETE_SUBSCR: {
        Value r = op_store_subscr(vm, SECOND(), TOP(), VALUE_NULL);
        CHECK(r);
        sp -= 2;
        break;
    }
    case OP_BUILD_MAP: {
        Dict *d = dict_new(vm);
        if (!d) {
            exc_raise_memory(vm);
            return 0;
        }
        PUSH(value_from_ptr(d));
        for (int i = 0; i < oparg; i++)
            if (!dict_setitem(vm, d, sp[-1 - 2 * oparg + 2 * i], sp[-1 - 2 * oparg + 2 * i + 1])) return 0;
        Value dv = POP();
        sp -= 2 * oparg;
        PUSH(dv);
        break;
    }
    case OP_BUILD_CONST_KEY_MAP: {
        /* oparg values, then the tuple of their keys. */
        Dict *d = dict_new(vm);
        if (!d) {
            exc_raise_memory(vm);
            return 0;
        }
        Tuple *keys = value_as_ptr(TOP());
        TOP() = value_from_ptr(d);
        for (int i = 0; i < oparg; i++)
            if (!dict_setitem(vm, d, keys->items[i], sp[-1 - oparg + i])) return 0;
        sp -= oparg;
        TOP() = value_from_ptr(d);
        break;
    }
    case OP_BUILD_SET: {
        Dict *s = set_new(vm, 0);
        if (!s) {
            exc_raise_memory(vm);
            return 0;
        }
        PUSH(value_from_ptr(s));
        for (int i = 0; i < oparg; i++)
            if (!set_add(vm, s, sp[-1 - oparg + i])) return 0;
        Value sv = POP();
        sp -= oparg;
        PUSH(sv);
        break;
    }
    case OP_SET_ADD: {
        Value v = POP();
        if (!set_add(vm, value_as_ptr(sp[-oparg]), v)) return 0;
        break;
    }
    case OP_SET_UPDATE: {
        Value v = POP();
        if (!set_update_from(vm, value_as_ptr(sp[-oparg]), v)) return 0;
        break;
    }
    case OP_MAP_ADD: {
        Value v = POP(), k = POP();
        if (!dict_setitem(vm, value_as_ptr(sp[-oparg]), k, v)) return 0;
        break;
    }
    /* The operand stays on the stack while it is read: keys() and __getitem__ may run Python
     * code, and with it the collector. */
    case OP_DICT_UPDATE: {
        int ok = dict_update_from(vm, value_as_ptr(sp[-(oparg + 1)]), TOP());
        sp--;
        if (!ok) return 0;
        break;
    }
    case OP_DICT_MERGE: {
        /* The callable is below the keywords dict and the positional tuple. */
        int ok = vm_cold_merge_kwargs(vm, value_as_ptr(sp[-(oparg + 1)]), TOP(), sp[-(oparg + 3)]);
        sp--;
        if (!ok) return 0;
        break;
    }
    case OP_LIST_TO_TUPLE: {
        List *l = value_as_ptr(TOP());
        Tuple *t = tuple_from(vm, l->items, l->len);
        if (!t) {
            exc_raise_memory(vm);
            return 0;
        }
        TOP() = value_from_ptr(t);
        break;
    }
    case OP_FORMAT_VALUE: {
        Value spec = (oparg & 4) ? POP() : VALUE_NULL;
        Value v = TOP();
        SAVE_FRAME();
        int conv = oparg & 3;
        if (conv) {
            StrBuf b;
            strbuf_init(&b);
            int ok = conv == 1 ? op_str_into(vm, v, &b) : conv == 2 ? op_repr_into(vm, v, &b) : format_ascii_into(vm, v, &b);
            v = ok ? str_value(vm, strbuf_cstr(&b), b.len) : VALUE_ERROR;
            strbuf_free(&b);
            CHECK(v);
        }
        Value r = format_value(vm, v, spec == VALUE_NULL ? NULL : value_as_ptr(spec));
        CHECK(r);
        TOP() = r;
        break;
    }
    case OP_BUILD_STRING: {
        StrBuf b;
        strbuf_init(&b);
        for (int i = oparg; i > 0; i--) {
            Str *part = value_as_ptr(sp[-i]);
            strbuf_append(&b, part->data, part->len);
        }
        Value r = b.failed ? exc_raise_memory(vm) : str_value(vm, strbuf_cstr(&b), b.len);
        strbuf_free(&b);
        CHECK(r);
        sp -= oparg;
        PUSH(r);
        break;
    }
    case OP_SETUP_ANNOTATIONS: {
        Dict *ns = f->locals_dict ? f->locals_dict : f->globals;
        Str *key = str_intern(vm, "__annotations__", 15);
        if (dict_get_str(ns, key) == VALUE_NULL) {
            Dict *d = dict_new(vm);
            if (!d || !dict_set_str(vm, ns, key, value_from_ptr(d))) {
                exc_raise_memory(vm);
                return 0;
            }
        }
        break;
    }
    case OP_IMPORT_NAME: {
        sp -= 2;
        SAVE_FRAME();
        Value m = vm_import(vm, co->names[oparg]);
        CHECK(m);
        PUSH(m);
        break;
    }
    case OP_IMPORT_FROM: {
        Value v = attr_get_opt(vm, TOP(), co->names[oparg]);
        if (v == VALUE_NULL) {
            if (vm->exc == VALUE_NULL) {
                Value mname = value_is_kind(TOP(), OBJ_MODULE) ? value_from_ptr(((Module *)value_as_ptr(TOP()))->name) : VALUE_NULL;
                exc_raise(vm, &exc_ImportError, "cannot import name '%s' from '%s' (unknown location)", co->names[oparg]->data,
                          mname != VALUE_NULL ? ((Str *)value_as_ptr(mname))->data : "?");
            }
            return 0;
        }
        PUSH(v);
        break;
    }
    case OP_IMPORT_STAR: {
        Value m = POP();
        Dict *src = ((Module *)value_as_ptr(m))->dict;
        Dict *ns = f->locals_dict ? f->locals_dict : f->globals;
        for (uint32_t i = 0; i < src->nentries; i++) {
            if (src->entries[i].key == VALUE_NULL) continue;
            Str *k = value_as_ptr(src->entries[i].key);
            if (k->data[0] == '_') continue;
            if (!dict_set(vm, ns, src->entries[i].key, src->entries[i].hash, src->entries[i].value)) {
                exc_raise_memory(vm);
                return 0;
            }
        }
        break;
    }
    case OP_CALL_FUNCTION_EX: {
        Value kwargs = (oparg & 1) ? POP() : VALUE_NULL;
        Value posargs = POP();
        Value callable = POP();
        sp--; /* the NULL */
        Tuple *pt = value_as_ptr(posargs);
        if (!value_is_kind(posargs, OBJ_TUPLE)) {
            /* f(*a) alone pushes a itself, as 3.11 compiles it. */
            if (op_iter_missing(vm, posargs)) {
                vm_cold_call_error(vm, callable, "%s argument after * must be an iterable, not %s", type_of(posargs)->name);
                return 0;
            }
            Value t = tuple_from_iterable(vm, posargs);
            CHECK(t);
            pt = value_as_ptr(t);
        }
        int npos = (int)pt->len, nkw = 0;
        Tuple *kw = NULL;
        Value small[32], *buf = small;
        if (kwargs != VALUE_NULL) {
            Dict *d = value_as_ptr(kwargs);
            kw = tuple_new(vm, d->count);
            if (!kw) {
                exc_raise_memory(vm);
                return 0;
            }
            for (uint32_t i = 0; i < d->nentries; i++) {
                Value key = d->entries[i].key;
                if (key == VALUE_NULL) continue;
                /* Everything that takes keywords reads their names as strs. */
                if (!value_is_kind(key, OBJ_STR)) {
                    exc_raise(vm, &exc_TypeError, "keywords must be strings");
                    return 0;
                }
                kw->items[nkw++] = key;
            }
        }
        if (npos + nkw > 32 && !(buf = malloc(sizeof(Value) * (size_t)(npos + nkw)))) {
            exc_raise_memory(vm);
            return 0;
        }
        for (int i = 0; i < npos; i++) buf[i] = pt->items[i];
        if (kw) {
            Dict *d = value_as_ptr(kwargs);
            int k = 0;
            for (uint32_t i = 0; i < d->nentries; i++)
                if (d->entries[i].key != VALUE_NULL) buf[npos + k++] = d->entries[i].value;
        }
        /* Keep the pieces reachable while the call runs. */
        PUSH(callable);
        PUSH(posargs);
        PUSH(kw ? value_from_ptr(kw) : VALUE_NONE);
        Value r = call_value(vm, callable, buf, npos, kw);
        if (buf != small) free(buf);
        sp -= 3;
        CHECK(r);
        PUSH(r);
        break;
    }
    default:
        exc_raise(vm, &exc_RuntimeError, "unknown opcode %d (%s)", op, op < OP__COUNT ? opcode_info[op].name : "?");
        return 0;
    }
    return 1;
}
