# Products, hashes and range lengths at the edges of the fast paths: 32-bit operands multiply
# directly, larger ones check for overflow; small ints hash without the modulus; step-1 ranges
# count their length without a division.
xs = [0, 1, -1, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**47 - 1, -2**47, 2**46, 12345678901,
      -98765432109, 2**61 - 1, 2**61, -(2**61), 2**62 + 5]
for x in xs:
    row = [x * y for y in xs]
    assert row == [int(str(x)) * int(str(y)) for y in xs]
    print(x, hash(x), hash(float(x)) if abs(x) < 2**53 else "-", sum(row) % 1000003)
    print(len(range(x, x + 7)), len(range(x, x - 3)), len(range(-5, x)) if x < 10**6 else "-")
print(hash(-1), hash(-2), hash(2**61 - 2), hash(-(2**61 - 2)), hash(2.0**60), hash(-2.0**52))
s = 0
for i in range(-100000, 100000, 7):
    s += i * i * 3 * i
print(s)
counts = {}
for i in range(-3000, 3000):
    counts[i * 40503] = counts.get(i * 40503, 0) + 1
print(len(counts), sum(counts), len({i * 2**40 for i in range(-500, 500)}))
print(len(range(-2**62, 2**62)))
