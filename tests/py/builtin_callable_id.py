# callable and id (ids compared, never printed) and the is operator.
class Thing:
    def method(self):
        pass
t = Thing()
print(callable(Thing), callable(t), callable(t.method), callable(len), callable(lambda: 0), callable("s"))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
x = None
print(x is None, x is not None, id(None) == id(None))
print(type(id(a)).__name__, id(a) > 0)
