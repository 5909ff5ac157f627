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

Type *const types_of_kinds[OBJ__COUNT] = {
    [OBJ_STR] = &type_str,
    [OBJ_LIST] = &type_list,
    [OBJ_TUPLE] = &type_tuple,
    [OBJ_DICT] = &type_dict,
    [OBJ_CODE] = &type_code,
    [OBJ_FUNCTION] = &type_function,
    [OBJ_BUILTIN] = &type_builtin,
    [OBJ_TYPE] = &type_type,
    [OBJ_RANGE] = &type_range,
    [OBJ_TRACEBACK] = &type_traceback,
    [OBJ_BIGINT] = &type_int,
    [OBJ_SET] = &type_set,
    [OBJ_FROZENSET] = &type_frozenset,
    [OBJ_CELL] = &type_cell,
    [OBJ_GENERATOR] = &type_generator,
    [OBJ_MODULE] = &type_module,
    [OBJ_SLICE] = &type_slice,
};

Type *type_of_any(Value v) {
    if (value_is_obj(v)) {
        Obj *o = value_as_obj(v);
        if (o->kind < OBJ__COUNT && types_of_kinds[o->kind]) return types_of_kinds[o->kind];
        switch ((ObjKind)o->kind) {
        case OBJ_BOUND_METHOD:
            return value_is_kind(((BoundMethod *)o)->func, OBJ_BUILTIN) ? &type_builtin : &type_method;
        case OBJ_ITER: return ((IterObj *)o)->type;
        case OBJ_EXCEPTION: return ((Exception *)o)->type;
        case OBJ_INSTANCE: return ((Instance *)o)->cls;
        case OBJ_WRAPPER: return types_of_wrappers[((Wrapper *)o)->tag];
        default: return &type_object;
        }
    }
    if (value_is_float(v)) return &type_float;
    if (value_is_int(v)) return &type_int;
    if (value_is_bool(v)) return &type_bool;
    if (v == VALUE_NOTIMPLEMENTED) return &type_notimplemented;
    return &type_none;
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
