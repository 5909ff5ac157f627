# `x in s` for small ints looks at the first slot inline; every other case must still be decided
# by the full probe: equal floats and bools, -1 and -2 (which hash alike), deleted slots, big
# ints, and sets that grow and shrink while they are searched.
def check(s, probes):
    return "".join("1" if p in s else "0" for p in probes) + " " + "".join("1" if p not in s else "0" for p in probes)

probes = [-3, -2, -1, 0, 1, 2, 3, 7, 8, 15, 16, 31, 2**40, -2**40, 2**62, 1.0, 2.5, True, False]
sets = [set(), {0}, {-1}, {-2}, {-1, -2}, {1.0, 2.0}, {True}, {False, 3}, set(range(-5, 40, 3)),
        frozenset({2**40, -2**40, 2**62}), {8, 16, 24, 32, 0}, frozenset(range(100))]
for s in sets:
    for _ in range(3):  # warm
        r = check(s, probes)
    print(sorted(s, key=repr)[:6], r)

# Deleted slots where the probe starts.
s = set(range(64))
for i in range(0, 64, 2):
    s.discard(i)
print(check(s, list(range(-2, 70))))
s.add(4)
print(check(s, [0, 2, 4, 6, 64 + 4]))

# A loop in a function, specialized, over sets that change.
def count_in(s, n):
    c = 0
    for i in range(-n, n):
        if i in s:
            c += 1
        if i not in s:
            c -= 1
    return c
t = set()
for k in range(40):
    t.add(k * k % 37 - 18)
    print(count_in(t, 20), end=" ")
print()
print(count_in({x for x in range(-1000, 1000, 7)}, 1000), count_in(frozenset([-1, -2, -3]), 5))
