# Subscripts and unpacking: lists, tuples, dicts, a class with __getitem__, string building.
class Grid:
    def __init__(self, n):
        self.cells = [0] * n

    def __getitem__(self, i):
        return self.cells[i]


def work(n):
    lst = list(range(n))
    tup = tuple(lst)
    d = {}
    g = Grid(n)
    s = 0
    text = ""
    for i in range(n):
        s += lst[i] + tup[i] + g[i]
        d[i] = s
        lst[i] = s
        a, b = i, s
        x, y, z = lst[0], lst[1], lst[2]
        s += d[i] - a + b - x - y - z
        text += "x"
    return s, len(text)


print(work(60))
