# A small n-body simulation: the Sun and the giant planets, 1000 steps of 0.01 years.
# Look at advance(): dx * dx + dy * dy + dz * dz and the other float-by-float operations
# are green (BINARY_OP_*_FLOAT), and so are the reads and writes of the body lists
# (BINARY_SUBSCR_LIST_INT, STORE_SUBSCR_LIST_INT); / and ** have no specialized form.
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def body(x, y, z, vx, vy, vz, mass):
    # [x, y, z, vx, vy, vz, mass], velocities in AU per year, mass in solar units.
    year = DAYS_PER_YEAR
    return [x, y, z, vx * year, vy * year, vz * year, mass * SOLAR_MASS]


SYSTEM = [
    # x, y, z (AU), vx, vy, vz (AU per day), mass (in Suns)
    body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),  # the Sun
    body(4.841, -1.160, -0.104, 1.660e-3, 7.699e-3, -6.905e-5, 9.548e-4),  # Jupiter
    body(8.343, 4.125, -0.404, -2.767e-3, 4.999e-3, 2.304e-5, 2.859e-4),   # Saturn
    body(12.894, -15.111, -0.223, 2.965e-3, 2.378e-3, -2.966e-5, 4.366e-5),  # Uranus
    body(15.380, -25.919, 0.179, 2.681e-3, 1.628e-3, -9.516e-5, 5.151e-5),  # Neptune
]


def offset_momentum(bodies):
    # Gives the Sun the momentum that makes the system's total zero.
    px = py = pz = 0.0
    for b in bodies:
        px -= b[3] * b[6]
        py -= b[4] * b[6]
        pz -= b[5] * b[6]
    sun = bodies[0]
    sun[3] = px / SOLAR_MASS
    sun[4] = py / SOLAR_MASS
    sun[5] = pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    for i in range(len(bodies)):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, len(bodies)):
            b2 = bodies[j]
            dx = b[0] - b2[0]
            dy = b[1] - b2[1]
            dz = b[2] - b2[2]
            e -= b[6] * b2[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    pairs = [(bodies[i], bodies[j]) for i in range(n) for j in range(i + 1, n)]
    for _ in range(steps):
        for b1, b2 in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            m1 = b1[6] * mag
            m2 = b2[6] * mag
            b1[3] -= dx * m2
            b1[4] -= dy * m2
            b1[5] -= dz * m2
            b2[3] += dx * m1
            b2[4] += dy * m1
            b2[5] += dz * m1
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


offset_momentum(SYSTEM)
print("energy before: %.9f" % energy(SYSTEM))
advance(SYSTEM, 0.01, 1000)
print("energy after:  %.9f" % energy(SYSTEM))
print("Jupiter is at x = %.6f, y = %.6f AU" % (SYSTEM[1][0], SYSTEM[1][1]))
