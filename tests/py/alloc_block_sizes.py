# Item arrays and set and dict tables across the collector's block sizes (16-byte classes up to
# 192 bytes, then 256, 512, ... 4096, then plain malloc): grown, shrunk, copied and freed.
def check(n):
    l = []
    for i in range(n):
        l.append(i * 3)
    s = set(l)
    d = dict.fromkeys(l, 1)
    fs = frozenset(s) | {n}
    l2 = l[::-1] + l
    t = tuple(l2)
    while len(l) > n // 2:
        l.pop()
    s2 = {x for x in s if x % 2}
    d2 = {k: v for k, v in d.items() if k % 3 == 0}
    return (sum(l), len(s), sum(s), len(d), sum(d), len(fs), sum(l2), len(t), len(s2), sum(s2),
            len(d2), l[-1:] if l else None)

for n in (0, 1, 7, 23, 24, 25, 31, 32, 33, 63, 64, 65, 100, 128, 129, 255, 256, 257, 511, 512, 513,
          600):
    print(n, check(n))

# Many live at once, then dropped, then made again from the kept blocks.
keep = [list(range(k % 700)) for k in range(150)]
sets = [set(range(k % 300)) for k in range(120)]
print(sum(map(len, keep)), sum(map(len, sets)))
del keep, sets
for i in range(1000):  # garbage for several collections (ordinary runs collect every 256 KB)
    churn = [i] * 50
again = [{i: -i for i in range(k % 200)} for k in range(210)]
print(sum(map(len, again)), again[-1].get(98), again[199].get(198))
