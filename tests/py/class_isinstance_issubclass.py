# isinstance and issubclass with classes, tuples and builtins.
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Unit(Square): pass

u = Unit()
print(isinstance(u, Unit), isinstance(u, Square), isinstance(u, Shape), isinstance(u, Circle))
print(isinstance(u, (Circle, Square)), isinstance(u, object))
print(issubclass(Unit, Shape), issubclass(Circle, Square), issubclass(Shape, Shape), issubclass(bool, int))
print(isinstance(3, int), isinstance(3.0, int), isinstance("s", str), isinstance([], (list, tuple)))
print(type(u) is Unit, type(u) is Square, type(u) == Unit)
values = [1, "two", 3.0, [4], (5,), {6: 6}, None, True]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, (int, float)))
print(Unit.__name__, Unit.__bases__[0].__name__)
