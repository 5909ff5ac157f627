# Set algebra with operators and methods on ints.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b) == a | b, a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.isdisjoint({8, 9}))
print({1, 2}.issubset(a), a.issuperset({5}))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 3}
print(c)
print(len(a), 3 in a, 9 not in a, sorted(a | b, reverse=True))
print(set(), set([3, 1, 3, 2]), {n % 4 for n in range(20)})
