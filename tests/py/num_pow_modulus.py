# pow with two and three arguments, and the ** operator.
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(2.5, 2))
print(pow(3, 200, 1000), pow(7, 123456, 13))
print(pow(2, 1000, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(5, -1, 11))
print((3 * pow(3, -1, 7)) % 7)
print(2 ** 0.5, 8 ** (1 / 3), (-8) ** 2, 0 ** 0)
print(10 ** -3, 2 ** -1)
def modexp(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result
for b, e, m in [(2, 100, 97), (12345, 6789, 1009), (10, 50, 77)]:
    print(modexp(b, e, m), pow(b, e, m))
