# An operator dunder added, replaced and removed on a class after hot use.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Num(self.v + other.v)

def plus(a, b):
    return a + b

acc = Num(0)
for i in range(150):
    acc = plus(acc, Num(i))
print(acc.v)
Num.__add__ = lambda self, other: Num(self.v * other.v)
print(plus(Num(6), Num(7)).v)
del Num.__add__
try:
    plus(Num(1), Num(2))
except TypeError as e:
    print("TypeError:", e)
Num.__radd__ = lambda self, other: "radd"
print(plus(1, Num(2)))
class Eq:
    pass
def same(a, b):
    return a == b
x, y = Eq(), Eq()
for _ in range(150):
    same(x, y)
print(same(x, y), same(x, x))
Eq.__eq__ = lambda self, other: True
print(same(x, y))
