# A call's * argument must be iterable and its ** arguments mappings, and a keyword may come only
# once: the TypeErrors name the callable as CPython does ("module.qualname()"). f(*a) alone hands
# a to the call as it is, which makes the tuple.
def f(*a, **k):
    return a, k


class A:
    def m(self, *a):
        return a


class Keys:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, key):
        return key.upper()


def run(g):
    try:
        print(g())
    except TypeError as e:
        print("TypeError:", e)


run(lambda: f(*5))
run(lambda: f(1, *5))
run(lambda: print(*5))
run(lambda: A().m(*5))
run(lambda: f(**5))
run(lambda: f(**[("a", 1)]))
run(lambda: f(*[1], **{"a": 2}))
run(lambda: f(*(x for x in [1, 2])))
run(lambda: len(*[[1, 2]]))
run(lambda: f(*"ab", *(), 3))
run(lambda: f(1, 2, *[3], 4, *range(5, 7), k=1))
run(lambda: f(**Keys()))
run(lambda: f(**{"a": 1}, **{"a": 2}))
run(lambda: f(a=1, **{"a": 2}))
run(lambda: f(**{"a": 1}, a=2))
run(lambda: f(**Keys(), x=1))
run(lambda: dict(**{"a": 1}, **{"b": 2}))
run(lambda: print(**{"sep": "-"}, **{"sep": "+"}))
run(lambda: {**{"a": 1}, **{"a": 2}})
run(lambda: f(**{1: 2}))
run(lambda: (lambda *a: a)(*[1, 2]))
d = {"z": 0}
d.update(Keys())
print(d, dict(Keys()), dict([("p", 1)]))
