# Floats mixed with ints, and int / int: the results CPython's float type gives.
vals = [0, 1, -1, 7, -7, 3, 2 ** 47 - 1, -(2 ** 47), 2 ** 60, 0.0, -0.0, 0.5, -2.5, 1e300, float("inf"), float("nan")]
for a in vals:
    row = []
    for b in vals:
        for op in ("+", "-", "*", "/"):
            try:
                if op == "+": r = a + b
                elif op == "-": r = a - b
                elif op == "*": r = a * b
                else: r = a / b
                row.append(repr(r))
            except ZeroDivisionError as e:
                row.append("ZeroDivisionError: " + str(e))
            except OverflowError as e:
                row.append("OverflowError: " + str(e))
    print(repr(a), " ".join(row))
x = 10
x /= 4
print(x)
y = 3.0
y += 2
y -= 1
y *= 2
y /= 3
print(y)
print(7 / 7, -6 / 3, 1 / 3, 2 / -3, (2 ** 47 - 1) / 3)
def f2c(f):
    return (f - 32) * 5 / 9
print([f2c(f) for f in (-40, 32, 98.6, 212, 451)])
