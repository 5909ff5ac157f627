# Instances with more attributes than CPython 3.11 shares between them (30) get a combined dict: WITH_HINT.
class C:
    def __init__(self):
        for i in range(40):
            setattr(self, "a%d" % i, i)
    def m(self):
        return 1
def f(objs):
    s = 0
    for o in objs:
        s += o.a35
        o.a35 = s % 5
        s += o.m()
    return s
objs = [C() for _ in range(3)]
print(f(objs * 20))
