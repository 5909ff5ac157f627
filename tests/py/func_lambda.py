# Lambdas as small anonymous functions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
print(square.__name__)
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]))
print(list(map(lambda x: x * 2, [1, 2, 3])))
print(list(filter(lambda x: x % 3 == 0, range(15))))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(7, sym, 3, "=", ops[sym](7, 3))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(4))
