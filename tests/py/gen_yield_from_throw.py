# throw() and close() on a generator suspended in `yield from` go to the iterator it delegates
# to, as CPython's gen_throw and gen_close do (_PyGen_yf), and the generator goes on from there.
def inner(log):
    try:
        while True:
            try:
                x = yield "inner"
                log.append(("inner got", x))
            except ValueError as e:
                log.append(("inner caught", str(e)))
                yield "inner recovered"
    finally:
        log.append("inner finally")

def outer(log):
    try:
        r = yield from inner(log)
        log.append(("outer r", r))
    except KeyError as e:
        log.append(("outer caught", repr(e)))
        yield "outer recovered"
    finally:
        log.append("outer finally")

log = []
g = outer(log)
print(next(g), g.send(1), g.throw(ValueError("v1")), next(g))
print(g.throw(KeyError("k")))  # inner does not catch it: it ends, outer catches it past the yield from
print(log)
g.close()  # suspended at its own yield now: only its finally runs
log2 = []
g2 = outer(log2)
next(g2)
g2.close()
print(log, log2)

# A delegate that returns when thrown into: the value becomes the yield from's value.
def returner():
    try:
        yield 1
    except ValueError:
        return "returned"
def wrap():
    r = yield from returner()
    yield ("wrap got", r)
g = wrap()
print(next(g), g.throw(ValueError))

# Nested delegation three deep, with close().
def level(n, log):
    try:
        if n:
            yield from level(n - 1, log)
        else:
            yield "bottom"
    finally:
        log.append(n)
log = []
g = level(3, log)
print(next(g))
g.close()
print(log)

# GeneratorExit thrown explicitly, and a delegate that ignores it.
def stubborn():
    while True:
        try:
            yield "s"
        except GeneratorExit:
            yield "ignored"
def over():
    yield from stubborn()
g = over()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
g = over()
next(g)
try:
    print(g.throw(GeneratorExit))
except RuntimeError as e:
    print("RuntimeError:", e)

# Delegating to an iterator that is not a generator: with and without throw/close methods.
class Thrower:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
    def throw(self, exc):
        if isinstance(exc, ValueError):
            raise StopIteration("from throw")
        return "throw returned"
    def close(self):
        print("Thrower closed")
def deleg(it):
    r = yield from it
    yield ("after", r)
g = deleg(Thrower())
print(next(g), g.throw(KeyError("x")), g.throw(ValueError("y")))
g = deleg(Thrower())
next(g)
g.close()
g = deleg(iter([1, 2, 3]))
print(next(g))
try:
    g.throw(IndexError("no throw method"))
except IndexError as e:
    print("IndexError:", e)
g = deleg(iter([1, 2, 3]))
next(g)
g.close()
print("closed list delegate")

# A delegate that raises something else while closing.
def bad_close():
    try:
        yield 1
    finally:
        raise TypeError("from finally")
def holder():
    try:
        yield from bad_close()
    except TypeError as e:
        print("holder saw", e)
        raise
g = holder()
next(g)
try:
    g.close()
except TypeError as e:
    print("close raised TypeError:", e)

# Throwing into a generator whose delegate is running raises ValueError.
def selfish():
    yield from inner_ref[0]
def runner():
    try:
        outer_ref[0].throw(KeyError("re-entry"))
    except ValueError as e:
        yield ("ValueError", str(e))
inner_ref, outer_ref = [runner()], [None]
outer_ref[0] = selfish()
print(next(outer_ref[0]))
