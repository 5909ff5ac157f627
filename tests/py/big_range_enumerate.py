# range and enumerate beyond the 48-bit small ints and near the ends of the 64-bit range: values,
# reversal, indexing, membership and counting stay exact (no wrap-around).
for r in (range(2**47 - 2, 2**47 + 2), range(-2**47 - 2, -2**47 + 2), range(9223372036854775800, 9223372036854775807),
          range(-2**63, 2**63 - 1, 2**62), range(2**62, 2**63 - 1, 2**61), range(10, 0, -2),
          range(2**63 - 1, -2**63, -2**62)):
    vals = list(r)
    print(len(r), vals[:3], vals[-2:], list(reversed(r))[:2], r[0] if len(r) else None, r[-1] if len(r) else None)
    if vals:
        print("  ", vals[-1] in r, (vals[-1] + 1) in r, r.index(vals[-1]), r.count(vals[0]), r.start, r.stop, r.step)
print(range(10, 0, -2).index(4), range(0, 10, 3).index(9), hash(range(2**50, 2**50 + 4)) == hash(range(2**50, 2**50 + 4, 1)))
total = 0
for i in range(2**47 - 3, 2**47 + 3):
    total += i
print(total)
print(list(enumerate("abc", 2**47 - 1)), list(enumerate("ab", 2**63 - 1)), list(enumerate("ab", -2**70)))
print(list(enumerate("ab", True)), list(enumerate([], 5)))
try:
    enumerate("ab", 1.5)
except TypeError as e:
    print("TypeError:", e)
print("abcdef"[::-(2**63)], "abcdef"[::2**63], [1, 2, 3][-(2**63)::-(2**63)])
