/* Formatting: format(), f-string format specs, str.format and %-formatting, and chr/ord. */
#include "runtime.h"
#include "vm.h"

const BuiltinDef builtins_str[] = {{NULL, NULL, 0}};
