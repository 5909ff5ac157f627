/* `import`: built-in modules only, each made once per run and kept in vm->modules. */
#include <string.h>

#include "runtime.h"
#include "vm.h"

Value vm_import(VM *vm, Str *name) {
    if (!vm->modules && !(vm->modules = dict_new(vm))) return exc_raise_memory(vm);
    Value have = dict_get_str(vm->modules, name);
    if (have != VALUE_NULL) return have;
    for (int i = 0; builtin_modules[i]; i++) {
        const ModuleDef *def = builtin_modules[i];
        if (strcmp(def->name, name->data) != 0) continue;
        Module *m = gc_alloc(vm, sizeof(Module), OBJ_MODULE);
        if (!m) return exc_raise_memory(vm);
        m->name = name;
        m->dict = dict_new(vm);
        if (!m->dict || !dict_set_str(vm, vm->modules, name, value_from_ptr(m))) return exc_raise_memory(vm);
        Str *key = str_intern(vm, "__name__", 8);
        if (!key || !dict_set_str(vm, m->dict, key, value_from_ptr(name))) return exc_raise_memory(vm);
        for (const BuiltinDef *f = def->functions; f && f->name; f++) {
            Builtin *b = builtins_new_function(vm, f);
            Str *fname = str_intern(vm, f->name, strlen(f->name));
            if (!b || !fname || !dict_set_str(vm, m->dict, fname, value_from_ptr(b))) return exc_raise_memory(vm);
        }
        if (def->init && !def->init(vm, m->dict)) return VALUE_ERROR;
        return value_from_ptr(m);
    }
    return exc_raise(vm, &exc_ModuleNotFoundError, "No module named '%s'", name->data);
}
