# Assignment expressions (the walrus operator).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
values = [y for x in data if (y := x * 2) > 6]
print(values, y)
chunks = iter(["alpha", "beta", "", "gamma"])
while (chunk := next(chunks)):
    print("chunk", chunk)
total = 0
print([total := total + v for v in [1, 2, 3, 4]], total)
import math
if (root := math.isqrt(50)) ** 2 != 50:
    print("50 is not a square; floor root", root)
