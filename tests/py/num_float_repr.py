# Floats print with the shortest repr that round-trips.
print(0.1 + 0.2)
print(1 / 3, 2 / 3, 10 / 3)
print(0.1 * 3, 1.1 * 1.1)
print(1e16, 1e15, 123456789012345678.0)
print(1e-4, 1e-5, 0.0001234)
print(1.0, -0.0, 100.0, 2.5e-10)
print(3.0 * 1e22, 1.7976931348623157e308)
print(5e-324, 2.2250738585072014e-308)
print(float(2 ** 53), float(2 ** 53 + 1))
print(repr(1.5), str(2.75), [0.1, 0.5, 1e100])
print(1 / 7, 22 / 7, 355 / 113)
print(round(2.675, 2), 0.1 + 0.7)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
