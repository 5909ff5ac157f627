# Generator return values, close() and finally blocks inside generators.
def gen():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("generator cleanup")

g = gen()
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
for v in gen():
    print("value", v)
    if v == 2:
        break
print("after loop")
def with_return():
    yield "a"
    return "the end"
it = with_return()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value)
def thrower():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("generator handled", e)
t = thrower()
next(t)
print(t.throw(ValueError("oops")))
