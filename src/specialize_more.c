/* Specializing attribute access, method loads, subscripts and unpacking, decision by decision as
 * CPython 3.11's specialize.c makes them (analyze_descriptor, specialize_dict_access, ...). Anole's
 * instances keep a dict each; the class's instance_keys (every attribute name stored on its
 * instances) stands for CPython's shared keys, which decide whether an attribute is an "instance
 * value" there. */
#include <string.h>

#include "class.h"
#include "containers.h"
#include "opcode.h"
#include "runtime.h"
#include "specialize.h"
#include "vm.h"

typedef enum { D_ABSENT, D_METHOD, D_PROPERTY, D_SLOT, D_CLASSMETHOD, D_NON_OVERRIDING, D_NON_DESCRIPTOR, D_OVERRIDDEN } DescrKind;

static int type_has_slot_name(Type *t, Str *name) {
    for (Type *k = t; k && k->is_heap; k = k->base)
        if (k->slot_names)
            for (uint32_t i = 0; i < k->slot_names->len; i++)
                if (str_equal(value_as_ptr(k->slot_names->items[i]), name)) return 1;
    return 0;
}

static int slot_number(Type *t, Str *name) {
    int base = 0;
    for (Type *b = t; b && b->is_heap; b = b->base)
        if (b->slot_names) base += (int)b->slot_names->len;
    for (Type *k = t; k && k->is_heap; k = k->base) {
        if (!k->slot_names) continue;
        base -= (int)k->slot_names->len;
        for (uint32_t i = 0; i < k->slot_names->len; i++)
            if (str_equal(value_as_ptr(k->slot_names->items[i]), name)) return base + (int)i;
    }
    return -1;
}

/* What the class says about name, as CPython's analyze_descriptor classifies it. */
static DescrKind analyze_descriptor(VM *vm, Type *t, Str *name, int store, Value *descr) {
    *descr = VALUE_NULL;
    if (t->is_heap) {
        const char *hook = store ? "__setattr__" : "__getattribute__";
        Value h = type_lookup(vm, t, str_intern(vm, hook, strlen(hook)));
        if (value_is_kind(h, OBJ_FUNCTION)) return D_OVERRIDDEN;
        if (!store && value_is_kind(type_lookup(vm, t, vm->names.getattr), OBJ_FUNCTION)) return D_OVERRIDDEN;
    }
    if (type_has_slot_name(t, name)) return D_SLOT;
    Value d = type_lookup(vm, t, name);
    *descr = d;
    if (d == VALUE_NULL) return D_ABSENT;
    if (value_binds_as_method(d)) return D_METHOD;
    if (value_is_kind(d, OBJ_WRAPPER)) {
        Wrapper *w = value_as_ptr(d);
        if (w->tag == WRAP_PROPERTY) return D_PROPERTY;
        if (w->tag == WRAP_CLASSMETHOD) return D_CLASSMETHOD;
        return D_NON_OVERRIDING;
    }
    return D_NON_DESCRIPTOR;
}

/* How CPython 3.11 would hold this instance's attributes: inline values sharing the class's keys
 * (at most 30 of them), a split dict once __dict__ or vars() made one, or a combined dict when the
 * shared keys overflowed. Only a combined dict takes the WITH_HINT members. */
typedef enum { LAYOUT_VALUES, LAYOUT_SPLIT_DICT, LAYOUT_COMBINED } InstanceLayout;
#define SHARED_KEYS_MAX_SIZE 30

static InstanceLayout instance_layout(Instance *in) {
    if (in->dict && (in->dict->count > SHARED_KEYS_MAX_SIZE ||
                     (in->cls->instance_keys && in->cls->instance_keys->count > SHARED_KEYS_MAX_SIZE)))
        return LAYOUT_COMBINED;
    return in->dict_materialized ? LAYOUT_SPLIT_DICT : LAYOUT_VALUES;
}

static int dict_index_of(Dict *d, Str *name) {
    int32_t ix = d ? dict_lookup(d, value_from_ptr(name), name->hash) : -1;
    return ix;
}

static SpecFail attr_fail_kind(DescrKind k) {
    switch (k) {
    case D_METHOD: return SPECFAIL_ATTR_METHOD;
    case D_PROPERTY: return SPECFAIL_ATTR_PROPERTY;
    case D_OVERRIDDEN: return SPECFAIL_OVERRIDDEN;
    case D_NON_OVERRIDING: return SPECFAIL_ATTR_NON_OVERRIDING_DESCRIPTOR;
    default: return SPECFAIL_OTHER;
    }
}

/* LOAD_ATTR's cache: counter, type version (2 units), index. For modules: the dict keys version
 * and the entry index. */
static int specialize_module_attr(VM *vm, Code *code, uint16_t *instr, Module *m, Str *name, int family, int op) {
    int32_t ix = dict_index_of(m->dict, name);
    if (ix < 0) {
        specialize_failed(vm, code, instr, family, SPECFAIL_ATTR_MODULE_ATTR_NOT_FOUND);
        return 0;
    }
    uint32_t v = dict_keys_version(vm, m->dict);
    if (!v || ix > 0xffff) {
        specialize_failed(vm, code, instr, family, v ? SPECFAIL_OUT_OF_RANGE : SPECFAIL_OUT_OF_VERSIONS);
        return 0;
    }
    specialize_write_u32(instr + 2, v);
    instr[4] = (uint16_t)ix;
    specialize_succeeded(vm, instr, family, op);
    return 1;
}

void specialize_load_attr(VM *vm, Code *code, uint16_t *instr, Value owner, Str *name) {
    if (value_is_kind(owner, OBJ_MODULE)) {
        specialize_module_attr(vm, code, instr, value_as_ptr(owner), name, OP_LOAD_ATTR, OP_LOAD_ATTR_MODULE);
        return;
    }
    Type *t = type_of(owner);
    Value descr;
    DescrKind k = analyze_descriptor(vm, t, name, 0, &descr);
    uint32_t version = type_version(vm, t);
    if (!version) {
        specialize_failed(vm, code, instr, OP_LOAD_ATTR, SPECFAIL_OUT_OF_VERSIONS);
        return;
    }
    if (k == D_SLOT) {
        specialize_write_u32(instr + 2, version);
        instr[4] = (uint16_t)slot_number(t, name);
        specialize_succeeded(vm, instr, OP_LOAD_ATTR, OP_LOAD_ATTR_SLOT);
        return;
    }
    if (k == D_METHOD || k == D_PROPERTY || k == D_OVERRIDDEN) {
        specialize_failed(vm, code, instr, OP_LOAD_ATTR, attr_fail_kind(k));
        return;
    }
    /* An instance value: only instances of classes defined in Python have a managed dict. */
    if (!t->is_heap || !value_is_kind(owner, OBJ_INSTANCE) || !((Instance *)value_as_ptr(owner))->dict) {
        specialize_failed(vm, code, instr, OP_LOAD_ATTR, SPECFAIL_NO_DICT);
        return;
    }
    Instance *in = value_as_ptr(owner);
    InstanceLayout layout = instance_layout(in);
    if (layout == LAYOUT_SPLIT_DICT) {
        specialize_failed(vm, code, instr, OP_LOAD_ATTR, SPECFAIL_ATTR_NON_STRING_OR_SPLIT);
        return;
    }
    if (layout == LAYOUT_COMBINED) {
        int32_t hint = dict_index_of(in->dict, name);
        if (hint < 0 || hint > 0xffff) {
            specialize_failed(vm, code, instr, OP_LOAD_ATTR, SPECFAIL_OUT_OF_RANGE);
            return;
        }
        specialize_write_u32(instr + 2, version);
        instr[4] = (uint16_t)hint;
        specialize_succeeded(vm, instr, OP_LOAD_ATTR, OP_LOAD_ATTR_WITH_HINT);
        return;
    }
    int32_t index = dict_index_of(t->instance_keys, name);
    if (index < 0 || index > 0xffff) {
        specialize_failed(vm, code, instr, OP_LOAD_ATTR, SPECFAIL_OUT_OF_RANGE);
        return;
    }
    specialize_write_u32(instr + 2, version);
    instr[4] = (uint16_t)dict_index_of(in->dict, name);
    specialize_succeeded(vm, instr, OP_LOAD_ATTR, OP_LOAD_ATTR_INSTANCE_VALUE);
}

void specialize_store_attr(VM *vm, Code *code, uint16_t *instr, Value owner, Str *name) {
    Type *t = type_of(owner);
    if (value_is_kind(owner, OBJ_MODULE) || value_is_kind(owner, OBJ_TYPE)) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_OTHER);
        return;
    }
    Value descr;
    DescrKind k = analyze_descriptor(vm, t, name, 1, &descr);
    uint32_t version = type_version(vm, t);
    if (!version) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_OUT_OF_VERSIONS);
        return;
    }
    if (k == D_SLOT) {
        specialize_write_u32(instr + 2, version);
        instr[4] = (uint16_t)slot_number(t, name);
        specialize_succeeded(vm, instr, OP_STORE_ATTR, OP_STORE_ATTR_SLOT);
        return;
    }
    if (k == D_METHOD || k == D_PROPERTY || k == D_OVERRIDDEN) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, attr_fail_kind(k));
        return;
    }
    if (!t->is_heap || !value_is_kind(owner, OBJ_INSTANCE) || !((Instance *)value_as_ptr(owner))->dict) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_NO_DICT);
        return;
    }
    Instance *in = value_as_ptr(owner);
    InstanceLayout layout = instance_layout(in);
    if (layout == LAYOUT_SPLIT_DICT) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_ATTR_NON_STRING_OR_SPLIT);
        return;
    }
    if (layout == LAYOUT_COMBINED) {
        int32_t hint = dict_index_of(in->dict, name);
        if (hint < 0 || hint > 0xffff) {
            specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_OUT_OF_RANGE);
            return;
        }
        specialize_write_u32(instr + 2, version);
        instr[4] = (uint16_t)hint;
        specialize_succeeded(vm, instr, OP_STORE_ATTR, OP_STORE_ATTR_WITH_HINT);
        return;
    }
    int32_t index = dict_index_of(t->instance_keys, name);
    if (index < 0 || index > 0xffff) {
        specialize_failed(vm, code, instr, OP_STORE_ATTR, SPECFAIL_OUT_OF_RANGE);
        return;
    }
    specialize_write_u32(instr + 2, version);
    instr[4] = (uint16_t)index;
    specialize_succeeded(vm, instr, OP_STORE_ATTR, OP_STORE_ATTR_INSTANCE_VALUE);
}

/* LOAD_METHOD's cache: counter, type version (2), keys version (2), the method (4), spare. */
void specialize_load_method(VM *vm, Code *code, uint16_t *instr, Value owner, Str *name) {
    if (value_is_kind(owner, OBJ_MODULE)) {
        specialize_module_attr(vm, code, instr, value_as_ptr(owner), name, OP_LOAD_METHOD, OP_LOAD_METHOD_MODULE);
        return;
    }
    if (value_is_kind(owner, OBJ_TYPE)) {
        Type *cls = value_as_ptr(owner);
        Value meta;
        if (analyze_descriptor(vm, &type_type, name, 0, &meta) != D_ABSENT) {
            specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_LOAD_METHOD_METACLASS_ATTRIBUTE);
            return;
        }
        Value descr;
        DescrKind k = analyze_descriptor(vm, cls, name, 0, &descr);
        uint32_t version = type_version(vm, cls);
        if ((k != D_METHOD && k != D_NON_DESCRIPTOR) || !version) {
            specialize_failed(vm, code, instr, OP_LOAD_METHOD, version ? SPECFAIL_LOAD_METHOD_CLASS_METHOD_OBJ : SPECFAIL_OUT_OF_VERSIONS);
            return;
        }
        specialize_write_u32(instr + 2, version);
        specialize_write_value(instr + 6, descr);
        specialize_succeeded(vm, instr, OP_LOAD_METHOD, OP_LOAD_METHOD_CLASS);
        return;
    }
    Type *t = type_of(owner);
    Value descr;
    DescrKind k = analyze_descriptor(vm, t, name, 0, &descr);
    if (k != D_METHOD) {
        specialize_failed(vm, code, instr, OP_LOAD_METHOD,
                          k == D_PROPERTY ? SPECFAIL_LOAD_METHOD_PROPERTY : k == D_OVERRIDDEN ? SPECFAIL_OVERRIDDEN : SPECFAIL_LOAD_METHOD_NON_METHOD);
        return;
    }
    uint32_t version = type_version(vm, t);
    if (!version) {
        specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_OUT_OF_VERSIONS);
        return;
    }
    int op;
    if (value_is_kind(owner, OBJ_INSTANCE) && ((Instance *)value_as_ptr(owner))->dict) {
        Instance *in = value_as_ptr(owner);
        InstanceLayout layout = instance_layout(in);
        if (layout == LAYOUT_COMBINED) {
            specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_LOAD_METHOD_IS_ATTR);
            return;
        }
        if (layout == LAYOUT_SPLIT_DICT) {
            op = OP_LOAD_METHOD_WITH_DICT;
        } else {
            if (!t->instance_keys && !(t->instance_keys = dict_new(vm))) return;
            if (dict_index_of(t->instance_keys, name) >= 0) {
                specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_LOAD_METHOD_IS_ATTR);
                return;
            }
            uint32_t kv = dict_keys_version(vm, t->instance_keys);
            if (!kv) {
                specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_OUT_OF_VERSIONS);
                return;
            }
            specialize_write_u32(instr + 4, kv);
            op = OP_LOAD_METHOD_WITH_VALUES;
        }
    } else if (value_is_kind(owner, OBJ_EXCEPTION)) {
        if (!((Exception *)value_as_ptr(owner))->dict) {
            specialize_failed(vm, code, instr, OP_LOAD_METHOD, SPECFAIL_NO_DICT);
            return;
        }
        op = OP_LOAD_METHOD_WITH_DICT;
    } else {
        op = OP_LOAD_METHOD_NO_DICT;
    }
    specialize_write_u32(instr + 2, version);
    specialize_write_value(instr + 6, descr);
    specialize_succeeded(vm, instr, OP_LOAD_METHOD, op);
}

/* BINARY_SUBSCR's cache: counter, type version (2), function version. */
void specialize_binary_subscr(VM *vm, Code *code, uint16_t *instr, Value container, Value sub) {
    if (value_is_kind(container, OBJ_LIST) || value_is_kind(container, OBJ_TUPLE)) {
        int list = value_is_kind(container, OBJ_LIST);
        /* 3.11 specializes for any exact int, whatever its value: a negative or too large
         * index (as in `xs[-1]`) is only caught by the guard, as a miss, and deoptimizes after
         * 53 of them. STORE_SUBSCR, below, checks the range first. */
        if (value_is_int(sub) || value_is_kind(sub, OBJ_BIGINT)) {
            specialize_succeeded(vm, instr, OP_BINARY_SUBSCR, list ? OP_BINARY_SUBSCR_LIST_INT : OP_BINARY_SUBSCR_TUPLE_INT);
            return;
        }
        specialize_failed(vm, code, instr, OP_BINARY_SUBSCR,
                          value_is_kind(sub, OBJ_SLICE) ? (list ? SPECFAIL_SUBSCR_LIST_SLICE : SPECFAIL_SUBSCR_TUPLE_SLICE) : SPECFAIL_OTHER);
        return;
    }
    if (value_is_kind(container, OBJ_DICT)) {
        specialize_succeeded(vm, instr, OP_BINARY_SUBSCR, OP_BINARY_SUBSCR_DICT);
        return;
    }
    Type *t = type_of(container);
    Value gi = type_lookup(vm, t, vm->names.getitem);
    if (value_is_kind(gi, OBJ_FUNCTION)) {
        Function *fn = value_as_ptr(gi);
        Code *fc = fn->code;
        if ((fc->flags & (CODE_VARARGS | CODE_VARKEYWORDS)) || fc->kwonlyargcount) {
            specialize_failed(vm, code, instr, OP_BINARY_SUBSCR, SPECFAIL_CALL_COMPLEX_PARAMETERS);
            return;
        }
        if (fc->nargs != 2) {
            specialize_failed(vm, code, instr, OP_BINARY_SUBSCR, SPECFAIL_WRONG_NUMBER_ARGUMENTS);
            return;
        }
        uint32_t version = type_version(vm, t);
        if (fn->version == 0 && vm->next_func_version) fn->version = vm->next_func_version++;
        if (!version || !fn->version || fn->version > 0xffff) {
            specialize_failed(vm, code, instr, OP_BINARY_SUBSCR, SPECFAIL_OUT_OF_VERSIONS);
            return;
        }
        specialize_write_u32(instr + 2, version);
        instr[4] = (uint16_t)fn->version;
        specialize_succeeded(vm, instr, OP_BINARY_SUBSCR, OP_BINARY_SUBSCR_GETITEM);
        return;
    }
    SpecFail kind = SPECFAIL_OTHER;
    if (value_is_kind(container, OBJ_STR)) kind = value_is_kind(sub, OBJ_SLICE) ? SPECFAIL_SUBSCR_STRING_SLICE : SPECFAIL_SUBSCR_STRING_INT;
    else if (value_is_kind(gi, OBJ_BUILTIN)) kind = SPECFAIL_SUBSCR_NOT_HEAP_TYPE;
    specialize_failed(vm, code, instr, OP_BINARY_SUBSCR, kind);
}

void specialize_store_subscr(VM *vm, Code *code, uint16_t *instr, Value container, Value sub) {
    if (value_is_kind(container, OBJ_LIST)) {
        if (value_is_int(sub) && value_as_int(sub) >= 0 && value_as_int(sub) < ((List *)value_as_ptr(container))->len &&
            value_as_int(sub) < (1ll << 30)) {
            specialize_succeeded(vm, instr, OP_STORE_SUBSCR, OP_STORE_SUBSCR_LIST_INT);
            return;
        }
        specialize_failed(vm, code, instr, OP_STORE_SUBSCR,
                          value_is_kind(sub, OBJ_SLICE) ? SPECFAIL_STORE_SUBSCR_LIST_SLICE : SPECFAIL_OUT_OF_RANGE);
        return;
    }
    if (value_is_kind(container, OBJ_DICT)) {
        specialize_succeeded(vm, instr, OP_STORE_SUBSCR, OP_STORE_SUBSCR_DICT);
        return;
    }
    specialize_failed(vm, code, instr, OP_STORE_SUBSCR, SPECFAIL_STORE_SUBSCR_OTHER);
}

void specialize_unpack_sequence(VM *vm, Code *code, uint16_t *instr, Value seq) {
    int n = *instr >> 8;
    if (value_is_kind(seq, OBJ_TUPLE)) {
        if ((int)((Tuple *)value_as_ptr(seq))->len != n) {
            specialize_failed(vm, code, instr, OP_UNPACK_SEQUENCE, SPECFAIL_EXPECTED_ERROR);
            return;
        }
        specialize_succeeded(vm, instr, OP_UNPACK_SEQUENCE, n == 2 ? OP_UNPACK_SEQUENCE_TWO_TUPLE : OP_UNPACK_SEQUENCE_TUPLE);
        return;
    }
    if (value_is_kind(seq, OBJ_LIST)) {
        if ((int)((List *)value_as_ptr(seq))->len != n) {
            specialize_failed(vm, code, instr, OP_UNPACK_SEQUENCE, SPECFAIL_EXPECTED_ERROR);
            return;
        }
        specialize_succeeded(vm, instr, OP_UNPACK_SEQUENCE, OP_UNPACK_SEQUENCE_LIST);
        return;
    }
    specialize_failed(vm, code, instr, OP_UNPACK_SEQUENCE, type_of(seq)->iter ? SPECFAIL_UNPACK_SEQUENCE_ITERATOR : SPECFAIL_OTHER);
}
