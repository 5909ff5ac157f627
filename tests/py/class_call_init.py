# Calling a class runs __init__ as a frame of the evaluation loop when it can: every way such a
# call can end must behave as in CPython.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y=0, *, scale=1):
        self.x = x * scale
        self.y = y * scale

class Plain:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

class Child(Plain):
    def __init__(self, a):
        super().__init__(a, a + 1, k=a)
        self.a = a

class Returns:
    def __init__(self):
        return 42

class Raises:
    def __init__(self, n):
        if n > 2:
            raise ValueError("too big: %d" % n)
        self.n = n

class WithNew:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.made_by_new = True
        return o
    def __init__(self, v):
        self.v = v

class NoInit:
    pass

class Gen:
    def __init__(self):
        yield 1

class Err(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code

class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None

pts = [Point(i, scale=2) for i in range(40)]
print(sum(p.x + p.y for p in pts), Point(3, 4).y)
print(Plain(1, 2, z=3).args, Plain(1, 2, z=3).kwargs, Child(5).args, Child(5).kwargs, Child(5).a)
for i in range(5):
    try:
        r = Raises(i)
        print("made", r.n)
    except ValueError as e:
        print("ValueError", e)
try:
    Returns()
except TypeError as e:
    print("TypeError", e)
try:
    Gen()
except TypeError as e:
    print("TypeError", e)
w = WithNew(7)
print(w.v, w.made_by_new, type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print("TypeError", e)
e = Err("boom", 3)
print(e, e.code, e.args)
d = Deep(50)
n = 0
while d:
    n += 1
    d = d.child
print(n)
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    Deep(5000)
except RecursionError as e:
    print("RecursionError", e)
objs = [Plain(i) for i in range(1000)]
print(len(objs), objs[-1].args)
Returns()
