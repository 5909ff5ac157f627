# Adding, removing and discarding set elements.
s = set()
for n in [5, 3, 5, 1, 3, 9]:
    s.add(n)
print(s, len(s))
s.discard(100)
s.discard(5)
s.remove(1)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([20, 21], {30})
print(sorted(s))
popped = set()
while s:
    popped.add(s.pop())
print(sorted(popped), s)
unique = sorted(set([4, 1, 4, 2, 1, 3]))
print(unique)
seen = set()
dups = []
for n in [1, 5, 2, 5, 3, 1, 5]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(dups)
