# iter and next, with defaults and exhausted iterators.
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"))
s = iter("hi")
print(next(s), next(s), next(s, None))
d = iter({"a": 1, "b": 2})
print(list(d))
numbers = iter(range(10))
first_three = [next(numbers) for _ in range(3)]
print(first_three, list(numbers))
lst = [1, 2]
it1 = iter(lst)
print(iter(it1) is it1)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration caught")
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 5)))
