# Functions are values: stored, passed and returned.
def apply(func, values):
    return [func(v) for v in values]

def negate(x):
    return -x

print(apply(negate, [1, -2, 3]), apply(abs, [-1, -2]), apply(str, [1, 2]))
dispatch = {"neg": negate, "abs": abs, "sq": lambda x: x * x}
for name in ["neg", "abs", "sq"]:
    print(name, dispatch[name](-4))
f = negate
print(f is negate, f.__name__, callable(f))
def compose(*funcs):
    def run(x):
        for fn in reversed(funcs):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
print(compose(str, negate, inc)(5))
def counter_factory():
    return [lambda: 1, lambda: 2]
print([g() for g in counter_factory()])
