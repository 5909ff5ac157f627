# Attribute access: look at p.x in total_plain (an instance's values: LOAD_ATTR_INSTANCE_VALUE)
# and in total_slots (a __slots__ descriptor: LOAD_ATTR_SLOT); both are green after warm-up.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

def total_plain(points):
    total = 0
    for p in points:
        total += p.x
    return total

def total_slots(points):
    total = 0
    for p in points:
        total += p.x
    return total

plain = [Point(i, -i) for i in range(200)]
slotted = [SlotPoint(i, -i) for i in range(200)]
print(total_plain(plain), total_slots(slotted))
