# Calling a class after its __init__ or __new__ changed, or a base's did, runs the new one; slots
# along the chain and a __dict__ in __slots__ decide what each instance has.
class A:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class B(A):
    __slots__ = ("y", "__dict__")

    def __init__(self, x, y):
        A.__init__(self, x)
        self.y = y


for _ in range(3):
    b = B(1, 2)
    b.z = 3
    print(b.x, b.y, b.z, sorted(vars(b)))


def new_init(self, x, y):
    self.x = x * 10
    self.y = y * 10


B.__init__ = new_init
print(B(1, 2).x, B(1, 2).y)


def base_init(self, x):
    self.x = -x


A.__init__ = base_init
a = A(4)
print(a.x)
try:
    a.w = 1
except AttributeError as e:
    print("AttributeError:", e)


class C:
    def __init__(self):
        self.v = "init"


print(C().v)


def c_new(cls):
    obj = object.__new__(cls)
    obj.v = "new"
    return obj


C.__new__ = c_new
print(C().v)
del C.__new__
print(C().v)
del C.__init__
c = C()
print(hasattr(c, "v"))


class G:
    def __init__(self):
        yield 1


try:
    G()
except TypeError as e:
    print("TypeError:", e)


class S:
    __slots__ = ("a", "__weakref__")


class T(S):
    pass


class U(S):
    __slots__ = ("__dict__",)


t = T()
t.a, t.b = 1, 2
u = U()
u.a, u.c = 3, 4
print(t.a, t.b, vars(t), u.a, u.c, vars(u))
s = S()
s.a = 5
for obj, name in ((s, "b"), (s, "__dict__")):
    try:
        setattr(obj, name, {}) if name == "b" else getattr(obj, name)
        print("no error for", name)
    except AttributeError as e:
        print("AttributeError:", e)
