# Tuples: packing, indexing, immutability and methods.
point = (3, 4)
single = (5,)
empty = ()
print(point, single, empty, len(point), len(empty), type(single).__name__)
print(point[0], point[-1], point + (5,), point * 2)
print((1, 2, 3).index(2), (1, 1, 2).count(1))
print((1, 2) < (1, 3), (2,) > (1, 9), (1, 2) == (1, 2))
t = 1, 2, 3
print(t, tuple([4, 5]), tuple("ab"))
try:
    point[0] = 10
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
print(hash((1, 2)) == hash((1, 2)))
