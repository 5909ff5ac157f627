class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

class Particle:
    __slots__ = ("pos", "vel", "mass")

    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass

    def step(self):
        self.pos = self.pos.add(self.vel)

    def energy(self):
        return 0.5 * self.mass * self.vel.dot(self.vel)

ps = [Particle(Vector(i, 0), Vector(1, i % 3), 2.0) for i in range(20)]
for t in range(30):
    for p in ps:
        p.step()
print(ps[3].pos, sum(p.energy() for p in ps))
