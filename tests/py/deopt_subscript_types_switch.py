# A subscript site that sees lists, then dicts, strings, tuples and custom types.
def first(seq, i):
    return seq[i]

lst = list(range(10))
total = 0
for i in range(200):
    total += first(lst, i % 10)
print(total)
print(first({"a": 1, 0: "zero"}, 0), first("hello", 1), first((7, 8), -1), first(range(5), 3))
print(first([[1, 2]], 0), first(b"AB", 0), first(lst, slice(2, 5)))
class Doubler:
    def __getitem__(self, i):
        return i * 2
print(first(Doubler(), 21))
def store(container, key, value):
    container[key] = value
buf = [0] * 10
for i in range(200):
    store(buf, i % 10, i)
print(buf)
d = {}
store(d, "k", 1)
store(d, 2, "v")
print(d)
