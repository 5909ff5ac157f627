/* Attributes, classes defined in Python, instances, and calling any callable. Heap types get
 * slot functions that look up dunder methods, so the generic operations in ops.c work on
 * instances exactly as on built-in values. */
#include "class.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "containers.h"
#include "runtime.h"
#include "strfmt.h"
#include "vm.h"


static Str *intern(VM *vm, const char *s) { return str_intern(vm, s, strlen(s)); }

/* ---- looking up attributes on types ---- */

/* Built-in types keep their methods as MethodDef tables; the first lookup makes them Builtin
 * objects in a per-VM dict so that they can be returned and called. */
static Dict *static_type_dict(VM *vm, Type *t) {
    if (!t->static_index || t->static_index >= VM_STATIC_TYPES) return NULL;
    Dict *d = vm->static_type_dicts[t->static_index];
    if (d) return d;
    d = dict_new(vm);
    if (!d) return NULL;
    vm->static_type_dicts[t->static_index] = d;
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        BuiltinDef def = {m->name, m->fn, (CallKind)(m->callkind & ~METHODDEF_CLASSMETHOD)};
        Builtin *b = builtins_new_function(vm, &def);
        Str *name = intern(vm, m->name);
        if (!b || !name || !dict_set_str(vm, d, name, value_from_ptr(b))) return NULL;
        b->is_method = 1;
        if (!(m->callkind & METHODDEF_CLASSMETHOD)) b->self_type = t;
    }
    return d;
}

void type_modified(Type *t) {
    t->version = 0;
    if (t->subclasses)
        for (uint32_t i = 0; i < t->subclasses->len; i++) type_modified(value_as_ptr(t->subclasses->items[i]));
}

uint32_t type_version(VM *vm, Type *t) {
    if (!t->version && vm->next_type_version) t->version = vm->next_type_version++;
    return t->version;
}

static Value type_lookup_uncached(VM *vm, Type *t, Str *name);

/* Looks name up along t's MRO. Results for classes defined in Python and interned names are
 * cached by (type version, name), as CPython's method cache does: a type's version changes
 * whenever it or a base class changes, and versions are never reused, so an entry is never
 * stale; interned names live as long as the interpreter, so their pointers identify them.
 * Built-in types are left out because their version numbers are shared by interpreters. */
/* type_lookup's cache miss: the MRO walk, remembered in entry e. */
static Value type_lookup_fill(VM *vm, Type *t, Str *name, uint32_t version, struct TypeCacheEntry *e) {
    Value v = type_lookup_uncached(vm, t, name);
    e->version = version;
    e->name = name;
    e->value = v;
    return v;
}

/* type_lookup with the cache's hit inline, for this file's generic attribute paths (polymorphic
 * sites take them at every execution). */
static ALWAYS_INLINE Value type_lookup_inline(VM *vm, Type *t, Str *name) {
    if (!t->is_heap || !name->interned) return type_lookup_uncached(vm, t, name);
    uint32_t version = t->version ? t->version : type_version(vm, t);
    if (!version) return type_lookup_uncached(vm, t, name);
    uint32_t slot = (uint32_t)((version * 2654435761u) ^ (uint32_t)((uintptr_t)name >> 4)) % VM_TYPE_CACHE_SIZE;
    struct TypeCacheEntry *e = &vm->type_cache[slot];
    if (e->version == version && e->name == name) return e->value;
    return type_lookup_fill(vm, t, name, version, e);
}

Value type_lookup(VM *vm, Type *t, Str *name) { return type_lookup_inline(vm, t, name); }

static Value type_lookup_uncached(VM *vm, Type *t, Str *name) {
    if (t->mro) {
        for (uint32_t i = 0; i < t->mro->len; i++) {
            Type *k = value_as_ptr(t->mro->items[i]);
            Value v = VALUE_NULL;
            if (k->is_heap) v = dict_get_str(k->dict, name);
            else {
                Dict *d = static_type_dict(vm, k);
                if (d) v = dict_get_str(d, name);
            }
            if (v != VALUE_NULL) return v;
        }
        return VALUE_NULL;
    }
    for (Type *k = t; k; k = k->base) {
        Dict *d = k->is_heap ? k->dict : static_type_dict(vm, k);
        Value v = d ? dict_get_str(d, name) : VALUE_NULL;
        if (v != VALUE_NULL) return v;
    }
    return VALUE_NULL;
}

static Value bind(VM *vm, Value self, Value func) {
    BoundMethod *m = gc_alloc(vm, sizeof(BoundMethod), OBJ_BOUND_METHOD);
    if (!m) return exc_raise_memory(vm);
    m->self = self;
    m->func = func;
    return value_from_ptr(m);
}

/* function.__get__(obj[, type]): the function bound to obj. */
static Value func_get(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 2) return exc_raise(vm, &exc_TypeError, "__get__ expected at least 1 argument, got 0");
    return args[1] == VALUE_NONE ? args[0] : bind(vm, args[1], args[0]);
}

/* Applies the descriptor protocol to a class attribute found for obj (or for a class when
 * obj is VALUE_NULL and owner is the class). */
static Value descr_get(VM *vm, Value attr, Value obj, Type *owner) {
    if (value_binds_as_method(attr)) return obj == VALUE_NULL ? attr : bind(vm, obj, attr);
    if (value_is_kind(attr, OBJ_WRAPPER)) {
        Wrapper *w = value_as_ptr(attr);
        switch ((WrapperTag)w->tag) {
        case WRAP_STATICMETHOD: return w->a;
        case WRAP_CLASSMETHOD: return bind(vm, value_from_ptr(owner), w->a);
        case WRAP_PROPERTY:
            if (obj == VALUE_NULL) return attr;
            if (w->a == VALUE_NONE) return exc_raise(vm, &exc_AttributeError, "property object has no getter");
            return call_value(vm, w->a, &obj, 1, NULL);
        case WRAP_SUPER: break;
        }
    }
    return attr;
}

static Dict **instance_dict_slot(Value obj) {
    if (value_is_kind(obj, OBJ_INSTANCE)) return &((Instance *)value_as_ptr(obj))->dict;
    if (value_is_kind(obj, OBJ_EXCEPTION)) return &((Exception *)value_as_ptr(obj))->dict;
    if (value_is_kind(obj, OBJ_FUNCTION)) return &((Function *)value_as_ptr(obj))->dict;
    return NULL;
}

static int slot_index(Type *t, Str *name) {
    for (Type *k = t; k && k->is_heap; k = k->base)
        if (k->slot_names) {
            /* Slots are numbered from the root of the chain; count earlier classes' slots. */
            int base = 0;
            for (Type *b = k->base; b && b->is_heap; b = b->base)
                if (b->slot_names) base += (int)b->slot_names->len;
            for (uint32_t i = 0; i < k->slot_names->len; i++)
                if (str_equal(value_as_ptr(k->slot_names->items[i]), name)) return base + (int)i;
        }
    return -1;
}

/* slot_index for an attribute of obj: only instances of classes with __slots__ have slots, and
 * most instances have none, which this answers without walking the class chain. */
static int instance_slot_index(Value obj, Type *t, Str *name) {
    if (!t->is_heap || !value_is_kind(obj, OBJ_INSTANCE) || !((Instance *)value_as_ptr(obj))->nslots) return -1;
    return slot_index(t, name);
}

static Value super_getattr(VM *vm, Wrapper *w, Str *name) {
    Type *start = value_as_ptr(w->a);
    Value self = w->b;
    Type *t = value_is_kind(self, OBJ_TYPE) ? value_as_ptr(self) : type_of(self);
    int found = 0;
    if (t->mro) {
        for (uint32_t i = 0; i < t->mro->len; i++) {
            Type *k = value_as_ptr(t->mro->items[i]);
            if (found) {
                Value v = k->is_heap ? dict_get_str(k->dict, name) : VALUE_NULL;
                if (!k->is_heap) {
                    Dict *d = static_type_dict(vm, k);
                    if (d) v = dict_get_str(d, name);
                }
                if (v != VALUE_NULL) return descr_get(vm, v, value_is_kind(self, OBJ_TYPE) ? VALUE_NULL : self, t);
            }
            if (k == start) found = 1;
        }
    }
    return exc_raise(vm, &exc_AttributeError, "'super' object has no attribute '%s'", name->data);
}

static Value exception_attr(VM *vm, Exception *e, Str *name) {
    if (strcmp(name->data, "args") == 0) {
        if (e->args) return value_from_ptr(e->args);
        Tuple *t = tuple_new(vm, e->message == VALUE_NULL ? 0 : 1);
        if (!t) return exc_raise_memory(vm);
        if (e->message != VALUE_NULL) t->items[0] = e->message;
        e->args = t;
        return value_from_ptr(t);
    }
    if (strcmp(name->data, "__cause__") == 0) return e->cause == VALUE_NULL ? VALUE_NONE : e->cause;
    if (strcmp(name->data, "__context__") == 0) return e->context == VALUE_NULL ? VALUE_NONE : e->context;
    if (strcmp(name->data, "__traceback__") == 0) return VALUE_NONE;
    if (strcmp(name->data, "__suppress_context__") == 0) return value_from_bool(e->suppress_context);
    if (strcmp(name->data, "code") == 0 && type_is_subtype(e->type, &exc_SystemExit))
        return e->message == VALUE_NULL ? VALUE_NONE : e->message;
    if (strcmp(name->data, "value") == 0 && type_is_subtype(e->type, &exc_StopIteration))
        return e->message == VALUE_NULL ? VALUE_NONE : e->message;
    return VALUE_NULL;
}

static int instance_may_have_dict(VM *vm, Type *t);

static int value_is_property(Value v) {
    return value_is_kind(v, OBJ_WRAPPER) && ((Wrapper *)value_as_ptr(v))->tag == WRAP_PROPERTY;
}

static int name_is(Str *name, const char *dunder) { return name->data[0] == '_' && strcmp(name->data, dunder) == 0; }

/* The common case of the generic path (a polymorphic site that no longer specializes takes it at
 * every execution): an instance of a class without __slots__ or a getattr slot. It does what
 * attr_get_opt does for one, in the same order, without the checks for other kinds of object:
 * a property of the class, then the instance dict, then the class attribute (a function binds).
 * VALUE_NULL leaves the name to attr_get_opt (__dict__, __class__, a missing attribute). */
Value attr_get_instance(VM *vm, Instance *in, Str *name) {
    Type *t = in->cls;
    if (in->nslots || !in->dict || t->getattr) return VALUE_NULL;
    Value cattr = type_lookup_inline(vm, t, name);
    if (value_is_property(cattr)) return VALUE_NULL;
    Value v = dict_get_str(in->dict, name);
    if (v != VALUE_NULL) return v;
    if (cattr == VALUE_NULL || name_is(name, "__dict__")) return VALUE_NULL;
    return descr_get(vm, cattr, value_from_ptr(in), t);
}

Value attr_get_opt(VM *vm, Value obj, Str *name) {
    if (value_is_kind(obj, OBJ_INSTANCE)) {
        Value v = attr_get_instance(vm, value_as_ptr(obj), name);
        if (v != VALUE_NULL) return v;
    }
    Type *t = type_of(obj);
    if (value_is_kind(obj, OBJ_WRAPPER) && ((Wrapper *)value_as_ptr(obj))->tag == WRAP_SUPER)
        return super_getattr(vm, value_as_ptr(obj), name);
    if (t->getattr) {
        Value v = t->getattr(vm, obj, name);
        if (v != VALUE_NULL) return v;
    }
    if (value_is_kind(obj, OBJ_MODULE)) return dict_get_str(((Module *)value_as_ptr(obj))->dict, name);
    if (value_is_kind(obj, OBJ_TYPE)) {
        Type *cls = value_as_ptr(obj);
        if (strcmp(name->data, "__name__") == 0) return cls->name_str ? value_from_ptr(cls->name_str) : str_value(vm, cls->name, strlen(cls->name));
        if (strcmp(name->data, "__mro__") == 0 || strcmp(name->data, "__bases__") == 0) {
            if (strcmp(name->data, "__bases__") == 0 && cls->is_heap) {
                Value b = dict_get_str(cls->dict, intern(vm, "__orig_bases__"));
                if (b != VALUE_NULL) return b;
            }
            Tuple *m = cls->mro;
            if (!m || strcmp(name->data, "__bases__") == 0) {
                uint32_t n = 0;
                if (strcmp(name->data, "__bases__") == 0) n = cls->base ? 1 : 0;
                else for (Type *k = cls; k; k = k->base) n++;
                m = tuple_new(vm, n);
                if (!m) return exc_raise_memory(vm);
                uint32_t i = 0;
                if (strcmp(name->data, "__bases__") == 0) {
                    if (cls->base) m->items[0] = value_from_ptr(cls->base);
                } else for (Type *k = cls; k; k = k->base) m->items[i++] = value_from_ptr(k);
            }
            return value_from_ptr(m);
        }
        if (strcmp(name->data, "__qualname__") == 0) {
            Value q = cls->is_heap ? dict_get_str(cls->dict, intern(vm, "__qualname__")) : VALUE_NULL;
            if (q != VALUE_NULL) return q;
            return cls->name_str ? value_from_ptr(cls->name_str) : str_value(vm, cls->name, strlen(cls->name));
        }
        if (strcmp(name->data, "__module__") == 0 && !cls->is_heap) return str_value(vm, "builtins", 8);
        if (strcmp(name->data, "__doc__") == 0 && cls->is_heap && dict_get_str(cls->dict, name) == VALUE_NULL) return VALUE_NONE;
        if (strcmp(name->data, "__dict__") == 0 && cls->dict) {
            /* A copy, standing for CPython's read-only mappingproxy: changing the class's own dict
             * behind its back would leave its version, and every cache keyed by it, stale. */
            Dict *copy = dict_copy(vm, cls->dict);
            return copy ? value_from_ptr(copy) : exc_raise_memory(vm);
        }
        if (strcmp(name->data, "__base__") == 0) return cls->base ? value_from_ptr(cls->base) : VALUE_NONE;
        Value v = type_lookup(vm, cls, name);
        if (v != VALUE_NULL) return descr_get(vm, v, VALUE_NULL, cls);
        /* Then the metaclass (type) itself: Child.mro(). */
        v = type_lookup(vm, &type_type, name);
        if (v != VALUE_NULL) return descr_get(vm, v, obj, &type_type);
        return VALUE_NULL;
    }
    if (value_is_kind(obj, OBJ_CELL) && strcmp(name->data, "cell_contents") == 0) {
        Value v = ((Cell *)value_as_ptr(obj))->value;
        if (v == VALUE_NULL) return exc_raise(vm, &exc_ValueError, "Cell is empty");
        return v;
    }
    if (value_is_kind(obj, OBJ_SLICE)) {
        Slice *s = value_as_ptr(obj);
        if (strcmp(name->data, "start") == 0) return s->start;
        if (strcmp(name->data, "stop") == 0) return s->stop;
        if (strcmp(name->data, "step") == 0) return s->step;
    }
    /* Data descriptors (properties) on the class win over the instance dict. */
    Value cattr = type_lookup(vm, t, name);
    if (value_is_property(cattr)) return descr_get(vm, cattr, obj, t);
    int si = instance_slot_index(obj, t, name);
    if (si >= 0) {
        Value v = ((Instance *)value_as_ptr(obj))->slots[si];
        if (v != VALUE_NULL) return v;
    }
    Dict **dp = instance_dict_slot(obj);
    if (dp && *dp) {
        Value v = dict_get_str(*dp, name);
        if (v != VALUE_NULL) return v;
    }
    if (dp && strcmp(name->data, "__dict__") == 0 && !(value_is_kind(obj, OBJ_INSTANCE) && !*dp && !instance_may_have_dict(vm, t))) {
        if (value_is_kind(obj, OBJ_INSTANCE)) ((Instance *)value_as_ptr(obj))->dict_materialized = 1;
        if (!*dp && !(*dp = dict_new(vm))) return exc_raise_memory(vm);
        return value_from_ptr(*dp);
    }
    if (value_is_kind(obj, OBJ_EXCEPTION)) {
        Value v = exception_attr(vm, value_as_ptr(obj), name);
        if (v != VALUE_NULL) return v;
    }
    if (cattr != VALUE_NULL) return descr_get(vm, cattr, obj, t);
    if (strcmp(name->data, "__class__") == 0) return value_from_ptr(t);
    if (value_is_kind(obj, OBJ_FUNCTION)) {
        Function *f = value_as_ptr(obj);
        if (strcmp(name->data, "__name__") == 0) return value_from_ptr(f->code->name);
        if (strcmp(name->data, "__qualname__") == 0) return value_from_ptr(f->qualname ? f->qualname : f->code->qualname);
        if (strcmp(name->data, "__doc__") == 0) return f->doc ? f->doc : VALUE_NONE;
        if (strcmp(name->data, "__defaults__") == 0) return f->defaults ? value_from_ptr(f->defaults) : VALUE_NONE;
        if (strcmp(name->data, "__kwdefaults__") == 0) return f->kwdefaults ? value_from_ptr(f->kwdefaults) : VALUE_NONE;
        if (strcmp(name->data, "__closure__") == 0) return f->closure ? value_from_ptr(f->closure) : VALUE_NONE;
        if (strcmp(name->data, "__globals__") == 0) return value_from_ptr(f->globals);
        if (strcmp(name->data, "__module__") == 0) return str_value(vm, "__main__", 8);
        if (strcmp(name->data, "__get__") == 0) {
            static const BuiltinDef get_def = {"__get__", func_get, CALLKIND_FAST};
            Builtin *b = builtins_new_function(vm, &get_def);
            return b ? bind(vm, obj, value_from_ptr(b)) : exc_raise_memory(vm);
        }
        if (strcmp(name->data, "__annotations__") == 0) {
            if (!f->annotations && !(f->annotations = dict_new(vm))) return exc_raise_memory(vm);
            return value_from_ptr(f->annotations);
        }
    }
    if (value_is_kind(obj, OBJ_BUILTIN) && strcmp(name->data, "__name__") == 0) {
        const char *n = ((Builtin *)value_as_ptr(obj))->name;
        return str_value(vm, n, strlen(n));
    }
    if (value_is_kind(obj, OBJ_BOUND_METHOD)) {
        BoundMethod *m = value_as_ptr(obj);
        if (strcmp(name->data, "__self__") == 0) return m->self;
        if (strcmp(name->data, "__func__") == 0) return m->func;
        return attr_get_opt(vm, m->func, name);
    }
    if (value_is_kind(obj, OBJ_WRAPPER) && ((Wrapper *)value_as_ptr(obj))->tag == WRAP_PROPERTY) {
        Wrapper *w = value_as_ptr(obj);
        if (strcmp(name->data, "fget") == 0) return w->a;
        if (strcmp(name->data, "fset") == 0) return w->b;
    }
    return VALUE_NULL;
}

Value attr_get(VM *vm, Value obj, Str *name) {
    Value v = attr_get_opt(vm, obj, name);
    if (v != VALUE_NULL) return v;
    if (vm->exc != VALUE_NULL) return VALUE_ERROR;
    /* __getattr__ is the last resort, as in Python. */
    Type *t = type_of(obj);
    if (t->is_heap) {
        Value ga = type_lookup(vm, t, vm->names.getattr);
        if (ga != VALUE_NULL) {
            Value args[2] = {obj, value_from_ptr(name)};
            return call_value(vm, ga, args, 2, NULL);
        }
    }
    Value err;
    if (value_is_kind(obj, OBJ_MODULE))
        err = exc_raise(vm, &exc_AttributeError, "module '%s' has no attribute '%s'",
                         ((Module *)value_as_ptr(obj))->name->data, name->data);
    else if (value_is_kind(obj, OBJ_TYPE))
        err = exc_raise(vm, &exc_AttributeError, "type object '%s' has no attribute '%s'",
                        ((Type *)value_as_ptr(obj))->name, name->data);
    else err = exc_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
    exc_set_name_obj(vm, name, obj);
    return err;
}

Value attr_method(VM *vm, Value obj, Str *name, Value *self) {
    Type *t = type_of(obj);
    *self = VALUE_NULL;
    if (!value_is_kind(obj, OBJ_TYPE) && !value_is_kind(obj, OBJ_MODULE) && !value_is_kind(obj, OBJ_WRAPPER)) {
        Value cattr = type_lookup_inline(vm, t, name);
        if (value_binds_as_method(cattr)) {
            Dict **dp = instance_dict_slot(obj);
            if (!(dp && *dp && dict_get_str(*dp, name) != VALUE_NULL)) {
                *self = obj;
                return cattr;
            }
        }
    }
    return attr_get(vm, obj, name);
}

/* Stores v under name in obj's own dict d (obj of type t). */
static int attr_store_in_dict(VM *vm, Value obj, Type *t, Dict *d, Str *name, Value v) {
    uint32_t count = d->count;
    if (!dict_set_str(vm, d, name, v)) return (exc_raise_memory(vm), 0);
    /* The class remembers its instances' attribute names (CPython's shared keys), which decides
     * how attribute access on them specializes. Only a new key can be a new name. */
    if (d->count != count && t->is_heap && value_is_kind(obj, OBJ_INSTANCE)) {
        if (!t->instance_keys && !(t->instance_keys = dict_new(vm))) return (exc_raise_memory(vm), 0);
        if (dict_get_str(t->instance_keys, name) == VALUE_NULL && !dict_set_str(vm, t->instance_keys, name, VALUE_NONE))
            return (exc_raise_memory(vm), 0);
    }
    return 1;
}

static int attr_set_impl(VM *vm, Value obj, Str *name, Value v, int hook) {
    if (value_is_kind(obj, OBJ_INSTANCE) && v != VALUE_NULL && hook) {
        /* The common case, as in attr_get_instance: an instance of a class without __slots__,
         * neither a property nor __setattr__ in the way, and not __class__. */
        Instance *in = value_as_ptr(obj);
        Type *t = in->cls;
        if (!in->nslots && in->dict && !name_is(name, "__class__") && !value_is_property(type_lookup_inline(vm, t, name)) &&
            !value_is_kind(type_lookup_inline(vm, t, vm->names.setattr), OBJ_FUNCTION))
            return attr_store_in_dict(vm, obj, t, in->dict, name, v);
    }
    Type *t = type_of(obj);
    if (value_is_kind(obj, OBJ_TYPE)) {
        Type *cls = value_as_ptr(obj);
        if (!cls->is_heap) {
            exc_raise(vm, &exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->data, cls->name);
            return 0;
        }
        type_modified(cls);
        if (v == VALUE_NULL) {
            if (dict_get_str(cls->dict, name) == VALUE_NULL) {
                exc_raise(vm, &exc_AttributeError, "type object '%s' has no attribute '%s'", cls->name, name->data);
                return 0;
            }
            return dict_del_str(vm, cls->dict, name);
        }
        return dict_set_str(vm, cls->dict, name, v) || (exc_raise_memory(vm), 0);
    }
    if (value_is_kind(obj, OBJ_MODULE)) {
        Dict *d = ((Module *)value_as_ptr(obj))->dict;
        return v == VALUE_NULL ? dict_del_str(vm, d, name) : (dict_set_str(vm, d, name, v) || (exc_raise_memory(vm), 0));
    }
    if (name_is(name, "__class__") && value_is_kind(obj, OBJ_INSTANCE) && value_is_kind(v, OBJ_TYPE) &&
        ((Type *)value_as_ptr(v))->is_heap) {
        ((Instance *)value_as_ptr(obj))->cls = value_as_ptr(v);
        return 1;
    }
    if (value_is_kind(obj, OBJ_FUNCTION)) {
        Function *f = value_as_ptr(obj);
        if (strcmp(name->data, "__defaults__") == 0) {
            f->defaults = value_is_kind(v, OBJ_TUPLE) ? value_as_ptr(v) : NULL;
            f->version = 0;
            return 1;
        }
        if (strcmp(name->data, "__kwdefaults__") == 0) {
            f->kwdefaults = value_is_kind(v, OBJ_DICT) ? value_as_ptr(v) : NULL;
            f->version = 0;
            return 1;
        }
        if (strcmp(name->data, "__doc__") == 0) {
            f->doc = v == VALUE_NULL ? VALUE_NONE : v;
            return 1;
        }
        if (strcmp(name->data, "__qualname__") == 0 && value_is_kind(v, OBJ_STR)) {
            f->qualname = value_as_ptr(v);
            return 1;
        }
    }
    Value cattr = type_lookup(vm, t, name);
    if (value_is_property(cattr)) {
        Wrapper *w = value_as_ptr(cattr);
        if (w->b == VALUE_NONE || w->b == VALUE_NULL) {
            exc_raise(vm, &exc_AttributeError, "property '%s' of '%s' object has no %s", name->data, t->name,
                      v == VALUE_NULL ? "deleter" : "setter");
            return 0;
        }
        Value args[2] = {obj, v};
        return call_value(vm, w->b, args, 2, NULL) != VALUE_ERROR;
    }
    if (t->is_heap && hook) {
        Value sa = type_lookup(vm, t, v == VALUE_NULL ? vm->names.delattr : vm->names.setattr);
        if (value_is_kind(sa, OBJ_FUNCTION)) {
            Value args[3] = {obj, value_from_ptr(name), v};
            return call_value(vm, sa, args, v == VALUE_NULL ? 2 : 3, NULL) != VALUE_ERROR;
        }
    }
    int si = instance_slot_index(obj, t, name);
    if (si >= 0) {
        ((Instance *)value_as_ptr(obj))->slots[si] = v;
        return 1;
    }
    Dict **dp = instance_dict_slot(obj);
    if (!dp || (value_is_kind(obj, OBJ_INSTANCE) && !*dp && !instance_may_have_dict(vm, t))) {
        if (value_is_kind(obj, OBJ_INSTANCE))
            exc_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
        else
            exc_raise(vm, &exc_AttributeError, "'%s' object attribute '%s' is read-only", t->name, name->data);
        return 0;
    }
    if (v == VALUE_NULL) {
        if (!*dp || dict_get_str(*dp, name) == VALUE_NULL) {
            exc_raise(vm, &exc_AttributeError, "'%s' object has no attribute '%s'", t->name, name->data);
            return 0;
        }
        return dict_del_str(vm, *dp, name);
    }
    if (!*dp && !(*dp = dict_new(vm))) return (exc_raise_memory(vm), 0);
    return attr_store_in_dict(vm, obj, t, *dp, name, v);
}

int attr_set(VM *vm, Value obj, Str *name, Value v) { return attr_set_impl(vm, obj, name, v, 1); }

/* ---- calling ---- */

Value call_dunder(VM *vm, Value obj, const char *name, Value *args, int nargs) {
    Type *t = type_of(obj);
    Str *n = intern(vm, name);
    if (!n) return exc_raise_memory(vm);
    Value f = type_lookup(vm, t, n);
    if (f == VALUE_NULL) return VALUE_NULL;
    Value buf[8];
    if (nargs > 7) return exc_raise(vm, &exc_TypeError, "too many arguments");
    buf[0] = obj;
    for (int i = 0; i < nargs; i++) buf[i + 1] = args[i];
    /* What does not bind (a built-in function set as a dunder, `__len__ = len`) gets no self. */
    if (!value_binds_as_method(f) && !value_is_kind(f, OBJ_WRAPPER)) return call_value(vm, f, args, nargs, NULL);
    if (value_is_kind(f, OBJ_WRAPPER)) {
        Wrapper *w = value_as_ptr(f);
        if (w->tag == WRAP_STATICMETHOD) return call_value(vm, w->a, args, nargs, NULL);
        if (w->tag == WRAP_CLASSMETHOD) {
            buf[0] = value_from_ptr(t);
            return call_value(vm, w->a, buf, nargs + 1, NULL);
        }
    }
    return call_value(vm, f, buf, nargs + 1, NULL);
}

/* A new, empty instance of the class t (defined in Python): a slot for every __slots__ name along
 * its bases, and an attribute dict unless __slots__ leaves it out. object.__new__ and calling the
 * class both make instances here. */
static Value class_new_function(VM *vm, Type *t);

/* Works out the layout of t's instances into t (layout_*), unless it is there for t's version
 * (a change to t or a base changes the version; without one it is worked out every time). The
 * cached __init__ needs no marking: while the version holds, a class dict holds it. */
static void instance_layout(VM *vm, Type *t) {
    uint32_t version = type_version(vm, t);
    if (version && t->layout_version == version) return;
    /* A dict unless every class along the chain has __slots__ without '__dict__', as in CPython. */
    uint32_t nslots = 0;
    int has_dict = 0;
    for (Type *k = t; k && k->is_heap; k = k->base) {
        if (k->slot_names) nslots += k->slot_names->len;
        if (!k->slot_names || k->slots_dict) has_dict = 1;
    }
    Function *init = NULL;
    if (!value_is_kind(class_new_function(vm, t), OBJ_FUNCTION) && !type_is_subtype(t, &exc_BaseException)) {
        Value initv = type_lookup(vm, t, vm->names.init);
        if (value_is_kind(initv, OBJ_FUNCTION) && !(((Function *)value_as_ptr(initv))->code->flags & CODE_GENERATOR))
            init = value_as_ptr(initv);
    }
    t->layout_nslots = nslots;
    t->layout_has_dict = (uint8_t)has_dict;
    t->layout_init = init;
    t->layout_version = version;
}

/* Whether t's instances (t a heap type) may have a dict. */
static int instance_may_have_dict(VM *vm, Type *t) {
    instance_layout(vm, t);
    return t->layout_has_dict;
}

static Value instance_new(VM *vm, Type *t) {
    instance_layout(vm, t);
    uint32_t nslots = t->layout_nslots;
    Instance *in = gc_alloc(vm, sizeof(Instance) + nslots * sizeof(Value), OBJ_INSTANCE);
    if (!in) return exc_raise_memory(vm);
    in->cls = t;
    in->nslots = nslots;
    for (uint32_t i = 0; i < nslots; i++) in->slots[i] = VALUE_NULL;
    if (t->layout_has_dict && !(in->dict = dict_new(vm))) return exc_raise_memory(vm);
    return value_from_ptr(in);
}

/* The __new__ that calling class t runs: a Python function, or anything else for object's own. */
static Value class_new_function(VM *vm, Type *t) {
    Value newf = type_lookup(vm, t, vm->names.new_);
    if (value_is_kind(newf, OBJ_WRAPPER)) newf = ((Wrapper *)value_as_ptr(newf))->a;
    return newf;
}

Value class_init_returned(VM *vm, Value r) {
    if (r == VALUE_NONE) return r;
    return exc_raise(vm, &exc_TypeError, "__init__() should return None, not '%s'", type_of(r)->name);
}

Value class_instance_for_init(VM *vm, Type *t, Function **init) {
    if (!t->is_heap) return VALUE_NULL;
    instance_layout(vm, t);
    if (!t->layout_init) return VALUE_NULL;
    *init = t->layout_init;
    return instance_new(vm, t);
}

static Value instantiate(VM *vm, Type *t, Value *args, int nargs, Tuple *kwnames) {
    Value obj;
    Value newf = class_new_function(vm, t);
    int nkw = kwnames ? (int)kwnames->len : 0;
    if (value_is_kind(newf, OBJ_FUNCTION)) {
        Value small[16];
        Value *buf = nargs + nkw + 1 <= 16 ? small : malloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
        if (!buf) return exc_raise_memory(vm);
        buf[0] = value_from_ptr(t);
        if (nargs + nkw) memcpy(buf + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
        obj = call_value(vm, newf, buf, nargs + 1, kwnames);
        if (buf != small) free(buf);
        if (obj == VALUE_ERROR || !type_is_subtype(type_of(obj), t)) return obj;
    } else if (type_is_subtype(t, &exc_BaseException)) {
        obj = exc_construct(vm, t, args, nargs);
        if (obj == VALUE_ERROR) return obj;
    } else {
        obj = instance_new(vm, t);
        if (obj == VALUE_ERROR) return obj;
    }
    Value init = type_lookup(vm, t, vm->names.init);
    if (value_is_kind(init, OBJ_FUNCTION)) {
        if (!gc_root_push(vm, obj)) return VALUE_ERROR;
        Value small[16];
        Value *buf = nargs + nkw + 1 <= 16 ? small : malloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
        if (!buf) return exc_raise_memory(vm);
        buf[0] = obj;
        if (nargs + nkw) memcpy(buf + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
        Value r = call_value(vm, init, buf, nargs + 1, kwnames);
        if (buf != small) free(buf);
        gc_root_pop(vm, 1);
        if (r == VALUE_ERROR || class_init_returned(vm, r) == VALUE_ERROR) return VALUE_ERROR;
    } else if ((nargs || nkw) && !value_is_kind(newf, OBJ_FUNCTION) && !type_is_subtype(t, &exc_BaseException)) {
        return exc_raise(vm, &exc_TypeError, "%s() takes no arguments", t->name);
    }
    return obj;
}

Value exc_construct(VM *vm, Type *t, Value *args, int nargs) {
    Exception *e = exc_new(vm, t, nargs == 1 ? args[0] : VALUE_NULL);
    if (!e) return exc_raise_memory(vm);
    e->cause = e->context = VALUE_NULL;
    e->args = tuple_new(vm, (uint32_t)nargs);
    if (!e->args) return exc_raise_memory(vm);
    for (int i = 0; i < nargs; i++) e->args->items[i] = args[i];
    if (nargs > 1) e->message = value_from_ptr(e->args);
    return value_from_ptr(e);
}

/* CPython's _PyObject_FunctionStr, the words of the errors about a call's * and ** arguments:
 * "module.qualname()", without the module for built-ins ("print()", "list.append()"), else
 * str(func). A str, or VALUE_ERROR (MemoryError). */
Value call_function_str(VM *vm, Value func) {
    StrBuf b;
    strbuf_init(&b);
    Value inner = value_is_kind(func, OBJ_BOUND_METHOD) ? ((BoundMethod *)value_as_ptr(func))->func : func;
    if (value_is_kind(inner, OBJ_BUILTIN)) {
        Builtin *bf = value_as_ptr(inner);
        if (bf->self_type) strbuf_printf(&b, "%s.", bf->self_type->name);
        strbuf_printf(&b, "%s()", bf->name);
    } else {
        Value q = attr_get_opt(vm, func, intern(vm, "__qualname__"));
        Value m = value_is_kind(q, OBJ_STR) ? attr_get_opt(vm, func, intern(vm, "__module__")) : VALUE_NULL;
        vm->exc = VALUE_NULL;
        if (!value_is_kind(q, OBJ_STR)) {
            if (!op_str_into(vm, func, &b)) vm->exc = VALUE_NULL;
        } else {
            Str *qs = value_as_ptr(q), *ms = value_is_kind(m, OBJ_STR) ? value_as_ptr(m) : NULL;
            if (ms && strcmp(ms->data, "builtins") != 0) strbuf_printf(&b, "%s.", ms->data);
            strbuf_printf(&b, "%s()", qs->data);
        }
    }
    return str_from_buf(vm, &b);
}

Value call_value(VM *vm, Value callable, Value *args, int nargs, Tuple *kwnames) {
    if (value_is_kind(callable, OBJ_FUNCTION)) return vm_call_function(vm, value_as_ptr(callable), args, nargs, kwnames);
    if (value_is_kind(callable, OBJ_BUILTIN)) return builtin_call(vm, value_as_ptr(callable), args, nargs, kwnames);
    if (value_is_kind(callable, OBJ_BOUND_METHOD)) {
        BoundMethod *m = value_as_ptr(callable);
        int nkw = kwnames ? (int)kwnames->len : 0;
        Value small[16];
        Value *buf = nargs + nkw + 1 <= 16 ? small : malloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
        if (!buf) return exc_raise_memory(vm);
        buf[0] = m->self;
        if (nargs + nkw) memcpy(buf + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
        Value r = call_value(vm, m->func, buf, nargs + 1, kwnames);
        if (buf != small) free(buf);
        return r;
    }
    if (value_is_kind(callable, OBJ_TYPE)) {
        Type *t = value_as_ptr(callable);
        if (t->is_heap) return instantiate(vm, t, args, nargs, kwnames);
        if (type_is_subtype(t, &exc_BaseException)) return exc_construct(vm, t, args, nargs);
        if (t->construct) return t->construct(vm, args, nargs, kwnames);
        return exc_raise(vm, &exc_TypeError, "cannot create '%s' instances", t->name);
    }
    if (type_of(callable)->is_heap) {
        Value f = type_lookup(vm, type_of(callable), vm->names.call);
        if (f != VALUE_NULL) {
            int nkw = kwnames ? (int)kwnames->len : 0;
            Value *buf = malloc(sizeof(Value) * (size_t)(nargs + nkw + 1));
            if (!buf) return exc_raise_memory(vm);
            buf[0] = callable;
            if (nargs + nkw) memcpy(buf + 1, args, sizeof(Value) * (size_t)(nargs + nkw));
            Value r = call_value(vm, f, buf, nargs + 1, kwnames);
            free(buf);
            return r;
        }
    }
    return exc_raise(vm, &exc_TypeError, "'%s' object is not callable", type_of(callable)->name);
}

/* ---- dunder slots for classes defined in Python ---- */

static const char *const binop_names[13][3] = {
    {"__add__", "__radd__", "__iadd__"}, {"__and__", "__rand__", "__iand__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"}, {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"}, {"__mul__", "__rmul__", "__imul__"},
    {"__mod__", "__rmod__", "__imod__"}, {"__or__", "__ror__", "__ior__"}, {"__pow__", "__rpow__", "__ipow__"},
    {"__rshift__", "__rrshift__", "__irshift__"}, {"__sub__", "__rsub__", "__isub__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"}, {"__xor__", "__rxor__", "__ixor__"},
};

static Value heap_binary(VM *vm, int nb_op, Value a, Value b) {
    int op = nb_op % 13;
    if (nb_op >= 13 && type_of(a)->is_heap) {
        Value r = call_dunder(vm, a, binop_names[op][2], &b, 1);
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
    }
    if (type_of(a)->is_heap) {
        Value r = call_dunder(vm, a, binop_names[op][0], &b, 1);
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
    }
    if (type_of(b)->is_heap && type_of(b) != type_of(a)) {
        Value r = call_dunder(vm, b, binop_names[op][1], &a, 1);
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
    }
    return VALUE_NULL;
}

static Value heap_compare(VM *vm, int op, Value a, Value b) {
    static const char *const names[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    if (!type_of(a)->is_heap) return VALUE_NULL;
    Value r = call_dunder(vm, a, names[op], &b, 1);
    if (r == VALUE_ERROR) return r;
    if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) return r;
    if (op == 3) {
        r = call_dunder(vm, a, "__eq__", &b, 1);
        if (r == VALUE_ERROR) return r;
        if (r != VALUE_NULL && r != VALUE_NOTIMPLEMENTED) {
            int t = op_truthy(vm, r);
            return t < 0 ? VALUE_ERROR : value_from_bool(!t);
        }
    }
    return VALUE_NULL;
}

static int heap_module_name(VM *vm, Type *t, StrBuf *out) {
    Value m = t->dict ? dict_get_str(t->dict, intern(vm, "__module__")) : VALUE_NULL;
    if (value_is_kind(m, OBJ_STR)) strbuf_puts(out, ((Str *)value_as_ptr(m))->data);
    else strbuf_puts(out, "__main__");
    return 1;
}

/* Calls __repr__ or __str__ and appends its result: 1 done, 0 error, -1 not defined. */
static int call_string_dunder(VM *vm, Value v, const char *name, StrBuf *out) {
    Value r = call_dunder(vm, v, name, NULL, 0);
    if (r == VALUE_ERROR) return 0;
    if (r == VALUE_NULL) return -1;
    if (!value_is_kind(r, OBJ_STR)) {
        exc_raise(vm, &exc_TypeError, "%s returned non-string (type %s)", name, type_of(r)->name);
        return 0;
    }
    strbuf_append(out, ((Str *)value_as_ptr(r))->data, ((Str *)value_as_ptr(r))->len);
    return 1;
}

static int heap_repr(VM *vm, Value v, StrBuf *out) {
    int done = call_string_dunder(vm, v, "__repr__", out);
    if (done >= 0) return done;
    Type *t = type_of(v);
    if (value_is_kind(v, OBJ_EXCEPTION)) {
        Exception *e = value_as_ptr(v);
        strbuf_printf(out, "%s(", t->name);
        if (e->args)
            for (uint32_t i = 0; i < e->args->len; i++) {
                if (i) strbuf_puts(out, ", ");
                if (!op_repr_into(vm, e->args->items[i], out)) return 0;
            }
        strbuf_putc(out, ')');
        return 1;
    }
    strbuf_putc(out, '<');
    heap_module_name(vm, t, out);
    strbuf_printf(out, ".%s object at %p>", t->name, value_as_ptr(v));
    return 1;
}

static int heap_str(VM *vm, Value v, StrBuf *out) {
    int done = call_string_dunder(vm, v, "__str__", out);
    if (done >= 0) return done;
    if (value_is_kind(v, OBJ_EXCEPTION)) {
        Exception *e = value_as_ptr(v);
        if (e->message == VALUE_NULL) return 1;
        return op_str_into(vm, e->message, out);
    }
    return heap_repr(vm, v, out);
}

static int heap_hash(VM *vm, Value v, uint64_t *out) {
    Type *t = type_of(v);
    Value h = type_lookup(vm, t, vm->names.hash);
    if (h == VALUE_NONE) {
        exc_raise(vm, &exc_TypeError, "unhashable type: '%s'", t->name);
        return 0;
    }
    if (h == VALUE_NULL || value_is_kind(h, OBJ_BUILTIN)) {
        *out = (uint64_t)(uintptr_t)value_as_ptr(v) >> 4;
        return 1;
    }
    Value r = call_value(vm, h, &v, 1, NULL);
    if (r == VALUE_ERROR) return 0;
    /* As CPython's slot_tp_hash: an int that fits 64 bits is the hash itself (hash(x) of a str
     * gives such ints), a bigger one is hashed as an int. */
    int64_t big;
    if (value_is_kind(r, OBJ_BIGINT) && bigint_to_int64(r, &big)) {
        *out = (uint64_t)big;
        return 1;
    }
    if (value_is_kind(r, OBJ_BIGINT) || value_is_bool(r)) return dict_hash(vm, r, out);
    if (!value_is_int(r)) {
        exc_raise(vm, &exc_TypeError, "__hash__ method should return an integer");
        return 0;
    }
    *out = (uint64_t)value_as_int(r);
    return 1;
}

static int64_t heap_len(VM *vm, Value v) {
    Value r = call_dunder(vm, v, "__len__", NULL, 0);
    if (r == VALUE_ERROR) return -1;
    if (r == VALUE_NULL) {
        exc_raise(vm, &exc_TypeError, "object of type '%s' has no len()", type_of(v)->name);
        return -1;
    }
    if (!value_is_int(r)) {
        exc_raise(vm, &exc_TypeError, "'%s' object cannot be interpreted as an integer", type_of(r)->name);
        return -1;
    }
    if (value_as_int(r) < 0) {
        exc_raise(vm, &exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return value_as_int(r);
}

static int heap_truthy(VM *vm, Value v) {
    Value r = call_dunder(vm, v, "__bool__", NULL, 0);
    if (r == VALUE_ERROR) return -1;
    if (r != VALUE_NULL) {
        if (!value_is_bool(r)) {
            exc_raise(vm, &exc_TypeError, "__bool__ should return bool, returned %s", type_of(r)->name);
            return -1;
        }
        return r == VALUE_TRUE;
    }
    if (type_lookup(vm, type_of(v), vm->names.len) != VALUE_NULL) {
        int64_t n = heap_len(vm, v);
        return n < 0 ? -1 : n != 0;
    }
    return 1;
}

/* The old sequence protocol: a class with __getitem__ but no __iter__ iterates by index until
 * IndexError. */
static Value seqiter_next(VM *vm, Value it) {
    IterObj *s = value_as_ptr(it);
    if (s->v[0] == VALUE_NULL) return VALUE_NULL;
    Value key = value_from_int(s->n[0]);
    Value r = call_dunder(vm, s->v[0], "__getitem__", &key, 1);
    if (r == VALUE_ERROR && value_is_kind(vm->exc, OBJ_EXCEPTION) &&
        (type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_IndexError) ||
         type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_StopIteration))) {
        vm->exc = VALUE_NULL;
        s->v[0] = VALUE_NULL;
        return VALUE_NULL;
    }
    s->n[0]++;
    return r;
}

static Type type_seqiter = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "iterator", .base = &type_object,
                            .next = seqiter_next};

static Value heap_iter(VM *vm, Value v) {
    Value r = call_dunder(vm, v, "__iter__", NULL, 0);
    if (r != VALUE_NULL) return r;
    if (type_lookup(vm, type_of(v), vm->names.getitem) != VALUE_NULL) {
        IterObj *it = iter_new(vm, &type_seqiter);
        if (!it) return exc_raise_memory(vm);
        it->v[0] = v;
        return value_from_ptr(it);
    }
    return exc_raise(vm, &exc_TypeError, "'%s' object is not iterable", type_of(v)->name);
}

static Value heap_next(VM *vm, Value v) {
    Value r = call_dunder(vm, v, "__next__", NULL, 0);
    if (r == VALUE_NULL) return exc_raise(vm, &exc_TypeError, "'%s' object is not an iterator", type_of(v)->name);
    if (r == VALUE_ERROR && value_is_kind(vm->exc, OBJ_EXCEPTION) &&
        type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_StopIteration)) {
        vm->exc = VALUE_NULL;
        return VALUE_NULL;
    }
    return r;
}

static Value heap_getitem(VM *vm, Value c, Value key) {
    Value r = call_dunder(vm, c, "__getitem__", &key, 1);
    if (r == VALUE_NULL) return exc_raise(vm, &exc_TypeError, "'%s' object is not subscriptable", type_of(c)->name);
    return r;
}

static Value heap_setitem(VM *vm, Value c, Value key, Value v) {
    Value args[2] = {key, v};
    Value r = v == VALUE_NULL ? call_dunder(vm, c, "__delitem__", args, 1) : call_dunder(vm, c, "__setitem__", args, 2);
    if (r == VALUE_NULL)
        return exc_raise(vm, &exc_TypeError, "'%s' object does not support item %s", type_of(c)->name,
                         v == VALUE_NULL ? "deletion" : "assignment");
    return r == VALUE_ERROR ? r : VALUE_NONE;
}

static int heap_contains(VM *vm, Value c, Value item) {
    Value r = call_dunder(vm, c, "__contains__", &item, 1);
    if (r == VALUE_ERROR) return -1;
    if (r != VALUE_NULL) return op_truthy(vm, r);
    return op_iter_search(vm, c, item);
}

static Value heap_unary(VM *vm, int op, Value v) {
    const char *name = op == OP_UNARY_NEGATIVE ? "__neg__" : op == OP_UNARY_POSITIVE ? "__pos__" : "__invert__";
    return call_dunder(vm, v, name, NULL, 0);
}

/* ---- classes ---- */

/* The C3 linearization of t with these bases, as CPython's mro_implementation: merge the bases'
 * MROs and the list of bases, each time taking the first head that is in no other tail. The
 * sequences are as long as the hierarchy is deep, so they live on the heap. */
static Tuple *compute_mro(VM *vm, Type *t, Tuple *bases) {
    uint32_t nseq = bases->len + 1;
    Value **seqs = calloc(nseq, sizeof *seqs);
    uint32_t *lens = calloc(nseq, sizeof *lens), *heads = calloc(nseq, sizeof *heads);
    size_t total = 1 + bases->len;
    Tuple *mro = NULL;
    Value *out = NULL;
    int ok = seqs && lens && heads;
    for (uint32_t i = 0; ok && i < bases->len; i++) {
        Type *b = value_as_ptr(bases->items[i]);
        uint32_t n = 0;
        if (b->mro) n = b->mro->len;
        else
            for (Type *k = b; k; k = k->base) n++;
        if (!(seqs[i] = malloc(sizeof(Value) * (n ? n : 1)))) {
            ok = 0;
            break;
        }
        if (b->mro) memcpy(seqs[i], b->mro->items, sizeof(Value) * n);
        else {
            uint32_t j = 0;
            for (Type *k = b; k; k = k->base) seqs[i][j++] = value_from_ptr(k);
        }
        lens[i] = n;
        total += n;
    }
    if (ok) {
        seqs[nseq - 1] = bases->items;   /* borrowed, not freed */
        lens[nseq - 1] = bases->len;
        ok = (out = malloc(sizeof(Value) * total)) != NULL;
    }
    if (!ok) {
        exc_raise_memory(vm);
        goto done;
    }
    size_t nout = 0;
    out[nout++] = value_from_ptr(t);
    for (;;) {
        int remaining = 0;
        Value pick = VALUE_NULL;
        for (uint32_t q = 0; q < nseq && pick == VALUE_NULL; q++) {
            if (heads[q] >= lens[q]) continue;
            remaining = 1;
            Value cand = seqs[q][heads[q]];
            int in_tail = 0;
            for (uint32_t o = 0; o < nseq && !in_tail; o++)
                for (uint32_t k = heads[o] + 1; k < lens[o]; k++)
                    if (seqs[o][k] == cand) in_tail = 1;
            if (!in_tail) pick = cand;
        }
        for (uint32_t q = 0; q < nseq; q++)
            if (heads[q] < lens[q]) remaining = 1;
        if (!remaining) break;
        if (pick == VALUE_NULL || nout == total) {
            exc_raise(vm, &exc_TypeError, "Cannot create a consistent method resolution order (MRO)");
            goto done;
        }
        out[nout++] = pick;
        for (uint32_t q = 0; q < nseq; q++)
            if (heads[q] < lens[q] && seqs[q][heads[q]] == pick) heads[q]++;
    }
    if (!(mro = tuple_new(vm, (uint32_t)nout))) {
        exc_raise_memory(vm);
        goto done;
    }
    memcpy(mro->items, out, sizeof(Value) * nout);
done:
    if (seqs)
        for (uint32_t i = 0; i + 1 < nseq; i++) free(seqs[i]);
    free(seqs);
    free(lens);
    free(heads);
    free(out);
    return mro;
}

static void set_owner(Value v, Type *t) {
    if (value_is_kind(v, OBJ_FUNCTION)) ((Function *)value_as_ptr(v))->owner = t;
    else if (value_is_kind(v, OBJ_WRAPPER)) {
        Wrapper *w = value_as_ptr(v);
        set_owner(w->a, t);
        set_owner(w->b, t);
    }
}

Value class_new(VM *vm, Str *name, Tuple *bases, Dict *ns) {
    if (!bases->len) {
        bases = tuple_new(vm, 1);
        if (!bases) return exc_raise_memory(vm);
        bases->items[0] = value_from_ptr(&type_object);
    }
    for (uint32_t i = 0; i < bases->len; i++)
        if (!value_is_kind(bases->items[i], OBJ_TYPE))
            return exc_raise(vm, &exc_TypeError, "bases must be types");
    Type *t = gc_alloc(vm, sizeof(Type), OBJ_TYPE);
    if (!t) return exc_raise_memory(vm);
    t->is_heap = 1;
    t->name_str = name;
    t->name = name->data;
    t->base = value_as_ptr(bases->items[0]);
    t->dict = ns;
    t->mro = compute_mro(vm, t, bases);
    if (!t->mro) return VALUE_ERROR;
    for (uint32_t i = 0; i < bases->len; i++) {
        Type *b = value_as_ptr(bases->items[i]);
        if (!b->is_heap) continue;
        if (!b->subclasses && !(b->subclasses = list_new(vm, 2))) return exc_raise_memory(vm);
        if (!list_append(vm, b->subclasses, value_from_ptr(t))) return exc_raise_memory(vm);
    }
    t->binary = heap_binary;
    t->compare = heap_compare;
    t->repr = heap_repr;
    t->str = heap_str;
    t->hash = heap_hash;
    t->truthy = heap_truthy;
    t->len = heap_len;
    t->iter = heap_iter;
    t->next = heap_next;
    t->getitem = heap_getitem;
    t->setitem = heap_setitem;
    t->contains = heap_contains;
    t->unary = heap_unary;
    Value slots = dict_get_str(ns, intern(vm, "__slots__"));
    if (slots != VALUE_NULL) {
        if (value_is_kind(slots, OBJ_STR)) {
            Tuple *one = tuple_new(vm, 1);
            if (!one) return exc_raise_memory(vm);
            one->items[0] = slots;
            t->slot_names = one;
        } else {
            Value tup = tuple_from_iterable(vm, slots);
            if (tup == VALUE_ERROR) return tup;
            t->slot_names = value_as_ptr(tup);
        }
        /* '__dict__' gives the instances a dict, '__weakref__' nothing here: neither is a slot. */
        uint32_t n = 0;
        for (uint32_t i = 0; i < t->slot_names->len; i++) {
            Str *s = value_as_ptr(t->slot_names->items[i]);
            Str *in = str_intern(vm, s->data, s->len);
            if (!in) return exc_raise_memory(vm);
            if (in == vm->names.dict) t->slots_dict = 1;
            else if (strcmp(in->data, "__weakref__") != 0) t->slot_names->items[n++] = value_from_ptr(in);
        }
        t->slot_names->len = n;
    }
    /* A class that defines __eq__ but not __hash__ is unhashable (its __hash__ is None). */
    if (dict_get_str(ns, intern(vm, "__eq__")) != VALUE_NULL && dict_get_str(ns, vm->names.hash) == VALUE_NULL &&
        !dict_set_str(vm, ns, vm->names.hash, VALUE_NONE))
        return exc_raise_memory(vm);
    for (uint32_t i = 0; i < ns->nentries; i++)
        if (ns->entries[i].key != VALUE_NULL) set_owner(ns->entries[i].value, t);
    /* __init_subclass__ and metaclasses are not supported; __set_name__ neither. */
    return value_from_ptr(t);
}

/* ---- the builtins of the object model ---- */

static Value b_build_class(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 2 || !value_is_kind(args[0], OBJ_FUNCTION) || !value_is_kind(args[1], OBJ_STR))
        return exc_raise(vm, &exc_TypeError, "__build_class__: bad arguments");
    Dict *ns = dict_new(vm);
    Tuple *bases = tuple_new(vm, (uint32_t)(nargs - 2));
    if (!ns || !bases) return exc_raise_memory(vm);
    for (int i = 2; i < nargs; i++) bases->items[i - 2] = args[i];
    if (!gc_root_push(vm, value_from_ptr(ns)) || !gc_root_push(vm, value_from_ptr(bases))) return VALUE_ERROR;
    Value r = vm_run_class_body(vm, value_as_ptr(args[0]), ns);
    Value cls = r == VALUE_ERROR ? r : class_new(vm, value_as_ptr(args[1]), bases, ns);
    gc_root_pop(vm, 2);
    return cls;
}

static Value b_super(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    Value cls, self;
    if (nargs == 2) {
        cls = args[0];
        self = args[1];
    } else {
        Frame *f = vm->nframes ? &vm->frames[vm->nframes - 1] : NULL;
        if (!f || !f->func || !f->func->owner || f->code->nargs == 0)
            return exc_raise(vm, &exc_RuntimeError, "super(): no arguments");
        cls = value_from_ptr(f->func->owner);
        self = f->locals[0];
        if (value_is_kind(self, OBJ_CELL)) self = ((Cell *)value_as_ptr(self))->value;
    }
    Wrapper *w = gc_alloc(vm, sizeof(Wrapper), OBJ_WRAPPER);
    if (!w) return exc_raise_memory(vm);
    w->tag = WRAP_SUPER;
    w->a = cls;
    w->b = self;
    w->c = VALUE_NONE;
    return value_from_ptr(w);
}

static Value make_wrapper(VM *vm, WrapperTag tag, Value a, Value b, Value c) {
    Wrapper *w = gc_alloc(vm, sizeof(Wrapper), OBJ_WRAPPER);
    if (!w) return exc_raise_memory(vm);
    w->tag = (uint8_t)tag;
    w->a = a;
    w->b = b;
    w->c = c;
    return value_from_ptr(w);
}

static Value b_property(VM *vm, Value *args, int nargs, Tuple *kw) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value out[4];
    if (!args_bind(vm, "property", args, nargs, kw, names, 4, 0, out)) return VALUE_ERROR;
    for (int i = 0; i < 3; i++)
        if (out[i] == VALUE_NULL) out[i] = VALUE_NONE;
    return make_wrapper(vm, WRAP_PROPERTY, out[0], out[1], out[2]);
}

static Value b_property_setter(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "setter() takes exactly one argument");
    Wrapper *w = value_as_ptr(args[0]);
    return make_wrapper(vm, WRAP_PROPERTY, w->a, args[1], w->c);
}

static Value b_property_getter(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "getter() takes exactly one argument");
    Wrapper *w = value_as_ptr(args[0]);
    return make_wrapper(vm, WRAP_PROPERTY, args[1], w->b, w->c);
}

static Value b_property_deleter(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "deleter() takes exactly one argument");
    Wrapper *w = value_as_ptr(args[0]);
    return make_wrapper(vm, WRAP_PROPERTY, w->a, w->b, args[1]);
}

static const MethodDef property_methods[] = {
    {"setter", b_property_setter, CALLKIND_O}, {"getter", b_property_getter, CALLKIND_O},
    {"deleter", b_property_deleter, CALLKIND_O}, {NULL, NULL, 0},
};

static Value b_staticmethod(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "staticmethod expected 1 argument, got %d", nargs);
    return make_wrapper(vm, WRAP_STATICMETHOD, args[0], VALUE_NONE, VALUE_NONE);
}

static Value b_classmethod(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "classmethod expected 1 argument, got %d", nargs);
    return make_wrapper(vm, WRAP_CLASSMETHOD, args[0], VALUE_NONE, VALUE_NONE);
}

static int is_instance_of(VM *vm, Value obj, Value cls) {
    if (value_is_kind(cls, OBJ_TUPLE)) {
        Tuple *t = value_as_ptr(cls);
        for (uint32_t i = 0; i < t->len; i++) {
            int r = is_instance_of(vm, obj, t->items[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!value_is_kind(cls, OBJ_TYPE)) {
        exc_raise(vm, &exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    return type_is_subtype(type_of(obj), value_as_ptr(cls));
}

static Value b_isinstance(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "isinstance expected 2 arguments, got %d", nargs);
    int r = is_instance_of(vm, args[0], args[1]);
    return r < 0 ? VALUE_ERROR : value_from_bool(r);
}

static Value b_issubclass(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "issubclass expected 2 arguments, got %d", nargs);
    if (!value_is_kind(args[0], OBJ_TYPE)) return exc_raise(vm, &exc_TypeError, "issubclass() arg 1 must be a class");
    Value classes = args[1];
    if (value_is_kind(classes, OBJ_TUPLE)) {
        Tuple *t = value_as_ptr(classes);
        for (uint32_t i = 0; i < t->len; i++)
            if (value_is_kind(t->items[i], OBJ_TYPE) && type_is_subtype(value_as_ptr(args[0]), value_as_ptr(t->items[i])))
                return VALUE_TRUE;
        return VALUE_FALSE;
    }
    if (!value_is_kind(classes, OBJ_TYPE))
        return exc_raise(vm, &exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return value_from_bool(type_is_subtype(value_as_ptr(args[0]), value_as_ptr(classes)));
}

static Value b_type(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs == 1) return value_from_ptr(type_of(args[0]));
    if (nargs == 3 && value_is_kind(args[0], OBJ_STR) && value_is_kind(args[1], OBJ_TUPLE) && value_is_kind(args[2], OBJ_DICT))
        return class_new(vm, value_as_ptr(args[0]), value_as_ptr(args[1]), value_as_ptr(args[2]));
    return exc_raise(vm, &exc_TypeError, "type() takes 1 or 3 arguments");
}

static Value b_object(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)args;
    if (nargs || (kw && kw->len)) return exc_raise(vm, &exc_TypeError, "object() takes no arguments");
    Instance *in = gc_alloc(vm, sizeof(Instance), OBJ_INSTANCE);
    if (!in) return exc_raise_memory(vm);
    in->cls = &type_object;
    return value_from_ptr(in);
}

static Str *name_arg(VM *vm, Value v, const char *fn) {
    if (!value_is_kind(v, OBJ_STR)) {
        exc_raise(vm, &exc_TypeError, "%s(): attribute name must be string", fn);
        return NULL;
    }
    Str *s = value_as_ptr(v);
    return str_intern(vm, s->data, s->len);
}

static Value b_getattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 2 || nargs > 3) return exc_raise(vm, &exc_TypeError, "getattr expected 2 or 3 arguments, got %d", nargs);
    Str *name = name_arg(vm, args[1], "getattr");
    if (!name) return VALUE_ERROR;
    Value v = attr_get(vm, args[0], name);
    if (v == VALUE_ERROR && nargs == 3 && value_is_kind(vm->exc, OBJ_EXCEPTION) &&
        type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_AttributeError)) {
        vm->exc = VALUE_NULL;
        return args[2];
    }
    return v;
}

static Value b_hasattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "hasattr expected 2 arguments, got %d", nargs);
    Str *name = name_arg(vm, args[1], "hasattr");
    if (!name) return VALUE_ERROR;
    Value v = attr_get(vm, args[0], name);
    if (v != VALUE_ERROR) return VALUE_TRUE;
    if (value_is_kind(vm->exc, OBJ_EXCEPTION) && type_is_subtype(((Exception *)value_as_ptr(vm->exc))->type, &exc_AttributeError)) {
        vm->exc = VALUE_NULL;
        return VALUE_FALSE;
    }
    return VALUE_ERROR;
}

static Value b_setattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 3) return exc_raise(vm, &exc_TypeError, "setattr expected 3 arguments, got %d", nargs);
    Str *name = name_arg(vm, args[1], "setattr");
    return name && attr_set(vm, args[0], name, args[2]) ? VALUE_NONE : VALUE_ERROR;
}

static Value b_delattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return exc_raise(vm, &exc_TypeError, "delattr expected 2 arguments, got %d", nargs);
    Str *name = name_arg(vm, args[1], "delattr");
    return name && attr_set(vm, args[0], name, VALUE_NULL) ? VALUE_NONE : VALUE_ERROR;
}

static Value b_callable(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "callable() takes exactly one argument (%d given)", nargs);
    Value v = args[0];
    if (value_is_kind(v, OBJ_FUNCTION) || value_is_kind(v, OBJ_BUILTIN) || value_is_kind(v, OBJ_BOUND_METHOD) ||
        value_is_kind(v, OBJ_TYPE))
        return VALUE_TRUE;
    return value_from_bool(type_of(v)->is_heap && type_lookup(vm, type_of(v), vm->names.call) != VALUE_NULL);
}

static Value b_id(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "id() takes exactly one argument (%d given)", nargs);
    uint64_t v = value_is_obj(args[0]) ? (uint64_t)(uintptr_t)value_as_ptr(args[0]) : args[0];
    return value_from_int((int64_t)(v & 0x7fffffffffffull));
}

static Value b_hash(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 1) return exc_raise(vm, &exc_TypeError, "hash() takes exactly one argument (%d given)", nargs);
    uint64_t h;
    if (!dict_hash(vm, args[0], &h)) return VALUE_ERROR;
    int64_t x = (int64_t)h;
    if (x == -1) x = -2;
    return smallint_fits(x) ? value_from_int(x) : bigint_from_i128(vm, x);
}

static Value b_vars(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs == 0) return vm->globals ? value_from_ptr(vm->globals) : VALUE_NONE;
    Value d = attr_get_opt(vm, args[0], intern(vm, "__dict__"));
    if (d == VALUE_NULL) return exc_raise(vm, &exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static int dir_add(VM *vm, Dict *seen, Dict *d) {
    if (!d) return 1;
    for (uint32_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key != VALUE_NULL && !dict_set(vm, seen, d->entries[i].key, d->entries[i].hash, VALUE_NONE))
            return 0;
    return 1;
}

static Value b_dir(VM *vm, Value *args, int nargs, Tuple *kw);
Value class_dir(VM *vm, Value obj) { return b_dir(vm, &obj, 1, NULL); }

static Value b_dir(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    Dict *seen = dict_new(vm);
    if (!seen) return exc_raise_memory(vm);
    if (nargs == 0) {
        Frame *f = vm->nframes ? &vm->frames[vm->nframes - 1] : NULL;
        if (f && f->locals_dict && !dir_add(vm, seen, f->locals_dict)) return exc_raise_memory(vm);
    } else {
        Value v = args[0];
        Dict **dp = instance_dict_slot(v);
        if (dp && !dir_add(vm, seen, *dp)) return exc_raise_memory(vm);
        if (value_is_kind(v, OBJ_MODULE) && !dir_add(vm, seen, ((Module *)value_as_ptr(v))->dict)) return exc_raise_memory(vm);
        Type *t = value_is_kind(v, OBJ_TYPE) ? value_as_ptr(v) : type_of(v);
        if (t->mro) {
            for (uint32_t i = 0; i < t->mro->len; i++) {
                Type *k = value_as_ptr(t->mro->items[i]);
                if (!dir_add(vm, seen, k->is_heap ? k->dict : static_type_dict(vm, k))) return exc_raise_memory(vm);
            }
        } else {
            for (Type *k = t; k; k = k->base)
                if (!dir_add(vm, seen, static_type_dict(vm, k))) return exc_raise_memory(vm);
        }
    }
    List *l = list_new(vm, seen->count);
    if (!l) return exc_raise_memory(vm);
    for (uint32_t i = 0; i < seen->nentries; i++)
        if (seen->entries[i].key != VALUE_NULL) l->items[l->len++] = seen->entries[i].key;
    if (!gc_root_push(vm, value_from_ptr(l))) return VALUE_ERROR;
    int ok = list_sort(vm, l, VALUE_NONE, 0);
    gc_root_pop(vm, 1);
    return ok ? value_from_ptr(l) : VALUE_ERROR;
}

static Value exc_init(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 1 || !value_is_kind(args[0], OBJ_EXCEPTION)) return VALUE_NONE;
    Exception *e = value_as_ptr(args[0]);
    Tuple *t = tuple_new(vm, (uint32_t)(nargs - 1));
    if (!t) return exc_raise_memory(vm);
    for (int i = 1; i < nargs; i++) t->items[i - 1] = args[i];
    e->args = t;
    e->message = nargs == 2 ? args[1] : nargs == 1 ? VALUE_NULL : value_from_ptr(t);
    return VALUE_NONE;
}

static Value obj_setattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 3 || !value_is_kind(args[1], OBJ_STR)) return exc_raise(vm, &exc_TypeError, "__setattr__ expected 2 arguments");
    Str *s = value_as_ptr(args[1]);
    return attr_set_impl(vm, args[0], str_intern(vm, s->data, s->len), args[2], 0) ? VALUE_NONE : VALUE_ERROR;
}

static Value obj_delattr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2 || !value_is_kind(args[1], OBJ_STR)) return exc_raise(vm, &exc_TypeError, "__delattr__ expected 1 argument");
    Str *s = value_as_ptr(args[1]);
    return attr_set_impl(vm, args[0], str_intern(vm, s->data, s->len), VALUE_NULL, 0) ? VALUE_NONE : VALUE_ERROR;
}

static Value obj_init(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)vm;
    (void)args;
    (void)nargs;
    (void)kw;
    return VALUE_NONE;
}

static Value obj_new(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 1 || !value_is_kind(args[0], OBJ_TYPE)) return exc_raise(vm, &exc_TypeError, "object.__new__(X): X is not a type object");
    Type *t = value_as_ptr(args[0]);
    if (!t->is_heap) return b_object(vm, NULL, 0, NULL);
    return instance_new(vm, t);
}

static Value obj_repr(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    (void)nargs;
    StrBuf b;
    strbuf_init(&b);
    Type *t = type_of(args[0]);
    strbuf_putc(&b, '<');
    if (t->is_heap) {
        heap_module_name(vm, t, &b);
        strbuf_putc(&b, '.');
    }
    strbuf_printf(&b, "%s object at %p>", t->name, value_as_ptr(args[0]));
    Value r = str_value(vm, strbuf_cstr(&b), b.len);
    strbuf_free(&b);
    return r;
}

static Value obj_str(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    (void)nargs;
    return op_repr(vm, args[0]);
}

static Value obj_eq(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)vm;
    (void)kw;
    if (nargs != 2) return VALUE_NOTIMPLEMENTED;
    return args[0] == args[1] ? VALUE_TRUE : VALUE_NOTIMPLEMENTED;
}

static Value obj_ne(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs != 2) return VALUE_NOTIMPLEMENTED;
    Value r = call_dunder(vm, args[0], "__eq__", &args[1], 1);
    if (r == VALUE_ERROR || r == VALUE_NOTIMPLEMENTED || r == VALUE_NULL) return r == VALUE_NULL ? VALUE_NOTIMPLEMENTED : r;
    int t = op_truthy(vm, r);
    return t < 0 ? VALUE_ERROR : value_from_bool(!t);
}

static Value obj_hash(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)vm;
    (void)nargs;
    (void)kw;
    return value_from_int((int64_t)(((uintptr_t)value_as_ptr(args[0]) >> 4) & 0x7fffffffffffull));
}

static const MethodDef object_methods[] = {
    {"__setattr__", obj_setattr, CALLKIND_FAST}, {"__delattr__", obj_delattr, CALLKIND_FAST},
    {"__init__", obj_init, CALLKIND_VARARGS}, {"__new__", obj_new, CALLKIND_VARARGS},
    {"__repr__", obj_repr, CALLKIND_FAST}, {"__str__", obj_str, CALLKIND_FAST},
    {"__eq__", obj_eq, CALLKIND_FAST}, {"__ne__", obj_ne, CALLKIND_FAST}, {"__hash__", obj_hash, CALLKIND_FAST},
    {NULL, NULL, 0},
};

static Value type_mro_method(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)nargs;
    (void)kw;
    Value m = attr_get(vm, args[0], intern(vm, "__mro__"));
    return m == VALUE_ERROR ? m : list_from_iterable(vm, m);
}

static const MethodDef type_methods[] = {{"mro", type_mro_method, CALLKIND_FAST}, {NULL, NULL, 0}};

/* list[int] and friends in annotations: a GenericAlias that prints as written. */
static int alias_repr(VM *vm, Value v, StrBuf *out) {
    IterObj *a = value_as_ptr(v);
    Type *origin = value_as_ptr(a->v[0]);
    strbuf_printf(out, "%s[", origin->name);
    Value args = a->v[1];
    Value *items = &args;
    uint32_t n = 1;
    if (value_is_kind(args, OBJ_TUPLE)) {
        items = ((Tuple *)value_as_ptr(args))->items;
        n = ((Tuple *)value_as_ptr(args))->len;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (i) strbuf_puts(out, ", ");
        if (value_is_kind(items[i], OBJ_TYPE)) strbuf_puts(out, ((Type *)value_as_ptr(items[i]))->name);
        else if (!op_repr_into(vm, items[i], out)) return 0;
    }
    strbuf_putc(out, ']');
    return 1;
}

static Type type_generic_alias = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = "types.GenericAlias",
                                  .base = &type_object, .repr = alias_repr};

static Value type_getitem(VM *vm, Value c, Value key) {
    IterObj *a = iter_new(vm, &type_generic_alias);
    if (!a) return exc_raise_memory(vm);
    a->v[0] = c;
    a->v[1] = key;
    return value_from_ptr(a);
}

static Value b_slice(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    if (nargs < 1 || nargs > 3) return exc_raise(vm, &exc_TypeError, "slice expected at most 3 arguments, got %d", nargs);
    return slice_new(vm, nargs >= 2 ? args[0] : VALUE_NONE, nargs >= 2 ? args[1] : args[0],
                     nargs == 3 ? args[2] : VALUE_NONE);
}

static int slice_repr(VM *vm, Value v, StrBuf *out) {
    Slice *s = value_as_ptr(v);
    strbuf_puts(out, "slice(");
    if (!op_repr_into(vm, s->start, out)) return 0;
    strbuf_puts(out, ", ");
    if (!op_repr_into(vm, s->stop, out)) return 0;
    strbuf_puts(out, ", ");
    if (!op_repr_into(vm, s->step, out)) return 0;
    strbuf_putc(out, ')');
    return 1;
}

static Value exc_repr_method(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    (void)nargs;
    StrBuf b;
    strbuf_init(&b);
    Exception *e = value_as_ptr(args[0]);
    strbuf_printf(&b, "%s(", e->type->name);
    int ok = 1;
    if (e->args)
        for (uint32_t i = 0; ok && i < e->args->len; i++) {
            if (i) strbuf_puts(&b, ", ");
            ok = op_repr_into(vm, e->args->items[i], &b);
        }
    strbuf_putc(&b, ')');
    Value r = ok ? str_value(vm, strbuf_cstr(&b), b.len) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}

static Value exc_str_method(VM *vm, Value *args, int nargs, Tuple *kw) {
    (void)kw;
    (void)nargs;
    Exception *e = value_as_ptr(args[0]);
    if (e->message == VALUE_NULL) return str_value(vm, "", 0);
    StrBuf b;
    strbuf_init(&b);
    int ok = type_is_subtype(e->type, &exc_KeyError) && (!e->args || e->args->len == 1) ? op_repr_into(vm, e->message, &b)
                                                                                         : op_str_into(vm, e->message, &b);
    Value r = ok ? str_value(vm, strbuf_cstr(&b), b.len) : VALUE_ERROR;
    strbuf_free(&b);
    return r;
}

static const MethodDef exception_methods[] = {
    {"__init__", exc_init, CALLKIND_VARARGS}, {"__repr__", exc_repr_method, CALLKIND_FAST},
    {"__str__", exc_str_method, CALLKIND_FAST}, {NULL, NULL, 0},
};

static const BuiltinDef class_builtins[] = {
    {"__build_class__", b_build_class, CALLKIND_FAST_WITH_KEYWORDS},
    {"super", b_super, CALLKIND_VARARGS},
    {"isinstance", b_isinstance, CALLKIND_FAST},
    {"issubclass", b_issubclass, CALLKIND_FAST},
    {"getattr", b_getattr, CALLKIND_FAST},
    {"setattr", b_setattr, CALLKIND_FAST},
    {"hasattr", b_hasattr, CALLKIND_FAST},
    {"delattr", b_delattr, CALLKIND_FAST},
    {"callable", b_callable, CALLKIND_O},
    {"id", b_id, CALLKIND_O},
    {"hash", b_hash, CALLKIND_O},
    {"vars", b_vars, CALLKIND_FAST},
    {"dir", b_dir, CALLKIND_FAST},
    {NULL, NULL, 0},
};

int class_init_builtins(VM *vm, Dict *builtins) {
    for (const BuiltinDef *d = class_builtins; d->name; d++) {
        Builtin *b = builtins_new_function(vm, d);
        Str *name = intern(vm, d->name);
        if (!b || !name || !dict_set_str(vm, builtins, name, value_from_ptr(b))) return 0;
    }
    type_property.construct = b_property;
    type_property.methods = property_methods;
    type_staticmethod.construct = b_staticmethod;
    type_classmethod.construct = b_classmethod;
    type_type.construct = b_type;
    type_object.construct = b_object;
    type_super.construct = b_super;
    exc_BaseException.methods = exception_methods;
    type_object.methods = object_methods;
    type_type.methods = type_methods;
    type_type.getitem = type_getitem;
    type_slice.construct = b_slice;
    type_slice.repr = slice_repr;
    Str *ni = intern(vm, "NotImplemented");
    if (!ni || !dict_set_str(vm, builtins, ni, VALUE_NOTIMPLEMENTED)) return 0;
    /* Built-in types beyond those numbered by types_init get method-dict slots here. */
    Type *more[] = {&type_property, &exc_BaseException, &type_type, NULL};
    int next = 40;
    for (int i = 0; more[i]; i++)
        if (!more[i]->static_index) more[i]->static_index = (uint8_t)next++;
    return 1;
}
