# sorted returns a new list; reversed returns an iterator.
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), data)
print(sorted("python"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}))
print(sorted(data, reverse=True))
r = reversed(data)
print(type(r).__name__, list(r), list(r))
print(list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
print("".join(reversed("stressed")))
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted(["b", "A", "c", "B"], key=str.upper))
