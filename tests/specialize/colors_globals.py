LIMIT = 50
primes = []
seen = set()

def is_prime(n):
    if n < 2:
        return False
    for d in primes:
        if d * d > n:
            break
        if n % d == 0:
            return False
    return True

def collect():
    n = 2
    while len(primes) < LIMIT:
        if is_prime(n):
            primes.append(n)
            seen.add(n)
        n += 1
    return primes[-1]

print(collect(), len(seen), max(primes), min(primes), sorted(primes)[:5])
