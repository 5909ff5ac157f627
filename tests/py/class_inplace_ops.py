# In-place operators: __iadd__ mutates, falling back to __add__ otherwise.
class Bag:
    def __init__(self, items=None):
        self.items = list(items or [])

    def __add__(self, other):
        print("__add__")
        return Bag(self.items + other.items)

    def __iadd__(self, other):
        print("__iadd__")
        self.items.extend(other.items)
        return self

    def __repr__(self):
        return f"Bag({self.items})"

class Frozen:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Frozen(self.n + other)
    def __repr__(self):
        return f"Frozen({self.n})"

b = Bag([1])
alias = b
b += Bag([2, 3])
print(b, alias, b is alias)
c = b + Bag([4])
print(c, b)
f = Frozen(1)
g = f
f += 10
print(f, g, f is g)
