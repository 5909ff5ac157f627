# Dynamic programming: 0/1 knapsack, longest common subsequence and coin change.
def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]

items = [(12, 4), (2, 2), (1, 1), (1, 2), (4, 10), (7, 13), (3, 5), (9, 14)]
for cap in [5, 10, 15, 20, 30]:
    print("knapsack", cap, knapsack(items, cap))

def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
print(lcs("AGGTABQMX", "GXTXAYBMQX"), lcs("dynamic", "programming"))

def coin_ways(coins, total):
    ways = [1] + [0] * total
    for coin in coins:
        for v in range(coin, total + 1):
            ways[v] += ways[v - coin]
    return ways[total]
print(coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200))
print(coin_ways([3, 7], 100), coin_ways([1, 5, 10, 25, 50], 1000))
