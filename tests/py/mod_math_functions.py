# Common functions from the math module.
import math
print(math.sqrt(16), math.sqrt(2), math.isqrt(99), math.pow(2, 10))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7))
print(math.factorial(10), math.gcd(48, 36), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2))
print(math.fabs(-3), math.copysign(2, -1), math.fmod(-7, 3), math.hypot(3, 4))
print(math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 10), math.tan(0))
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.dist((0, 0), (3, 4)), math.floor(10 ** 20 / 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
