/* The built-in types as static objects, type_of, and the one-time initialization that lets each
 * type's own file fill in its slots and methods. */
#include "generator.h"
#include "runtime.h"
#include "vm.h"

#define TYPE_STATIC(var, pyname, basevar) \
    Type var = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = pyname, .base = basevar};

TYPE_STATIC(type_object, "object", NULL)
TYPE_STATIC(type_int, "int", &type_object)
TYPE_STATIC(type_float, "float", &type_object)
TYPE_STATIC(type_bool, "bool", &type_int)
TYPE_STATIC(type_none, "NoneType", &type_object)
TYPE_STATIC(type_str, "str", &type_object)
TYPE_STATIC(type_list, "list", &type_object)
TYPE_STATIC(type_tuple, "tuple", &type_object)
TYPE_STATIC(type_dict, "dict", &type_object)
TYPE_STATIC(type_set, "set", &type_object)
TYPE_STATIC(type_frozenset, "frozenset", &type_object)
TYPE_STATIC(type_function, "function", &type_object)
TYPE_STATIC(type_builtin, "builtin_function_or_method", &type_object)
TYPE_STATIC(type_method, "method", &type_object)
TYPE_STATIC(type_code, "code", &type_object)
TYPE_STATIC(type_range, "range", &type_object)
TYPE_STATIC(type_range_iter, "range_iterator", &type_object)
TYPE_STATIC(type_list_iter, "list_iterator", &type_object)
TYPE_STATIC(type_type, "type", &type_object)
TYPE_STATIC(type_cell, "cell", &type_object)
TYPE_STATIC(type_generator, "generator", &type_object)
TYPE_STATIC(type_module, "module", &type_object)
TYPE_STATIC(type_slice, "slice", &type_object)
TYPE_STATIC(type_property, "property", &type_object)
TYPE_STATIC(type_staticmethod, "staticmethod", &type_object)
TYPE_STATIC(type_classmethod, "classmethod", &type_object)
TYPE_STATIC(type_super, "super", &type_object)
TYPE_STATIC(type_traceback, "traceback", &type_object)
TYPE_STATIC(type_notimplemented, "NotImplementedType", &type_object)

static Type *types_of_wrappers[] = {&type_property, &type_staticmethod, &type_classmethod, &type_super};

Type *type_of_any(Value v) {
    if (value_is_float(v)) return &type_float;
    if (value_is_int(v)) return &type_int;
    if (value_is_bool(v)) return &type_bool;
    if (v == VALUE_NOTIMPLEMENTED) return &type_notimplemented;
    if (!value_is_obj(v)) return &type_none;
    Obj *o = value_as_obj(v);
    switch ((ObjKind)o->kind) {
    case OBJ_STR: return &type_str;
    case OBJ_LIST: return &type_list;
    case OBJ_TUPLE: return &type_tuple;
    case OBJ_DICT: return &type_dict;
    case OBJ_SET: return &type_set;
    case OBJ_FROZENSET: return &type_frozenset;
    case OBJ_CODE: return &type_code;
    case OBJ_FUNCTION: return &type_function;
    case OBJ_BUILTIN: return &type_builtin;
    case OBJ_BOUND_METHOD:
        return value_is_kind(((BoundMethod *)o)->func, OBJ_BUILTIN) ? &type_builtin : &type_method;
    case OBJ_TYPE: return &type_type;
    case OBJ_RANGE: return &type_range;
    case OBJ_RANGE_ITER: return &type_range_iter;
    case OBJ_LIST_ITER: return &type_list_iter;
    case OBJ_ITER: return ((IterObj *)o)->type;
    case OBJ_EXCEPTION: return ((Exception *)o)->type;
    case OBJ_INSTANCE: return ((Instance *)o)->cls;
    case OBJ_BIGINT: return &type_int;
    case OBJ_CELL: return &type_cell;
    case OBJ_GENERATOR: return &type_generator;
    case OBJ_MODULE: return &type_module;
    case OBJ_SLICE: return &type_slice;
    case OBJ_WRAPPER: return types_of_wrappers[((Wrapper *)o)->tag];
    case OBJ_TRACEBACK: return &type_traceback;
    case OBJ__COUNT: break;
    }
    return &type_object;
}

int type_is_subtype(const Type *t, const Type *base) {
    if (t->mro) {
        for (uint32_t i = 0; i < t->mro->len; i++)
            if (value_as_ptr(t->mro->items[i]) == base) return 1;
        return 0;
    }
    for (; t; t = t->base)
        if (t == base) return 1;
    return 0;
}

void types_init(void) {
    static int done;
    if (done) return;
    done = 1;
    num_init_types();
    str_init_types();
    list_init_types();
    dict_init_types();
    set_init_types();
    range_init_types();
    iter_init_types();
    generator_init_types();
    /* Number the built-in types that have methods, for the VM's per-type method dicts. */
    Type *with_methods[] = {&type_int, &type_float, &type_bool, &type_str, &type_list, &type_tuple,
                            &type_dict, &type_set, &type_frozenset, &type_range, &type_object, NULL};
    for (int i = 0; with_methods[i]; i++) with_methods[i]->static_index = (uint8_t)(i + 1);
}
