# yield from delegates to a sub-generator and receives its return value.
def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner returned:", result)
    yield 3

print(list(outer()))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, 4], 5], [[6]], 7])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], range(3))))
def sub():
    x = yield "sub ready"
    while x is not None:
        x = yield f"sub got {x}"
    return "bye"
def delegator():
    r = yield from sub()
    yield r
d = delegator()
print(next(d), d.send("a"), d.send("b"), d.send(None))
