# What 3.11 does not specialize: int mixed with float fails (SUBTRACT_DIFFERENT_TYPES and
# friends) and stays adaptive; true division, floor division, modulo and power stay plain.
def mixed(n):
    x = 0.5
    for i in range(n):
        y = x - i
        z = i + x
        w = x * 2
    return y + z + w

def divisions(n):
    total = 0.0
    for i in range(1, n):
        total = total + i / 3
        total = total + 7.5 / i
        q = i // 2
        r = i % 3
        p = i ** 2
    return total + q + r + p

print(round(mixed(200), 4))
print(round(divisions(200), 4))
