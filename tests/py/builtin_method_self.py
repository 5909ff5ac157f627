# A built-in type's method called through the type checks what it is given as self, as CPython's
# method descriptors do, instead of reading it as what it is not.
def attempt(label, fn):
    try:
        print(label, fn())
    except TypeError as e:
        print(label, "TypeError:", e)

attempt("list.append(5, 1)", lambda: list.append(5, 1))
attempt("list.append()", lambda: list.append())
attempt("dict.get(3, 1)", lambda: dict.get(3, 1))
attempt("str.upper(b)", lambda: str.upper(3.5))
attempt("set.add([], 1)", lambda: set.add([], 1))
attempt("tuple.count('ab', 1)", lambda: tuple.count("ab", 1))
attempt("str.join(None, [])", lambda: str.join(None, []))
attempt("float.hex(2)", lambda: float.hex(2))
# Subtypes fit, and so do the methods' own types.
attempt("int.bit_length(True)", lambda: int.bit_length(True))
attempt("int.conjugate(True)", lambda: int.conjugate(True))
attempt("str.upper('x')", lambda: str.upper("x"))
l = [3, 1, 2]
list.sort(l)
list.append(l, 4)
attempt("list methods", lambda: l)
attempt("dict.get", lambda: dict.get({"a": 1}, "a"))
attempt("set.union", lambda: set.union({1}, {2}, [3]))
attempt("frozenset.union", lambda: sorted(frozenset.union(frozenset({1}), {2})))
class Oops(ValueError):
    pass
attempt("BaseException.__str__", lambda: BaseException.__str__(Oops("boom")))
attempt("Exception.__repr__", lambda: Exception.__repr__(Oops("x", 2)))
attempt("object.__repr__", lambda: object.__repr__(5)[:12])
# Classmethods take the class (or an instance) first.
attempt("dict.fromkeys", lambda: dict.fromkeys("ab", 0))
attempt("{}.fromkeys", lambda: {}.fromkeys([1, 2]))
attempt("float.fromhex", lambda: float.fromhex("0x1.8p1"))
attempt("(1.0).fromhex", lambda: (1.0).fromhex("0x1p-1"))
# Bound methods taken from instances, and called many times (specialized calls).
total = 0
for i in range(200):
    total += len(str.strip("  %d  " % i)) + list.count([i] * (i % 3), i)
print(total)
for bad in (1, "s", None):
    attempt("list.pop(%r)" % (bad,), lambda: list.pop(bad))
