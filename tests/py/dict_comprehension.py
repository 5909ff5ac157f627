# Dict comprehensions, inverting and filtering.
squares = {n: n * n for n in range(6)}
print(squares)
inverted = {v: k for k, v in squares.items()}
print(inverted)
prices = {"apple": 1.2, "melon": 3.5, "grape": 2.25, "lime": 0.4}
cheap = {k: v for k, v in prices.items() if v < 2}
print(cheap)
upper = {k.upper(): round(v * 1.1, 2) for k, v in prices.items()}
print(upper)
lengths = {w: len(w) for w in "the quick brown fox".split()}
print(lengths)
grid = {(r, c): r * c for r in range(3) for c in range(3) if r <= c}
print(grid)
