# n-body: floats in lists, the classic from the Computer Language Benchmarks Game.
import math
PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS = 365.24
STEPS = 200000

def make_bodies():
    return [
        [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
        [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * DAYS, 7.69901118419740425e-03 * DAYS, -6.90460016972063023e-05 * DAYS],
         9.54791938424326609e-04 * SOLAR_MASS],
        [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * DAYS, 4.99852801234917238e-03 * DAYS, 2.30417297573763929e-05 * DAYS],
         2.85885980666130812e-04 * SOLAR_MASS],
        [[1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
         [2.96460137564761618e-03 * DAYS, 2.37847173959480950e-03 * DAYS, -2.96589568540237556e-05 * DAYS],
         4.36624404335156298e-05 * SOLAR_MASS],
        [[1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
         [2.68067772490389322e-03 * DAYS, 1.62824170038242295e-03 * DAYS, -9.51592254519715870e-05 * DAYS],
         5.15138902046611451e-05 * SOLAR_MASS],
    ]

def energy(bodies):
    e = 0.0
    for i in range(len(bodies)):
        pos, vel, m = bodies[i]
        e += 0.5 * m * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2])
        for j in range(i + 1, len(bodies)):
            pos2, vel2, m2 = bodies[j]
            dx = pos[0] - pos2[0]
            dy = pos[1] - pos2[1]
            dz = pos[2] - pos2[2]
            e -= m * m2 / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e

def advance(bodies, dt, steps):
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    for _ in range(steps):
        for (p1, v1, m1), (p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for pos, vel, m in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]

bodies = make_bodies()
print("%.9f" % energy(bodies))
advance(bodies, 0.01, STEPS)
print("%.9f" % energy(bodies))
