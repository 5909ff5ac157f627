# One call site calling functions, builtins, classes, bound methods and lambdas.
def py_func(x):
    return x + 1

class Maker:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"Maker({self.x})"

class Holder:
    def method(self, x):
        return x * 3

h = Holder()
callables = [py_func] * 120 + [abs, str, Maker, h.method, lambda x: [x], len if False else bool, Holder.method.__get__(h)]
results = []
for f in callables:
    results.append(f(-4 if f is abs else 5))
print(results[0], results[119], results[120:])
def call(f, *args):
    return f(*args)
for i in range(150):
    call(py_func, i)
print(call(max, 3, 9), call(Maker, 1), call(h.method, 2), call(print, "printed via call"))
def kw(a, b=2):
    return a * b
for i in range(150):
    kw(i)
print(kw(3), kw(3, 4), kw(a=3, b=5))
