# Method calls: Python methods, methods of built-in types, module functions, class functions.
import math


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, k=1):
        self.n += k
        return self.n

    @staticmethod
    def zero():
        return 0


def run(c, words):
    out = []
    for w in words:
        c.add()
        c.add(2)
        out.append(w.upper())
        out.append(str(len(w)))
        Counter.zero()
    return out


def roots(xs):
    return [math.sqrt(x) for x in xs]


def bound(c):
    inc = c.add
    for i in range(40):
        inc(1)
    return c.n


c = Counter()
words = ["alpha", "beta", "gamma", "delta"] * 10
print(len(run(c, words)), c.n)
print(round(sum(roots(range(60))), 4))
print(bound(Counter()))
