/* Attributes, classes defined in Python, instances and calling anything. */
#ifndef ANOLE_CLASS_H
#define ANOLE_CLASS_H

#include "object.h"

/* getattr(obj, name): VALUE_ERROR with AttributeError set when missing. */
Value attr_get(VM *vm, Value obj, Str *name);
/* Like attr_get but VALUE_NULL (no exception) when missing. */
Value attr_get_opt(VM *vm, Value obj, Str *name);
/* attr_get_opt's usual case, an instance of a class without __slots__: VALUE_NULL when the rest
 * of attr_get must decide (the evaluation loop's LOAD_ATTR calls it first). */
Value attr_get_instance(VM *vm, Instance *in, Str *name);
/* setattr (v) or delattr (v == VALUE_NULL); 0 with an exception set on error. */
int attr_set(VM *vm, Value obj, Str *name, Value v);
/* For LOAD_METHOD: a plain function found on the type comes back unbound with *self = obj;
 * anything else comes back as the attribute's value with *self = VALUE_NULL. */
Value attr_method(VM *vm, Value obj, Str *name, Value *self);
/* The attribute `name` of a type along its MRO (no descriptor binding), or VALUE_NULL. */
Value type_lookup(VM *vm, Type *t, Str *name);
/* A class (or one of its bases) changed: its cached specializations must miss. */
void type_modified(Type *t);
/* The type's version tag, assigned on first use; 0 when versions ran out. */
uint32_t type_version(VM *vm, Type *t);
/* A class statement's result: type(name, bases, namespace). */
Value class_new(VM *vm, Str *name, Tuple *bases, Dict *ns);
/* Calling class t, when the evaluation loop can run it itself: with neither a __new__ of its own
 * nor an exception base, and a Python __init__ that is not a generator, returns the new instance
 * and sets *init; the loop then runs __init__ as a frame of its own (vm.c, Frame.init_self).
 * VALUE_NULL when the call must go through call_value; VALUE_ERROR when making it failed. */
Value class_instance_for_init(VM *vm, Type *t, Function **init);
/* What __init__ returned, r, checked: None, or VALUE_ERROR with CPython's TypeError raised. */
Value class_init_returned(VM *vm, Value r);
/* "module.qualname()" of a callable, as CPython's errors about * and ** arguments name it (a str,
 * or VALUE_ERROR). */
Value call_function_str(VM *vm, Value func);
/* Calls any callable with the vectorcall convention. */
Value call_value(VM *vm, Value callable, Value *args, int nargs, Tuple *kwnames);
/* Makes an exception instance of type t from constructor arguments. */
Value exc_construct(VM *vm, Type *t, Value *args, int nargs);
/* Calls obj.name(args...) if the type defines it; VALUE_NULL when it does not. */
Value call_dunder(VM *vm, Value obj, const char *name, Value *args, int nargs);
int class_init_builtins(VM *vm, Dict *builtins);
/* dir(obj): the sorted list of attribute names. */
Value class_dir(VM *vm, Value obj);

#endif
