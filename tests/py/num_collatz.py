# The Collatz sequence: longest chain below a limit.
def collatz_length(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

best, best_n = 0, 0
for n in range(1, 3000):
    length = collatz_length(n)
    if length > best:
        best, best_n = length, n
print(best_n, best)
print([collatz_length(n) for n in range(1, 16)])
