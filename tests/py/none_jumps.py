# `x is None` and `x is not None` as conditions become one jump on None (forward and backward),
# as CPython 3.11's peephole pass makes them; other uses of `is None` stay comparisons.
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt


def length(node):
    n = 0
    while node is not None:
        n += 1
        node = node.next
    return n


def first_none(items):
    for i, x in enumerate(items):
        if x is None:
            return i
        if not x is None:
            continue
    return -1


def describe(x, y):
    out = []
    if x is None and y is not None:
        out.append("x only")
    if x is None or y is None:
        out.append("some None")
    if not (x is not None):
        out.append("x None")
    out.append(x is None)
    out.append(None is y)
    out.append("a" if x is None else "b")
    return out


chain = None
for v in range(5):
    chain = Node(v, chain)
print(length(chain), length(None))
print(first_none([1, 0, "", None, 2]), first_none([0, False]))
for x, y in ((None, 1), (1, None), (None, None), (0, 0)):
    print(describe(x, y))
waits = [3, None, None, 4]
while waits[-1] is None or waits[0] is not None:
    waits.pop(0) if waits[0] is not None else waits.pop()
    if not waits:
        break
print(waits)
try:
    assert chain.next is None, "not the end"
except AssertionError as e:
    print("AssertionError:", e)
print([q for q in [1, None, 2, None] if q is not None], [r for r in (None, 3) if r is None])
