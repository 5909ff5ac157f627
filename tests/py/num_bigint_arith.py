# Arithmetic on integers far past 64 bits, including negative floor division.
a = 2 ** 100
b = 3 ** 50
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(divmod(a, 7), divmod(-a, 7))
print(-(10 ** 25) // 3, -(10 ** 25) % 3)
print(a // 1000000007, a % 1000000007)
print(abs(-a))
print(a == 2 ** 100, a > b, -a < -b)
print(a / 2 ** 90)
big = 1
for i in range(1, 40):
    big = big * 31 + i
print(big)
print(big >> 100, big & 0xFFFF, big.bit_length())
print(int(str(big)) == big)
