# type() of common values, and type as a function.
values = [0, 1.5, "s", b"b", None, True, [1], (1,), {1: 2}, {1}, frozenset(), range(3), len, print]
for v in values:
    print(type(v).__name__)
print(type(3) is int, type(3) == float, type(type(3)).__name__)
print(type("x")("abc"), type(5)("12") + 1)
Point = type("Point", (), {"x": 0, "describe": lambda self: f"at {self.x}"})
p = Point()
p.x = 4
print(Point.__name__, p.describe())
