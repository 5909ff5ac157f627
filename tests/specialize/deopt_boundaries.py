# Deoptimization at CPython 3.11's exact boundaries. Each site specializes first, then misses:
# after 52 misses it is still specialized, the 53rd miss deoptimizes it to the adaptive form,
# and 32 executions after that (the counter restarts at 31) it specializes again for what it
# sees now. One function per boundary, so each instruction's final state shows one count.

def add52(a, b):
    return a + b

def add53(a, b):
    return a + b

def add84(a, b):
    return a + b

def add85(a, b):
    return a + b

for f, n in ((add52, 52), (add53, 53), (add84, 84), (add85, 85)):
    for i in range(100):
        f(i, 1)
    for i in range(n):
        f(0.5, 1.5)

# A class change: the attribute site specializes for Point, then sees Other.
class Point:
    def __init__(self):
        self.x = 1

class Other:
    def __init__(self):
        self.y = 0
        self.x = 2

def getx52(p):
    return p.x

def getx85(p):
    return p.x

for f, n in ((getx52, 52), (getx85, 85)):
    p, o = Point(), Other()
    for i in range(100):
        f(p)
    for i in range(n):
        f(o)

# A callee change: the call site specializes for one function, then calls another that takes
# a default, which needs CALL_PY_WITH_DEFAULTS.
def one(a):
    return a

def two(a, b=1):
    return a + b

def call52(g):
    return g(1)

def call85(g):
    return g(1)

for f, n in ((call52, 52), (call85, 85)):
    for i in range(100):
        f(one)
    for i in range(n):
        f(two)

# Operand types of a comparison: ints, then strs.
def less53(a, b):
    if a < b:
        return 1
    return 0

def less85(a, b):
    if a < b:
        return 1
    return 0

for f, n in ((less53, 53), (less85, 85)):
    for i in range(100):
        f(i, 50)
    for i in range(n):
        f("a", "b")
print("done")
