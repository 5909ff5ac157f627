# __repr__ and __str__ control how objects print.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"

p = Point(1, 2)
print(p)
print(repr(p), str(p))
print([p, Point(3, "4")])
print(f"{p} {p!r}")
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print("%s and %r" % (p, p))
print({"p": p})
