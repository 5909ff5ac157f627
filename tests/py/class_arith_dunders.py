# Operator overloading with a Vector class.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vector(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vector(self.x % k, self.y % k)

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y

    def __pow__(self, n):
        return Vector(self.x ** n, self.y ** n)

v = Vector(3, 4)
w = Vector(1, -2)
print(v + w, v - w, v * 2, 2 * v, v / 2, v // 2, v % 2)
print(-v, +v, abs(v), v @ w, v ** 2)
print(v + w == Vector(4, 2), v == w)
total = Vector(0, 0)
for i in range(5):
    total = total + Vector(i, 1)
print(total)
