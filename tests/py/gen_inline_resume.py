# Generators that a for loop or `yield from` resumes (Anole runs their frames inside the caller's
# loop): values, returns, exceptions, PEP 479, re-entry, send/throw through chains, recursion.
def count(n):
    for i in range(n):
        yield i
    return "done"

print(list(count(3)), [x * x for x in count(4)], sum(count(5)))

def leaf(k):
    got = yield k
    got2 = yield got * 2
    return got2 + 1

def middle(k):
    r = yield from leaf(k)
    print("middle got", r)
    r2 = yield from count(2)
    return (r, r2)

def top():
    res = yield from middle(10)
    print("top got", res)
    return res

g = top()
print(next(g), g.send(3), g.send(7), next(g))
try:
    next(g)
except StopIteration as e:
    print("finished with", e.value)

# Exhausted generators stay exhausted, whoever resumes them.
g = count(2)
for x in g:
    print("for", x)
print(next(g, "exhausted"), list(g))

# A loop that breaks leaves the generator suspended; next() and another loop resume it.
g = count(6)
for x in g:
    if x == 2:
        break
print(next(g), [y for y in g])

# PEP 479: a StopIteration escaping a generator becomes RuntimeError, with it as the cause.
def leaky():
    yield 1
    raise StopIteration("leak")

try:
    for x in leaky():
        print("leaky", x)
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))

# Resuming a running generator is an error.
def selfish():
    yield next(me)

me = selfish()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError:", e)

# An exception raised deep in a chain reaches the for loop through every level; it keeps the
# exception being handled as its __context__.
def bad(n):
    yield n
    raise KeyError(n)

def relay(n):
    yield from bad(n)

try:
    raise IndexError("outer")
except IndexError:
    try:
        for x in relay(5):
            print("relay", x)
    except KeyError as e:
        print("KeyError", e, "| context:", repr(e.__context__))

# throw() and close() into a generator that a for loop had been resuming.
def catcher():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("catcher finally")

g = catcher()
for x in g:
    print("catcher", x)
    break
print(g.throw(ValueError("boom")))
g.close()

# A generator handling its own exceptions, resumed by a for loop.
def careful(items):
    for it in items:
        try:
            yield 10 // it
        except ZeroDivisionError:
            yield "div0"

print(list(careful([1, 0, 5])), [v for v in careful([2, 0])])

# Deep recursion through yield from raises RecursionError, and the interpreter goes on.
def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)

print(list(deep(50)))
try:
    for x in deep(100000):
        pass
except RecursionError:
    print("RecursionError")

# Nested loops over generators, and a generator that consumes another with a for loop.
def pairs(n):
    for i in count(n):
        for j in count(i):
            yield (i, j)

print(list(pairs(4)))

# An uncaught error inside a generator a for loop resumed: CPython's traceback.
def parse(items):
    for item in items:
        yield int(item)

def doubled(items):
    for v in parse(items):
        yield v * 2

total = 0
for v in doubled(["1", "2", "x"]):
    total += v
    print("total", total)
