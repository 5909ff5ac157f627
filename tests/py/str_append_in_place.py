# `s += t` grows s in place when no other reference to s can exist (Anole's version of CPython's
# BINARY_OP_INPLACE_ADD_UNICODE resize). Every function here gives the string a chance to escape
# or to be shared; each must see exactly what CPython shows. Loops run long enough to specialize.
N = 30

def alias():
    s = "a"
    t = s
    for i in range(N):
        s += "b"
    return len(s), t

def escape_list():
    out = []
    s = ""
    for i in range(N):
        s += str(i % 10)
        out.append(s)
    return [len(x) for x in out][:5], out[3], out[-1][-5:]

def swap():
    s = ""
    t = ""
    for i in range(N):
        s += "x"
        t = s
    return len(s), len(t)

def via_other():
    s = ""
    t = ""
    olds = []
    for i in range(N):
        s = t + "y"
        olds.append(t)
        t = s
    return len(s), [len(o) for o in olds[:4]]

def build(n):
    s = ""
    for i in range(n):
        s += "z"
    return s

def returned_then_reused():
    r = [build(N) for _ in range(3)]
    r[0] += "!"
    return [len(x) for x in r], r[1] is not r[2]

def finally_case():
    s = "q"
    for i in range(N):
        s += "r"
    try:
        return s
    finally:
        s += "w"

def gen():
    s = ""
    for i in range(N):
        s += "g"
        yield s

def closure():
    s = ""
    for i in range(N):
        s += "n"
    def inner():
        return s
    return inner()

def dict_key():
    s = ""
    d = {}
    for i in range(N):
        s += "k"
        d[s] = i
    return len(d), d["kkk"], d["k" * N]

def conditional_rhs():
    s = ""
    for i in range(N):
        s += "a" if i % 2 else "b"
    return s

def self_append():
    s = "ab"
    for i in range(12):
        s += s[:2]
    return s

def param(s):
    for i in range(N):
        s += "p"
    return s

def second_loop():
    s = ""
    for i in range(N):
        s += "1"
    t = s
    for i in range(N):
        s += "2"
    return len(t), len(s)

base = "base"
print(alias())
print(escape_list())
print(swap(), via_other())
print(returned_then_reused())
print(finally_case())
g = list(gen())
print(len(g), [len(x) for x in g[:4]], g[-1][:3])
print(len(closure()), dict_key(), conditional_rhs())
print(self_append(), param(base), base)
print(second_loop())

def hashed():
    s = ""
    for i in range(60):
        s += chr(65 + i % 26)
    return s

h = hashed()
same = "".join(chr(65 + i % 26) for i in range(60))
print(h == same, hash(h) == hash(same), {h: 1}[same], len({h, same}))
