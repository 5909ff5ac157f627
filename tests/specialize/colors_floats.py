import math

def integrate(f, a, b, n):
    h = (b - a) / n
    s = 0.5 * (f(a) + f(b))
    for i in range(1, n):
        s += f(a + i * h)
    return s * h

def bump(x):
    return math.exp(-x * x)

def poly(x):
    return 3.0 * x * x - 2.0 * x + 1.0

print(round(integrate(bump, -3.0, 3.0, 500), 6))
print(round(integrate(poly, 0.0, 1.0, 300), 6))
count = 0
for k in range(2000):
    if k % 3 == 0 or k % 5 == 0:
        count += k
print(count)
