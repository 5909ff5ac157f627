# A class with only __getitem__ is iterable through the old sequence protocol.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

sq = Squares(6)
print(list(sq), 16 in sq, 17 in sq)
for v in Squares(3):
    print(v)
a, b, c = Squares(3)
print(a, b, c)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
g = Grid()
g[1, 2] = "X"
g[0, 0] = "O"
for r in range(3):
    print("".join(g[r, c] for c in range(3)))
