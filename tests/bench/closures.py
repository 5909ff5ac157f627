# Closures: counters, adders and function composition.
def make_counter():
    count = 0
    def step(by):
        nonlocal count
        count += by
        return count
    return step

def make_adder(k):
    return lambda x: x + k

def compose(f, g):
    return lambda x: f(g(x))

counters = [make_counter() for _ in range(10)]
pipeline = compose(make_adder(3), compose(make_adder(-1), make_adder(2)))
total = 0
for i in range(1500000):
    c = counters[i % 10]
    total += c(pipeline(i) % 7)
print(total, [c(0) for c in counters])
