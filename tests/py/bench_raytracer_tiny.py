# A tiny ray tracer: spheres, a light, and an ASCII render with checksums.
import math

class Vec:
    __slots__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)
    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z
    def norm(self):
        length = math.sqrt(self.dot(self))
        return Vec(self.x / length, self.y / length, self.z / length)

class Sphere:
    def __init__(self, center, radius, shade):
        self.center, self.radius, self.shade = center, radius, shade
    def hit(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        t = -b - math.sqrt(disc)
        return t if t > 1e-6 else None

scene = [Sphere(Vec(0, -1000.5, 3), 1000, 0.5), Sphere(Vec(0, 0, 3), 0.5, 1.0),
         Sphere(Vec(-1.2, -0.1, 4), 0.4, 0.8), Sphere(Vec(1.1, 0.1, 3.5), 0.35, 0.9)]
light = Vec(-2, 3, -1).norm()
W, H = 48, 20
chars = " .:-=+*#%@"
total = 0.0
hits = 0
for j in range(H):
    row = []
    for i in range(W):
        d = Vec((i - W / 2) / W * 2, (H / 2 - j) / H * 1.2, 1).norm()
        origin = Vec(0, 0, 0)
        best, best_t = None, 1e9
        for s in scene:
            t = s.hit(origin, d)
            if t is not None and t < best_t:
                best, best_t = s, t
        if best is None:
            row.append(" ")
            continue
        hits += 1
        p = origin + d * best_t
        n = (p - best.center).norm()
        lit = max(0.0, n.dot(light))
        shadow_origin = p + n * 1e-4
        if any(s.hit(shadow_origin, light) is not None for s in scene if s is not best):
            lit *= 0.2
        value = 0.1 + 0.9 * lit * best.shade
        total += value
        row.append(chars[min(len(chars) - 1, int(value * len(chars)))])
    print("".join(row).rstrip())
print("hits", hits)
print("checksum", round(total, 6))
