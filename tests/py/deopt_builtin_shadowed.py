# A builtin shadowed by a global after hot use, then restored.
def measure(items):
    return len(items)

total = 0
for i in range(200):
    total += measure([0] * (i % 5))
print(total)
def len(x):
    return 42
print(measure([1, 2, 3]))
del len
print(measure([1, 2, 3]))
import builtins
original_abs = builtins.abs
def distance(a, b):
    return abs(a - b)
for i in range(150):
    distance(i, 50)
builtins.abs = lambda x: "patched"
print(distance(1, 5))
builtins.abs = original_abs
print(distance(1, 5))
