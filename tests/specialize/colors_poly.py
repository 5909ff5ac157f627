def combine(a, b):
    return a + b

def compare(a, b):
    if a < b:
        return -1
    if a == b:
        return 0
    return 1

items = [1, 2.5, "x", 3, 4.0, "y"] * 20
acc = []
for i in range(len(items) - 1):
    a, b = items[i], items[i + 1]
    if type(a) is type(b):
        acc.append(combine(a, b))
    else:
        acc.append(combine(str(a), str(b)))
ords = [compare(x, y) for x, y in zip(range(100), range(50, 150))]
names = ["b", "a", "c"] * 20
eqs = sum(1 for n in names if compare(n, "b") == 0)
print(len(acc), acc[:4], sum(ords), eqs)
