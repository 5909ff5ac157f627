# Writing iterators with __iter__ and __next__.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
for n in Countdown(3):
    print("tick", n)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2
r = Range2(9)
print(list(r), list(r), sum(r), max(r))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Fib:
    def __iter__(self):
        a, b = 0, 1
        while True:
            yield a
            a, b = b, a + b
for i, f in zip(range(10), Fib()):
    print(i, f)
