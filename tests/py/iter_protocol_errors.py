# What iteration does with objects that are not iterators or not iterable: a TypeError worded as
# CPython words it, never a crash.
def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

class ReturnsList:
    def __iter__(self):
        return [1, 2]
class ReturnsInt:
    def __iter__(self):
        return 5
class Raises:
    def __iter__(self):
        raise ValueError("no iteration today")
class Nothing:
    pass
class Indexed:
    def __getitem__(self, i):
        if i < 3:
            return i * 10
        raise IndexError(i)
class Iter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n

def loop(obj):
    out = []
    for x in obj:
        out.append(x)
    return out

for cls in (ReturnsList, ReturnsInt, Raises, Nothing, Indexed, Iter):
    name = cls.__name__
    attempt(name + " for", lambda: loop(cls()))
    attempt(name + " list", lambda: list(cls()))
    attempt(name + " in", lambda: 20 in cls())
    attempt(name + " iter", lambda: type(iter(cls())).__name__)
    attempt(name + " unpack", lambda: [*cls()])
    attempt(name + " sum", lambda: sum(cls()))
for obj in ([1], (1,), "ab", {1: 2}, {1}, range(3), 5, None, 2.5):
    attempt(type(obj).__name__ + " next", lambda: next(obj))
    attempt(type(obj).__name__ + " in", lambda: 1 in obj)
    attempt(type(obj).__name__ + " []", lambda: obj[0])
attempt("gen next", lambda: next(x for x in "ab"))
attempt("int in str", lambda: 1 in "abc")
