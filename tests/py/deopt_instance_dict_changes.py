# Instances of the same class with different attribute layouts at one site.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def get_x(p):
    return p.x

points = [Point(i, -i) for i in range(100)]
print(sum(get_x(p) for p in points))
odd = Point(1, 2)
odd.z = 3
odd.__dict__.clear()
odd.x = "rebuilt"
print(get_x(odd))
p = Point(5, 6)
del p.x
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError:", e)
p.x = 7
print(get_x(p))
class Other:
    x = "class-level x"
print(get_x(Other()), get_x(Other))
for i in range(100):
    points[i].extra = i
print(sum(get_x(p) for p in points), points[99].extra)
