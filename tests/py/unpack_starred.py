# Starred assignment targets and unpacking in calls and displays.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
head, *tail = [1]
print(head, tail)
nums = [1, 2, 3]
print(*nums)
print(*nums, sep="-")
combined = [*nums, *"ab", 0]
print(combined)
d1 = {"a": 1}
d2 = {**d1, "b": 2, **{"a": 3}}
print(d2)
print({*nums, *[3, 4]} == {1, 2, 3, 4})
def f(a, b, c):
    return a + b * c
print(f(*[1, 2, 3]), f(*(1,), **{"b": 2, "c": 10}))
for x, *ys in [(1, 2, 3), (4,)]:
    print(x, ys)
