# hash of ints and tuples of ints is deterministic.
print(hash(0), hash(1), hash(-1), hash(42), hash(-42))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(1.0) == hash(1), hash(True) == hash(1), hash(0.5))
print(hash(()), hash((1,)), hash((1, 2, 3)))
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
