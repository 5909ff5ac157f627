# Copies of sets (set(s), frozenset(s), s.copy(), s | t) get their table at the size CPython's
# would end with at once; the iteration order shows the tables are laid out the same.
for n in range(0, 40, 3):
    s = {(i * 37) % 101 for i in range(n)}
    for x in list(s)[: n // 4]:
        s.discard(x)  # leave deleted slots behind
    f = frozenset(s)
    print(n, list(s), list(f) == list(s), list(s.copy()), list(set(f)))
    print("   ", list(s | {1000, -5}), list(f | s), list(frozenset() | f), sorted(s - {0, 37}))
t = {3}
for i in range(12):
    t = t | {i * 11}
    print(i, list(t), len(t), list(frozenset(t) | {i}))
print(set(set()), frozenset(set()) | set(), set().copy(), len(set(frozenset())))
