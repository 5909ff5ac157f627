# Sorting with key= and reverse=; sort in place versus sorted().
people = [("Ada", 36), ("Linus", 28), ("Grace", 85), ("Guido", 67), ("Ken", 28)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "kiwi", "apple", "fig", "cherry"]
words.sort(key=len)
print(words)
words.sort()
print(words)
words.sort(reverse=True)
print(words)
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, reverse=True), nums)
print(sorted("Hello World".split(), key=str.lower))
