# Changing a function's defaults and code after it is hot.
def greet(name, punct="!"):
    return name + punct

for _ in range(150):
    greet("x")
print(greet("Ada"))
greet.__defaults__ = ("?",)
print(greet("Ada"))
def shout(name, punct="!"):
    return name.upper() + punct * 3
for _ in range(150):
    greet("y")
greet.__code__ = shout.__code__
print(greet("Ada"))
def count(n):
    return n + 1
results = [count(i) for i in range(150)]
count.__code__ = (lambda n: n * 100).__code__
print(results[-1], count(5))
