# A small ray tracer: classes with float attributes and method calls.
import math
W, H = 90, 60

class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.scale(1.0 / math.sqrt(self.dot(self)))

class Sphere:
    def __init__(self, center, radius, shade):
        self.center = center
        self.radius = radius
        self.shade = shade

    def hit(self, origin, direction):
        oc = origin.sub(self.center)
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else -1.0

scene = [Sphere(Vec(0.0, -0.5, 3.0), 1.0, 0.9), Sphere(Vec(1.5, 0.5, 4.0), 0.8, 0.6),
         Sphere(Vec(-1.5, 0.3, 3.5), 0.6, 0.7), Sphere(Vec(0.0, -101.5, 3.0), 100.0, 0.4)]
light = Vec(-1.0, 1.0, -1.0).norm()
eye = Vec(0.0, 0.0, 0.0)

def trace(origin, direction, depth):
    best, best_t = None, 1e9
    for s in scene:
        t = s.hit(origin, direction)
        if 0.0 < t < best_t:
            best, best_t = s, t
    if best is None:
        return 0.1
    p = origin.add(direction.scale(best_t))
    n = p.sub(best.center).norm()
    lum = max(0.0, n.dot(light)) * best.shade
    if depth < 2:
        r = direction.sub(n.scale(2.0 * direction.dot(n)))
        lum += 0.3 * trace(p, r, depth + 1)
    return lum

total = 0.0
for rep in range(12):
    for j in range(H):
        for i in range(W):
            d = Vec((i - W / 2) / W, (H / 2 - j) / H, 1.0).norm()
            total += trace(eye, d, 0)
print("%.6f" % total)
