# Slice assignment takes another list or a tuple as it is, and copies only the list itself
# (l[a:b] = l) or what is neither (iterated first).
l = list(range(6))
l[:] = l
print(l)
l[1:3] = l
print(l)
l[::2] = l[: len(l[::2])]
print(l)
l[len(l):] = l
print(len(l), l[-3:])
m = [9, 8]
for i in range(5):
    l[i:i + 1] = m
    m.append(i)  # changing the source afterwards does not change l
print(l[:12], m)
t = (1, 2, 3)
l[:3] = t
l[-2:] = (c for c in "ab")
l[1:2] = "xyz"
l[2:5] = {7: 0}
print(l[:10], l[-3:])
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    l[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
big = list(range(100))
big[10:90] = big[::-1]
print(len(big), big[:12], big[-12:])
# Any other iterable is iterated once: its __iter__ runs once.
class Counted:
    calls = 0
    def __iter__(self):
        Counted.calls += 1
        return iter([7, 8])
l = [1, 2, 3]
l[1:2] = Counted()
l[::2] = Counted()
print(l, Counted.calls)
