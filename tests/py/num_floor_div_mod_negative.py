# Floor division rounds toward negative infinity; modulo takes the sign of the divisor.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, a // b, a % b, (a // b) * b + a % b == a)
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % 2)
print(-0.5 // 1, -0.5 % 1)
print(5 % 1.5, -5 % 1.5)
print(-13 // 4 * 4 + -13 % 4)
