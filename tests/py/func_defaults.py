# Default parameter values are evaluated once, when the function is defined.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
print(greet.__defaults__)

def append_bad(item, target=[]):
    target.append(item)
    return target

def append_good(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_bad(1), append_bad(2), append_bad(3))
print(append_good(1), append_good(2))
base = 10
def add_base(x, b=base):
    return x + b
base = 20
print(add_base(1))
