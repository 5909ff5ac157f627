/* The built-in types as static objects, and type_of. */
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
TYPE_STATIC(type_function, "function", &type_object)
TYPE_STATIC(type_builtin, "builtin_function_or_method", &type_object)
TYPE_STATIC(type_code, "code", &type_object)
TYPE_STATIC(type_range, "range", &type_object)
TYPE_STATIC(type_range_iter, "range_iterator", &type_object)
TYPE_STATIC(type_list_iter, "list_iterator", &type_object)
TYPE_STATIC(type_type, "type", &type_object)

Type *type_of(Value v) {
    if (value_is_float(v)) return &type_float;
    if (value_is_int(v)) return &type_int;
    if (value_is_bool(v)) return &type_bool;
    if (v == VALUE_NONE) return &type_none;
    switch ((ObjKind)value_as_obj(v)->kind) {
    case OBJ_STR: return &type_str;
    case OBJ_LIST: return &type_list;
    case OBJ_TUPLE: return &type_tuple;
    case OBJ_DICT: return &type_dict;
    case OBJ_CODE: return &type_code;
    case OBJ_FUNCTION: return &type_function;
    case OBJ_BUILTIN: return &type_builtin;
    case OBJ_TYPE: return &type_type;
    case OBJ_RANGE: return &type_range;
    case OBJ_RANGE_ITER: return &type_range_iter;
    case OBJ_LIST_ITER: return &type_list_iter;
    case OBJ_EXCEPTION: return ((Exception *)value_as_obj(v))->type;
    case OBJ_TRACEBACK: return &type_object;
    }
    return &type_object;
}

int type_is_subtype(const Type *t, const Type *base) {
    for (; t; t = t->base)
        if (t == base) return 1;
    return 0;
}
