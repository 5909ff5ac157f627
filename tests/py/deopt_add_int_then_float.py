# One function adds ints many times, then floats, then strings and lists.
def add(a, b):
    return a + b

total = 0
for i in range(200):
    total = add(total, i)
print(total)
ftotal = 0.0
for i in range(200):
    ftotal = add(ftotal, 0.5)
print(ftotal)
mixed = 0
for i in range(200):
    mixed = add(mixed, 0.25 if i % 2 else 1)
print(mixed)
print(add("ab", "cd"), add([1], [2]), add((1,), (2,)))
big = 1
for i in range(200):
    big = add(big, big)
print(big)
print(add(True, True), add(2 ** 62, 2 ** 62), add(-1.5, 1))
