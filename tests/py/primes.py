# Primes by trial division with while loops.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True

found = 0
n = 2
while found < 15:
    if is_prime(n):
        print(n, "is prime")
        found += 1
    n += 1

print(is_prime(1), is_prime(2), is_prime(91), is_prime(97))
print("primes below 100:", [p for p in range(100) if is_prime(p)])
print("count below 1000:", len([p for p in range(1000) if is_prime(p)]))
