# `and` and `or` with constant operands are decided at compile time, and chains of them jump
# straight to where the value is settled, as 3.11's peephole pass does; the values stay Python's.
x = 1 and (0 or 2) and 3 or 4
print(x, 0 and undefined_name, [] or "default", "" or 0 or None, (1 or undefined_name))


def f(a, b, c):
    return (a or b) and (b or c) or (a and c)


print(f(0, 1, 0), f(1, 0, 1), f(0, 0, 0), f(2, 0, 3))
print([a or b and c for a in (0, 1) for b in (0, 2) for c in ((), 3)])


def g(a, b):
    n = 0
    while (a and b) or n < 3:
        n += 1
        a = b = 0
    return n


print(g(1, 1), g(0, 0), not (0 or 0), not (1 and []))
