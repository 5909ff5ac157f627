# random with a fixed seed gives the same sequence as CPython.
import random
random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(12345)
print([random.randint(1, 6) for _ in range(20)])
random.seed(0)
print(random.random(), random.randint(0, 100), random.random())
random.seed("text seed")
print(random.random())
random.seed(2 ** 70)
print(random.random())
