# Constants in the math module and a few formulas using them.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(f"{math.pi:.10f} {math.e:.5f}")
r = 2.5
print("circumference", 2 * math.pi * r)
print("area", round(math.pi * r ** 2, 6))
print("sphere volume", 4 / 3 * math.pi * r ** 3)
print(math.tau == 2 * math.pi, math.inf > 1e308, math.nan == math.nan)
from math import sqrt, pi as PI
print(sqrt(PI))
