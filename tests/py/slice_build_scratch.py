# Subscripts with a slice: BUILD_SLICE lends the VM's scratch slice to subscripts of exact lists,
# tuples and strs that use it up unseen, and makes a real slice for anything else. Every case
# where a slice may be kept or seen must still get its own object.
a = list(range(10))
t = tuple(a)
s = "abcdefghij"
for i in range(300):  # warm: the subscripts quicken and specialize meanwhile
    x = a[1:4], a[::-2], t[2:], s[1:-1:3], a[i % 7:], s[:i % 5]
print(x)

# Slice assignment from lists and tuples, and from what is neither.
b = a[:]
b[2:4] = [7, 7, 7]
b[::3] = tuple(range(len(b[::3])))
b[1:3] = b
b[:2] = (c for c in "xy")
b[5:] = "zz"
print(b)

# Augmented assignment keeps a copy of the slice on the stack.
c = [1, 2, 3, 4]
for _ in range(3):
    c[1:3] += [9]
print(c)

# A __getitem__ keeps the slices it is given; each must stay what it was.
class Keeper:
    def __init__(self):
        self.kept = []
    def __getitem__(self, key):
        self.kept.append(key)
        return a[key]
    def __setitem__(self, key, value):
        self.kept.append(key)

k = Keeper()
for i in range(5):
    k[i:i + 2]
    k[i::2] = a[i:i + 1]
    a[i:i + 3]
print(k.kept)
print(len({id(x) for x in k.kept}), k.kept[0] is k.kept[1])

# Slices inside a tuple key, taken out and used again.
class Multi:
    def __getitem__(self, key):
        return [a[part] for part in key], key
vals, key = Multi()[1:3, ::4]
print(vals, key, a[key[0]], key)

# Slices of other sequences and of mappings.
print(range(10)[2:8:2], range(10)[::-3])
d = {}
try:
    d[1:2] = 3
except TypeError as e:
    print("TypeError:", e)
del b[0:2]
print(b)

# Errors leave nothing behind.
for bad in (lambda: a[::0], lambda: a['x':], lambda: s[1.5:], lambda: t[:None:0]):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    print(hash(slice(1, 2)))
except TypeError as e:
    print("TypeError:", e)
print(a[2 ** 70:], a[-2 ** 70:2], s[-100:100:2 ** 65])

# Bounds computed by calls that slice themselves, and a generator suspended inside a subscript.
def lo():
    return len(a[3:5]) - 1
print(a[lo():lo() + 3], s[lo():len(s[::2])])
def gen():
    got = a[(yield 1):(yield 2)]
    yield got
g = gen()
print(next(g), g.send(2), g.send(6))
