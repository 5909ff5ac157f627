# Closures capture variables from the enclosing function.
def make_multiplier(factor):
    def multiply(x):
        return x * factor
    return multiply

double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x, i=i: x + i)
    return adders
print([f(10) for f in make_adders()])
def make_late():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return fs
print([f(10) for f in make_late()])
def outer():
    msg = "first"
    def inner():
        return msg
    msg = "second"
    return inner
print(outer()())
print(double.__closure__[0].cell_contents)
