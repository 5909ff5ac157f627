# Attribute access: instance values, __slots__, module attributes, class attributes via instances.
import math


class Point:
    scale = 2.0

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def total(points):
    s = 0.0
    for p in points:
        s += p.x * p.y
        p.x = p.x + 1.0
    return s


def scaled(points):
    s = 0.0
    for p in points:
        s += p.x * p.scale
    return s


def slots(items):
    s = 0
    for it in items:
        s += it.a - it.b
        it.a = it.b
    return s


def circle(rs):
    s = 0.0
    for r in rs:
        s += math.pi * r * r
    return s


pts = [Point(i * 1.0, 2.0) for i in range(50)]
print(round(total(pts), 3), round(scaled(pts), 3))
print(slots([Slotted(i, 1) for i in range(50)]))
print(round(circle([0.5 * i for i in range(50)]), 3))
