# map and filter return lazy iterators.
nums = [1, 2, 3, 4, 5, 6]
doubled = map(lambda x: x * 2, nums)
print(type(doubled).__name__, list(doubled), list(doubled))
print(list(map(str, nums)), list(map(int, ["7", "8"])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30, 40])))
print(list(map(pow, [2, 3], [5, 2])))
print(list(filter(lambda x: x % 2, nums)))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(str.isdigit, ["1", "a", "22", "b3"])))
words = ["Hello", "world", "Python"]
print(list(map(len, words)), sum(map(len, words)))
