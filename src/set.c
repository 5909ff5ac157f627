/* set and frozenset. */
#include "runtime.h"
#include "vm.h"

void set_init_types(void) {}
