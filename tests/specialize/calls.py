# Global loads of a module function and of builtins, Python-to-Python calls, builtin calls,
# and a function that runs too few times to be quickened.
def square(x):
    return x * x

def rarely(x):
    return x * x + 1 - x

def run(values):
    total = 0
    for v in values:
        total = total + square(v)
        total = total + len(values)
    return total

def rounding(n):
    acc = 0.0
    for i in range(n):
        acc = acc + round(i / 7, 2)
        acc = acc + round(i * 0.5)
    return acc

print(run([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]))
print(round(rounding(120), 2))
for i in range(5):
    print(rarely(i))
