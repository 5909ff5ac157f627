/* Exceptions: the built-in hierarchy and raising. Errors travel as VALUE_ERROR return values with
 * the exception stored in vm->exc; the evaluation loop has the one unwinding path. */
#include <stdarg.h>
#include <stdio.h>

#include "runtime.h"
#include "vm.h"

#define EXC_STATIC(pyname, basevar) \
    Type exc_##pyname = {.hdr = {.kind = OBJ_TYPE, .is_static = 1}, .name = #pyname, .base = basevar};

EXC_STATIC(BaseException, &type_object)
EXC_STATIC(Exception, &exc_BaseException)
EXC_STATIC(KeyboardInterrupt, &exc_BaseException)
EXC_STATIC(SystemExit, &exc_BaseException)
EXC_STATIC(ArithmeticError, &exc_Exception)
EXC_STATIC(ZeroDivisionError, &exc_ArithmeticError)
EXC_STATIC(OverflowError, &exc_ArithmeticError)
EXC_STATIC(NameError, &exc_Exception)
EXC_STATIC(UnboundLocalError, &exc_NameError)
EXC_STATIC(TypeError, &exc_Exception)
EXC_STATIC(ValueError, &exc_Exception)
EXC_STATIC(LookupError, &exc_Exception)
EXC_STATIC(IndexError, &exc_LookupError)
EXC_STATIC(KeyError, &exc_LookupError)
EXC_STATIC(RuntimeError, &exc_Exception)
EXC_STATIC(RecursionError, &exc_RuntimeError)
EXC_STATIC(NotImplementedError, &exc_RuntimeError)
EXC_STATIC(MemoryError, &exc_Exception)
EXC_STATIC(StopIteration, &exc_Exception)
EXC_STATIC(AssertionError, &exc_Exception)
EXC_STATIC(AttributeError, &exc_Exception)
EXC_STATIC(SyntaxError, &exc_Exception)
EXC_STATIC(SystemError, &exc_Exception)
EXC_STATIC(ImportError, &exc_Exception)
EXC_STATIC(ModuleNotFoundError, &exc_ImportError)
EXC_STATIC(GeneratorExit, &exc_BaseException)
EXC_STATIC(FloatingPointError, &exc_ArithmeticError)
EXC_STATIC(UnicodeError, &exc_ValueError)
EXC_STATIC(OSError, &exc_Exception)
EXC_STATIC(FileNotFoundError, &exc_OSError)
EXC_STATIC(EOFError, &exc_Exception)
EXC_STATIC(IndentationError, &exc_SyntaxError)

/* The exception types a program can name, for the builtins namespace; NULL-terminated. */
Type *const exc_builtin_types[] = {
    &exc_BaseException, &exc_Exception, &exc_KeyboardInterrupt, &exc_SystemExit,
    &exc_ArithmeticError, &exc_ZeroDivisionError, &exc_OverflowError, &exc_NameError,
    &exc_UnboundLocalError, &exc_TypeError, &exc_ValueError, &exc_LookupError, &exc_IndexError,
    &exc_KeyError, &exc_RuntimeError, &exc_RecursionError, &exc_NotImplementedError,
    &exc_MemoryError, &exc_StopIteration, &exc_AssertionError, &exc_AttributeError,
    &exc_SyntaxError, &exc_IndentationError, &exc_SystemError, &exc_ImportError, &exc_ModuleNotFoundError,
    &exc_GeneratorExit, &exc_FloatingPointError, &exc_UnicodeError, &exc_OSError, &exc_FileNotFoundError,
    &exc_EOFError, NULL,
};

Exception *exc_new(VM *vm, Type *type, Value message) {
    Exception *e = gc_alloc(vm, sizeof(Exception), OBJ_EXCEPTION);
    if (!e) return NULL;
    e->type = type;
    e->message = message;
    e->cause = e->context = VALUE_NULL;
    return e;
}

Value exc_raise_memory(VM *vm) {
    vm->memory_error->traceback = NULL;
    vm->exc = value_from_ptr(vm->memory_error);
    return VALUE_ERROR;
}

Value exc_raise(VM *vm, Type *type, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
    Str *msg = str_new(vm, buf, (size_t)n);
    Exception *e = msg ? exc_new(vm, type, value_from_ptr(msg)) : NULL;
    if (!e) return exc_raise_memory(vm);
    vm->exc = value_from_ptr(e);
    return VALUE_ERROR;
}

void exc_set_name_obj(VM *vm, Str *name, Value obj) {
    if (!value_is_kind(vm->exc, OBJ_EXCEPTION)) return;
    Exception *e = value_as_ptr(vm->exc);
    if (!e->dict && !(e->dict = dict_new(vm))) return;
    Str *k = str_intern(vm, "name", 4);
    if (k) dict_set_str(vm, e->dict, k, value_from_ptr(name));
    if (obj != VALUE_NULL && (k = str_intern(vm, "obj", 3))) dict_set_str(vm, e->dict, k, obj);
}
