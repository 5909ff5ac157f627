# Conway's Game of Life on a small wrapping grid (a glider and a blinker).
W, H = 12, 8
cells = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2), (8, 4), (8, 5), (8, 6)}

def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = ((x + dx) % W, (y + dy) % H)
                    counts[key] = counts.get(key, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}

def show(live):
    for y in range(H):
        print("".join("#" if (x, y) in live else "." for x in range(W)))

show(cells)
for gen in range(1, 25):
    cells = step(cells)
    if gen % 8 == 0:
        print("generation", gen, "alive", len(cells))
        show(cells)
print(sorted(cells))
