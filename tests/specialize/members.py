# One hot site for each specialized member not exercised elsewhere in tests/specialize.
import math


class Box:
    kind = "box"

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    @classmethod
    def make(cls, v):
        return cls(v)


class WithDict:
    def __init__(self):
        self.a = 1

    def get(self):
        return self.a


def hinted(objs):
    s = 0
    for o in objs:
        s += o.a            # LOAD_ATTR_WITH_HINT: the dict was materialized by vars()
        o.a = s % 7         # STORE_ATTR_WITH_HINT
        s += o.get()        # LOAD_METHOD_WITH_DICT
    return s


def module_param(m, xs):
    return [m.floor(x) for x in xs]          # LOAD_METHOD_MODULE: the module is a parameter


def class_calls(n):
    out = []
    for i in range(n):
        out.append(Box.get(Box(i)))          # LOAD_METHOD_CLASS
    return out


def builtins(n):
    s = 0
    d = {}
    for i in range(n):
        q, r = divmod(i, 3)                  # PRECALL_NO_KW_BUILTIN_FAST, UNPACK_SEQUENCE_TWO_TUPLE
        s += abs(q - r)                      # PRECALL_NO_KW_BUILTIN_O
        if isinstance(i, int):               # PRECALL_NO_KW_ISINSTANCE
            s += len(str(i))                 # PRECALL_NO_KW_STR_1, NO_KW_LEN
        t = tuple([i, i])                    # PRECALL_NO_KW_TUPLE_1
        if type(t) is tuple:                 # PRECALL_NO_KW_TYPE_1
            s += 1
        d[i] = list(t)                       # STORE_SUBSCR_DICT, PRECALL_BUILTIN_CLASS
        a, b, c = i, q, r                    # SWAPs, no unpacking
        x, y, z = (a, b, c) if s > -1 else (0, 0, 0)   # UNPACK_SEQUENCE_TUPLE
        u, v, w = [x, y, z]                  # UNPACK_SEQUENCE_LIST
        s += u + v + w
        if str(i) == "7":                    # COMPARE_OP_STR_JUMP
            s += 1
    return s


def defaults(a, b=2, c=3):
    return a + b + c


def call_defaults(n):
    s = 0
    for i in range(n):
        s += defaults(i)                     # CALL_PY_WITH_DEFAULTS
        s += defaults(i, 1, 1)               # CALL_PY_EXACT_ARGS
    return s


objs = [WithDict() for _ in range(3)]
for o in objs:
    vars(o)
print(hinted(objs * 20))
print(sum(module_param(math, [0.5 * i for i in range(40)])))
print(len(class_calls(40)), Box.make(3).get())
print(builtins(60))
print(call_defaults(40))
