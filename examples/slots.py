# Attribute access: look at p.x on the plain class (LOAD_ATTR_INSTANCE_VALUE) and on the
# __slots__ class (LOAD_ATTR_SLOT); both turn green once the loops have warmed up.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

def total_x(points):
    total = 0
    for p in points:
        total += p.x
    return total

plain = [Point(i, -i) for i in range(200)]
slotted = [SlotPoint(i, -i) for i in range(200)]
print(total_x(plain), total_x(slotted))
