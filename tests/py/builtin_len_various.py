# len on every kind of container, and on a class with __len__.
print(len("hello"), len(""), len([1, 2, 3]), len(()), len({"a": 1}), len({1, 2}), len(range(10)))
print(len("caf\u00e9"), len(b"caf\xc3\xa9"), len([[1, 2], [3]]), len(frozenset([1, 1])))
class Box:
    def __len__(self):
        return 7
print(len(Box()))
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
