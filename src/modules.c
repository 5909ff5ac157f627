/* The built-in modules that `import` can find. Each lives in its own mod_*.c file, except
 * `builtins`, whose namespace is the VM's builtins dict itself (so that assigning
 * builtins.abs = ... changes what the name abs finds). */
#include <string.h>

#include "runtime.h"
#include "vm.h"

extern const ModuleDef module_math, module_random, module_sys, module_time;

/* vm_import has just made the module (registered in vm->modules under its name) with a fresh
 * dict; point it at the builtins dict instead. */
static int builtins_module_init(VM *vm, Dict *d) {
    (void)d;
    Str *name = str_intern(vm, "builtins", 8);
    Value m = name && vm->modules ? dict_get_str(vm->modules, name) : VALUE_NULL;
    if (!value_is_kind(m, OBJ_MODULE) || !vm->builtins) {
        exc_raise(vm, &exc_ImportError, "cannot import name 'builtins'");
        return 0;
    }
    Str *key = str_intern(vm, "__name__", 8);
    if (!key || (dict_get_str(vm->builtins, key) == VALUE_NULL && !dict_set_str(vm, vm->builtins, key, value_from_ptr(name)))) {
        exc_raise_memory(vm);
        return 0;
    }
    ((Module *)value_as_ptr(m))->dict = vm->builtins;
    return 1;
}

static const ModuleDef module_builtins = {"builtins", NULL, builtins_module_init};

const ModuleDef *const builtin_modules[] = {&module_builtins, &module_math, &module_random, &module_sys,
                                            &module_time, NULL};
