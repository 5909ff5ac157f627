# Containers nested 6000 deep, past the 2000-level C limit: repr, == and str raise RecursionError
# instead of overflowing the C stack. Hashing such a tuple works in CPython, and raises
# RecursionError in Anole: the test only asks that the program goes on either way.
# (tests/c/test_runs.c goes 1,000,000 deep; here the GC-stress run must stay fast.)
import sys
a = []
for i in range(6000):
    a = [a]
try:
    repr(a)
except RecursionError:
    print("repr RecursionError")
b = []
for i in range(6000):
    b = [b]
try:
    print(a == b)
except RecursionError:
    print("eq RecursionError")
t = ()
for i in range(6000):
    t = (t,)
try:
    hash(t)
except RecursionError:
    pass
print("hashing survived")
d = {}
for i in range(6000):
    d = {"k": d}
try:
    str(d)
except RecursionError:
    print("dict RecursionError")
def gen(n):
    if n:
        yield from gen(n - 1)
    else:
        yield 1
try:
    print(list(gen(5000)))
except RecursionError:
    print("gen RecursionError")
try:
    sorted([t, t])
except (RecursionError, TypeError) as e:
    print(type(e).__name__)
s = set()
try:
    t in s
except RecursionError:
    pass
print("set lookup survived")
