# A method replaced on the class after many calls.
class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * self.size

shapes = [Shape(i) for i in range(10)]
total = 0
for _ in range(20):
    for s in shapes:
        total += s.area()
print(total)
def circle_area(self):
    return round(3.14159 * self.size * self.size, 2)
Shape.area = circle_area
print([s.area() for s in shapes[:4]])
Shape.area = property(lambda self: "now a property")
print(shapes[0].area)
del Shape.area
try:
    shapes[0].area()
except AttributeError as e:
    print("AttributeError:", e)
Shape.area = staticmethod(lambda: "static")
print(shapes[1].area())
Shape.area = classmethod(lambda cls: cls.__name__)
print(shapes[2].area())
