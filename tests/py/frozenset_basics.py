# frozenset is an immutable, hashable set.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f)
print(f | {9}, f & {1, 5}, type(f | {9}).__name__, type({9} | f).__name__)
groups = {frozenset([1, 2]): "pair", frozenset([3]): "single"}
print(groups[frozenset([2, 1])])
print(frozenset() == set(), frozenset([1]) == {1})
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
s = {frozenset([1, 2]), frozenset([2, 1]), frozenset([3])}
print(len(s))
