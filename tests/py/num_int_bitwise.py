# Bitwise operators on ints, including negatives (two's complement semantics).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1 << 70, 1024 >> 3, -1024 >> 3, -1 >> 5)
print(-12 & 7, -12 | 7, -12 ^ 7)
print((255).bit_length(), (256).bit_length(), (-256).bit_length(), (0).bit_length())
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
print([popcount(i) for i in range(17)])
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, bin(flags), bool(flags & 8), bool(flags & 4))
