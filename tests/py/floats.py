# How floats print: the shortest repr that reads back the same number.
print(0.1 + 0.2)
print(0.1 * 3, 1 / 3, 2 / 3)
print(1e16, 1e15, 123456789.0 * 1000)
print(1e-05, 0.0001, 1e-7 * 3)
print(-0.0, 0.0, -0.0 == 0.0)
print(1e308 * 10, -1e308 * 10)
print(1.5, 2.0, 100.0, 3.14159)
print(1e22, 1e21 * 10, 2.5e-10)
print(7 / 2, 6 / 3, 1 / 8)
x = 0.0
for i in range(10):
    x += 0.1
print("ten tenths:", x)
print(round(x), round(x, 3), round(2.5), round(3.5), round(-2.5))
print(round(2.675, 2), round(1.23456, 3), round(2.5, 0), round(-0.4))
print(round(7), round(1e12 + 0.3), round(0.5), round(1.5))
