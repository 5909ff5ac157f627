# Mixing ints, floats and bools; floor division, modulo and powers with negatives.
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 2 * 3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(2 ** 10, 2 ** -1, 10 ** -2, (-2) ** 3, -2 ** 2)
print(2.0 ** 0.5, 4 ** 0.5, 9 ** 0.5, 2 ** 0)
print(True + 1, True + True, False * 10, True * 2.5)
print(-5, -(-5), -2.5, - - 3)
print(10 / 4, 10 // 4, 10 % 4, 10.0 // 4)
a = b = 0.0
a += 1
b -= 1
print(a, b)
n = 7
n *= 3
n -= 1
n //= 3
n %= 4
print(n)
x = 2
x **= 5
x /= 4
print(x)
