/* Binding a builtin's arguments to its parameters, with CPython's error messages. */
#include <string.h>

#include "runtime.h"
#include "vm.h"

int args_bind(VM *vm, const char *fname, Value *args, int nargs, Tuple *kwnames, const char *const *params,
              int nparams, int nrequired, Value *out) {
    for (int i = 0; i < nparams; i++) out[i] = VALUE_NULL;
    if (nargs > nparams) {
        exc_raise(vm, &exc_TypeError, "%s() takes at most %d argument%s (%d given)", fname, nparams,
                  nparams == 1 ? "" : "s", nargs);
        return 0;
    }
    for (int i = 0; i < nargs; i++) out[i] = args[i];
    uint32_t nkw = kwnames ? kwnames->len : 0;
    for (uint32_t k = 0; k < nkw; k++) {
        Str *name = value_as_ptr(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nparams; i++)
            if (strcmp(params[i], name->data) == 0) found = i;
        if (found < 0) {
            exc_raise(vm, &exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name->data);
            return 0;
        }
        if (out[found] != VALUE_NULL) {
            exc_raise(vm, &exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                      name->data, found + 1);
            return 0;
        }
        out[found] = args[nargs + (int)k];
    }
    for (int i = 0; i < nrequired; i++)
        if (out[i] == VALUE_NULL) {
            exc_raise(vm, &exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, params[i], i + 1);
            return 0;
        }
    return 1;
}
