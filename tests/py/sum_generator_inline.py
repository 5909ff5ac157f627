# sum(generator) runs the generator in the evaluation loop (FRAME_RESUMER_SUM). Everything sum()
# does must stay as it was: the totals, the errors, the generator's state afterwards.
def squares(n):
    for i in range(n):
        yield i * i

print(sum(squares(10)), sum(x for x in range(0)), sum(x * 0.5 for x in range(7)))
print(sum(x for x in [1, 2.5, 3, 2**70, -2**70]), sum(2**62 for _ in range(8)))
print(sum(x for x in [True, True, False]), sum(complex_like for complex_like in [0.1] * 10))

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))
    __radd__ = __add__
    def __repr__(self):
        return "Money(%d)" % self.cents
print(sum(Money(i) for i in range(5)))

# A generator that was started already, one that is finished, one being nested.
g = squares(6)
next(g)
next(g)
print(sum(g), sum(g), list(g))
print(sum(sum(y for y in range(x)) for x in range(6)))
def outer():
    yield sum(i for i in range(4))
    yield sum(squares(3))
print(sum(outer()))

# Errors: in the addition (the generator stays usable), in the generator, StopIteration inside.
def items():
    yield 1
    yield "two"
    yield 3
g = items()
try:
    sum(g)
except TypeError as e:
    print("TypeError:", e)
print(next(g))
def broken():
    yield 1
    raise ValueError("inside")
try:
    sum(broken())
except ValueError as e:
    print("ValueError:", e)
def leaks():
    yield 1
    raise StopIteration("leak")
try:
    sum(leaks())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
try:
    sum("abc" for _ in range(2))
except TypeError as e:
    print("TypeError:", e)

# A running generator cannot be summed from inside itself.
def selfish():
    yield 1
    try:
        yield sum(me)
    except ValueError as e:
        yield str(e)
me = selfish()
print(list(me))

# sum with a start value, keywords, a shadowed sum, and sum in a loop (specialized call).
print(sum((i for i in range(4)), 10), sum((i for i in range(4)), start=0.5))
def shadow():
    sum = lambda it: "mine"
    return sum(i for i in range(3))
print(shadow())
total = 0
for k in range(300):
    total += sum(i for i in range(k % 7))
print(total)

# Deep recursion inside the summed generator raises RecursionError in the caller.
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
try:
    sum(deep(10**6) for _ in range(1))
except RecursionError as e:
    print("RecursionError:", str(e)[:30])

# A traceback through a summed generator expression.
def f():
    return sum(1 // x for x in [1, 0])
f()
