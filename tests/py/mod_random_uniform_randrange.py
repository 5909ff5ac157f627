# randrange, uniform, and simulations with a seeded generator.
import random
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(6)])
print([round(random.uniform(1, 2), 6) for _ in range(4)])
print(random.uniform(-1, 1))
random.seed(2024)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
counts = {total: rolls.count(total) for total in range(2, 13)}
print(counts)
heads = sum(random.random() < 0.5 for _ in range(1000))
print(heads)
print(random.randrange(-10, 10), random.randint(10 ** 20, 10 ** 20 + 100))
