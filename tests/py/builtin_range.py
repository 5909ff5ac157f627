# range with one, two and three arguments.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:4], 11 in r, 12 in r)
print(r.index(15), r.count(7), range(5) == range(0, 5))
print(sum(range(1, 101)), max(range(7)), list(reversed(range(4))))
total = 0
for i in range(10, 0, -2):
    total += i
print(total)
print(len(range(0, 10 ** 12, 3)))
