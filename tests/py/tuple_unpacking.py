# Unpacking tuples into names, in loops and in function returns.
x, y = 1, 2
x, y = y, x
print(x, y)
def min_max(nums):
    return min(nums), max(nums)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
for name, score in [("a", 1), ("b", 2)]:
    print(name, score)
(a, b), c = (1, 2), 3
print(a, b, c)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
first, second, third = "abc"
print(first, second, third)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
