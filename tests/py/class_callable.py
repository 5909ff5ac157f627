# Instances with __call__ behave like functions.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return x * self.factor

triple = Multiplier(3)
print(triple(4), triple("ab"), triple.calls)
print(callable(triple), callable(Multiplier), callable(3), callable(print))
print(list(map(triple, [1, 2, 3])), triple.calls)
class Accumulator:
    def __init__(self):
        self.total = 0
    def __call__(self, *values):
        self.total += sum(values)
        return self.total
acc = Accumulator()
acc(1)
acc(2, 3)
print(acc(), acc.total)
