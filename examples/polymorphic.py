# A polymorphic call site: shape.area() sees three classes, so the method load cannot settle on
# one version and stays red or mixed; the call inside each area method is green.
class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side

class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r

def total_area(shapes):
    total = 0
    for shape in shapes:
        total += shape.area()
    return total

shapes = []
for i in range(100):
    shapes.append(Square(i))
    shapes.append(Rect(i, 2))
    shapes.append(Circle(i))
print(total_area(shapes))
