# Programs that crashed the interpreter (segfaults, out-of-bounds reads, use-after-free); each
# must now do what CPython 3.11 does.
def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

# NotImplemented printed and tested for truth.
print(NotImplemented, repr(NotImplemented), f"{NotImplemented}", [NotImplemented])

# A built-in function set as a dunder method does not bind self.
class Len:
    __len__ = len
class Bool:
    __bool__ = bool
class Iter:
    __iter__ = iter
attempt("len", lambda: len(Len()))
attempt("bool", lambda: bool(Bool()))
attempt("iter", lambda: iter(Iter()))
class Callable:
    def __call__(self, *args):
        return ("called with", len(args))
class Dunder:
    __len__ = Callable()
attempt("callable __len__", lambda: len(Dunder()))

# Keyword names that are not strings.
def kw(**k):
    return k
def none():
    return 1
class WithKw:
    def __init__(self, **k):
        self.k = k
attempt("f(**{1: 2})", lambda: kw(**{1: 2}))
attempt("g(**{1: 2})", lambda: none(**{1: 2}))
attempt("A(**{1: 2})", lambda: WithKw(**{1: 2}))
attempt("print(**{1: 2})", lambda: print(**{1: 2}))
attempt("mixed", lambda: kw(**{"a": 1}, **{2: 3}))
attempt("strings", lambda: kw(**{"a": 1, "b": 2}))

# Field numbers too big for a C integer in str.format.
attempt("{18446744073709551000}", lambda: "{18446744073709551000}".format(1))
attempt("{0[18446744073709551000]}", lambda: "{0[18446744073709551000]}".format([1]))
attempt("{0[9999999999]}", lambda: "{0[9999999999]}".format([1]))

# A class with more bases, and a hierarchy deeper, than a fixed-size merge could hold.
bases = tuple(type("C%d" % i, (), {}) for i in range(65))
D = type("D", bases, {})
print(len(D.__mro__), D.__mro__[1].__name__, D.__mro__[-2].__name__, D.__mro__[-1].__name__)
class E0(Exception):
    pass
E = E0
for i in range(100):
    class E(E):
        pass
try:
    raise E("deep")
except E0 as e:
    print("caught", type(e).__name__, len(type(e).__mro__))

# Raising a class whose __init__ takes no arguments.
class NoArgs(Exception):
    def __init__(self):
        pass
try:
    raise NoArgs
except NoArgs as e:
    print("NoArgs", repr(e.args))

# Empty slice assignments and extreme slice steps.
l = []
l[:] = []
l[0:0] = ()
print(l, "abcdef"[::-(2**63)], list(range(5))[::2**63])
