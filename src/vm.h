/* The interpreter state, frames, and the evaluation loop's entry point. */
#ifndef ANOLE_VM_H
#define ANOLE_VM_H

#include <signal.h>
#include "anole.h"
#include "object.h"
#include "opcode.h"
#include "specialize.h"
#include "strbuf.h"

#define VM_MAX_FRAMES 10000       /* the deepest recursion limit sys.setrecursionlimit can give */
#define VM_STACK_SLOTS (1 << 20)  /* Values for all frames' locals and stacks */
#define VM_DEFAULT_RECURSION_LIMIT 1000
#define VM_STATIC_TYPES 64      /* built-in types with methods (Type.static_index) */

typedef struct Frame {
    Code *code;
    Function *func;          /* the function running (NULL for module and class bodies) */
    Value *data_end;         /* where the next frame's slots may start on the VM stack */
    struct Generator *gen;   /* the generator this frame belongs to, or NULL */
    Dict *globals;
    Dict *locals_dict;       /* the module namespace for module code, NULL in functions */
    Value *locals;           /* code->nlocals slots, then the value stack */
    Value *stack_top;        /* the value stack's top (vm_run_loop's sp) */
    uint16_t *ip;            /* saved instruction pointer: the next code unit to run */
    uint16_t *instr;         /* the call instruction waiting for a callee, for tracebacks */
    /* For an __init__ run by a call of its class (class_instance_for_init): the new instance,
     * which the call returns when __init__ returns None; VALUE_NULL in every other frame. */
    Value init_self;
    /* Unique per function call (0 for generator frames): with a local's index it stamps the
     * strings that may grow in place (Str.owner), so no other call's string ever matches. */
    uint32_t serial;
    /* A generator frame that a FOR_ITER or SEND of the frame below resumed inside the loop (not
     * through gen_send): that opcode, to which the frame yields and returns, and its jump for
     * when the generator returns; FRAME_RESUMER_SUM for a generator that sum() drives in the
     * loop. 0 in every other frame. */
    uint8_t resumer;
    uint32_t resume_jump;
} Frame;

/* Frame.resumer of a generator that sum(generator) runs inside the loop (no opcode has this
 * number): each value it yields is added to the total in the caller's stack, three slots down
 * (where the call's NULL was), and it goes on at once; when it returns, the total is the call's
 * value. A C loop through gen_send per item cost twice as much under WebAssembly. */
#define FRAME_RESUMER_SUM 0xff
/* Where the total is: the caller's stack is [total (the call's NULL), sum, generator]. */
#define FRAME_SUM_TOTAL_DEPTH 3

/* Collect after this many bytes of new objects at least (more when the live heap is bigger:
 * twice its size). Small enough that what is made between two collections stays in the CPU's
 * cache, so freed memory is reused while it is still hot (programs that allocate steadily ran
 * up to 9x slower with 8 MB); big enough that marking stays cheap. */
#define GC_MIN_THRESHOLD (256u << 10)

#define VM_TYPE_CACHE_SIZE 4096

/* Small-object size classes of GC_CLASS_BYTES each, up to GC_SIZE_CLASSES of them. Blocks
 * (gc_block_alloc) have these and GC_BLOCK_CLASSES - GC_SIZE_CLASSES more, of 256, 512, ... 4096
 * bytes: set tables and list item arrays of that size come and go as often as small objects. */
#define GC_CLASS_BYTES 16
#define GC_SIZE_CLASSES 12
#define GC_BLOCK_CLASSES (GC_SIZE_CLASSES + 5)
#define VM_POLL_INTERVAL 4096

/* repr, comparisons and hashing of nested containers recurse in C; past this depth (vm->c_depth)
 * they raise RecursionError, as CPython does, instead of overflowing the C stack. */
#define VM_MAX_C_DEPTH 2000

/* Below a VM (hashing and comparing keys whose equality needs no Python code), nested tuples are
 * followed this deep; deeper ones take the VM's guarded path. */
#define VM_MAX_PURE_DEPTH 100

/* The names in vm->names: special methods that calls, instantiation, hashing and attribute
 * access would otherwise intern (hash and look up) on every use. */
#define VM_NAMES(X)                                                                         \
    X(setattr, "__setattr__") X(delattr, "__delattr__") X(getitem, "__getitem__")           \
    X(getattr, "__getattr__") X(init, "__init__") X(new_, "__new__") X(dict, "__dict__")     \
    X(call, "__call__") X(hash, "__hash__") X(len, "__len__") X(enter, "__enter__")         \
    X(exit, "__exit__") X(format, "__format__") X(reversed, "__reversed__") X(iter, "__iter__")

struct AnoleVM {
    /* The heap: every collectable object, the bytes they hold, and when to collect next. */
    Obj *objects;
    size_t heap_bytes, next_gc;
    int gc_stress;            /* collect at every safe point (tests) */
    volatile sig_atomic_t interrupted; /* anole_interrupt: raise KeyboardInterrupt at a safe point */
    /* anole_set_interrupt_poll: a host that cannot call anole_interrupt while the program runs
     * (a WebAssembly worker) is asked every VM_POLL_INTERVAL safe points instead, when the
     * evaluation loop also re-enters itself (vm_run_frames). */
    int (*interrupt_poll)(void *ctx);
    void *interrupt_poll_ctx;
    int poll_budget;          /* safe points until the next slow one (vm_safepoint) */
    int reenter;              /* the evaluation loop returned only to be entered again (vm.c) */
    /* Freed small objects kept for reuse, by size class (gc.c): allocation-heavy code (slices,
     * bound results, small lists) then skips malloc and free. */
    Obj *free_objects[GC_SIZE_CLASSES];
    uint32_t free_counts[GC_SIZE_CLASSES];
    void *free_blocks[GC_BLOCK_CLASSES];     /* the same for gc_block_alloc's blocks */
    uint32_t free_block_counts[GC_BLOCK_CLASSES];

    Dict *builtins;
    Dict *globals;            /* the __main__ namespace of the current run */
    Dict *interned;           /* str -> the one interned copy */

    Value *stack;             /* VM_STACK_SLOTS values shared by all frames */
    Frame frames[VM_MAX_FRAMES];
    int nframes;
    int recursion_limit;

    Value exc;                /* the exception being raised, or VALUE_NULL */
    Value handled;            /* the exception being handled (sys.exc_info), or VALUE_NONE */
    int reraise;              /* the error being unwound is a re-raise: add no traceback entry */
    int throw_on_entry;       /* the frame being entered starts by raising vm->exc (generator.throw) */
    int c_depth;              /* nesting of C-level recursion (repr, comparisons of nested containers) */
    size_t heap_limit;        /* allocations beyond this many bytes raise MemoryError */
    void *gray;               /* the collector's mark stack, kept between collections */
    size_t gray_cap;
    Value *roots;             /* gc_root_push: values C code holds across calls into Python */
    size_t nroots, caproots;
    Dict *static_type_dicts[VM_STATIC_TYPES];  /* built-in types' methods as objects, made lazily */
    Dict *modules;            /* imported modules by name (sys.modules) */
    int argc;                 /* sys.argv */
    char **argv;
    Exception *memory_error;  /* preallocated: raising it must not allocate */
    /* The slice of subscripts that use theirs up unseen (slice_build); not on the heap. */
    Slice scratch_slice;

    AnoleWriteFn write;
    void *write_ctx;
    AnoleReadLineFn read_line;
    void *read_ctx;
    Value stderr_marker;      /* sys.stderr, so that print(file=sys.stderr) writes to stream 2 */
    int specialize;

    uint32_t next_keys_version, next_func_version, next_type_version;
    uint32_t next_frame_serial;
    /* Interned names the runtime looks up on hot paths, made once by anole_new. */
    struct VMNames {
#define VM_NAME_FIELD(field, text) struct Str *field;
        VM_NAMES(VM_NAME_FIELD)
#undef VM_NAME_FIELD
    } names;
    /* CPython's type attribute cache: (type version, interned name) -> what the MRO walk
     * found, or VALUE_NULL (class.c type_lookup). */
    struct TypeCacheEntry {
        uint32_t version;
        struct Str *name;
        Value value;
    } type_cache[VM_TYPE_CACHE_SIZE];
    FamilyStats family_stats[OP__COUNT];  /* indexed by family head opcode */

    /* The last run, kept for the report. */
    Code *module_code;
    char *source;
    size_t source_len;
    char *filename;
    Exception *last_error;
    int syntax_error_line;    /* the line of the last run's syntax error, for the report */
    StrBuf out_report, out_ansi, out_html, out_dis, out_stats;
};

/* Runs a code object as the body of a new frame on top of the current ones, until that frame
 * returns. Returns the value returned, or VALUE_ERROR with vm->exc set. */
Value vm_run_code(VM *vm, Code *code, Dict *globals, Dict *locals_dict);

/* Calls any callable with positional arguments, from C (used by builtins that call back). */
Value vm_call(VM *vm, Value callable, Value *args, int nargs);
/* Calls a Python function from C (vectorcall convention), running it to completion. */
Value vm_call_function(VM *vm, Function *fn, Value *args, int nargs, Tuple *kwnames);
/* Runs a class body function with ns as its namespace. */
Value vm_run_class_body(VM *vm, Function *fn, Dict *ns);
/* Pushes a frame over a generator's storage, with value as the result of its pending yield (or,
 * with value VALUE_ERROR, raising vm->exc there), and runs it until it yields or returns (the
 * generator's state tells which). */
Value vm_resume_generator(VM *vm, struct Generator *g, Value value);
/* import.c: the module named name (built-in modules only). */
Value vm_import(VM *vm, Str *name);
/* vm_cold.c: runs one of the evaluation loop's rarely run instructions on frame f (saved, its
 * stack top current); 0 when it raised. */
int vm_run_cold(VM *vm, Frame *f, int op, int oparg);
/* Raises NameError for name (VALUE_ERROR). */
Value vm_name_error(VM *vm, Str *name);

void vm_write(VM *vm, int stream, const char *data, size_t len);
/* Asks the embedder to flush stream (a write of length 0). */
void vm_flush(VM *vm, int stream);

#endif
