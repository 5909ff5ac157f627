grid = [[0] * 12 for _ in range(12)]
for r in range(12):
    for c in range(12):
        grid[r][c] = (r * c) % 7
counts = {}
for row in grid:
    for v in row:
        counts[v] = counts.get(v, 0) + 1
pairs = [(k, counts[k]) for k in sorted(counts)]
best = pairs[0]
for p in pairs:
    if p[1] > best[1]:
        best = p
table = {}
words = "the quick brown fox jumps over the lazy dog the end".split()
for w in words:
    if w in table:
        table[w] += 1
    else:
        table[w] = 1
print(best, table["the"], grid[5][6], pairs[-1])
