def clamp(v, lo=0, hi=100):
    return max(lo, min(hi, v))

def describe(name, *scores, sep=", "):
    return name + ": " + sep.join(str(s) for s in scores)

def apply(fn, xs):
    out = []
    for x in xs:
        out.append(fn(x))
    return out

values = apply(lambda v: clamp(v * 7 - 40), range(40))
print(values[:10], len(values), sum(values))
print(describe("ann", 3, 4, 5), describe("bob", 1, sep="/"))
total = 0
for v in values:
    total += abs(v - 50) + int(str(v)[0]) + len(str(v))
print(total, isinstance(total, int), type(total).__name__)
