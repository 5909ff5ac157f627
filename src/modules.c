/* The built-in modules that `import` can find. Each lives in its own mod_*.c file. */
#include "runtime.h"

const ModuleDef *const builtin_modules[] = {NULL};
