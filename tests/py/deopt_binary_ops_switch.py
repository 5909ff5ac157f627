# Arithmetic and comparison sites that see new types after being hot.
def combine(a, b):
    return a * b - a // b + (a < b)

results = []
for i in range(1, 150):
    results.append(combine(i, 7))
print(sum(results))
for x in [2.5, 10.0, -3.5]:
    print(combine(x, 2))
print(combine(10 ** 20, 3))
print(combine(True, 1))
def compare(a, b):
    return a < b, a == b
for i in range(150):
    compare(i, 75)
print(compare(1.5, 2), compare("a", "b"), compare((1, 2), (1, 2)), compare(2 ** 70, 2 ** 70))
def sub(a, b):
    return a - b
for i in range(150):
    sub(i, 1)
print(sub(1.0, 0.5), sub({1, 2, 3}, {2}), sub(2 ** 64, 1))
