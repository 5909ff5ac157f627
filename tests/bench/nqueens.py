# N-queens with generators and sets.
N = 8

def solve(n):
    def place(row, cols, d1, d2):
        if row == n:
            yield 1
            return
        for c in range(n):
            if c not in cols and row + c not in d1 and row - c not in d2:
                yield from place(row + 1, cols | {c}, d1 | {row + c}, d2 | {row - c})
    return sum(place(0, frozenset(), frozenset(), frozenset()))

print([solve(n) for n in range(4, N + 1)], sum(solve(N) for _ in range(260)))
