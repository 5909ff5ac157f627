# min and max with iterables, several arguments, key= and default=.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5, 0]), max("hello"))
words = ["pear", "fig", "banana", "kiwi"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max([], default="empty"), min([], default=None))
print(max([(1, "b"), (1, "a"), (0, "z")]))
scores = {"ann": 90, "bob": 72, "cat": 90}
print(max(scores, key=scores.get), min(scores.items(), key=lambda kv: kv[1]))
print(max(-5, 3, key=abs), min([-7, 2, 4], key=lambda x: x * x))
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
