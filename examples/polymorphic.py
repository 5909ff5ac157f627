# A polymorphic call site: look at shape.area(). Three classes take turns there; it is colored as
# specialized, but each change of class misses and re-specializes (build/anole --dis counts them).
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
