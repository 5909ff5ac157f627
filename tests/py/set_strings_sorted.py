# Sets of strings: order is not guaranteed, so print them sorted.
fruits = {"apple", "banana", "cherry"}
tropical = {"banana", "mango", "papaya"}
print(sorted(fruits | tropical))
print(sorted(fruits & tropical))
print(sorted(fruits - tropical))
print(sorted(fruits ^ tropical))
print("apple" in fruits, "mango" in fruits, len(fruits | tropical))
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
print(sorted({w[0] for w in words}))
