# sum, any and all.
print(sum([1, 2, 3]), sum([]), sum([0.1] * 10), sum(range(5), 100))
print(sum([[1], [2, 3]], []), sum([1.5, 2, True]))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
nums = [4, 8, 15, 16, 23, 42]
print(any(n > 40 for n in nums), all(n > 3 for n in nums), all(n % 2 == 0 for n in nums))
grid = [[1, 2], [3, 4]]
print(sum(sum(r) for r in grid), sum(map(sum, grid)))
