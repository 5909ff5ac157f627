/* The built-in modules that `import` can find. Each lives in its own mod_*.c file. */
#include "runtime.h"

extern const ModuleDef module_math, module_random, module_sys, module_time;

const ModuleDef *const builtin_modules[] = {&module_math, &module_random, &module_sys, &module_time, NULL};
