# enumerate and zip for parallel iteration.
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, start=1):
    print(f"{i}. {f}")
print(list(enumerate("ab", 10)))
prices = [1.2, 0.5, 3.0, 9.9]
for f, p in zip(fruits, prices):
    print(f, p)
print(list(zip([1, 2, 3], "abc", (True, False, None))))
print(list(zip()), list(zip([1, 2])))
pairs = [("a", 1), ("b", 2), ("c", 3)]
letters, numbers = zip(*pairs)
print(letters, numbers)
print(dict(zip(fruits, prices)))
