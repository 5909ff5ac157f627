# The same for loop iterating over lists, ranges, tuples, strings, dicts and generators.
def total_len(iterable):
    n = 0
    for _ in iterable:
        n += 1
    return n

for _ in range(100):
    total_len([1, 2, 3])
print(total_len([1, 2, 3]), total_len(range(1000)), total_len((1,)), total_len("abcd"))
print(total_len({"a": 1, "b": 2}), total_len(x for x in range(7)), total_len({1, 2, 3}))
print(total_len(iter([1, 2])), total_len(enumerate("xy")), total_len(zip("ab", "cde")))
def mutate_during():
    items = [1, 2, 3]
    seen = []
    for x in items:
        seen.append(x)
        if x == 1:
            items.append(4)
    return seen
print(mutate_during())
