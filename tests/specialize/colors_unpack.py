points = [(i, i * 2) for i in range(50)]
sx = sy = 0
for x, y in points:
    sx, sy = sx + x, sy + y
triples = [[i, i + 1, i + 2] for i in range(30)]
m = 0
for a, b, c in triples:
    m = max(m, a * b - c)
def swap_all(ps):
    out = []
    for p in ps:
        a, b = p
        out.append((b, a))
    return out
print(sx, sy, m, swap_all(points)[:3])
