# choice, shuffle and sample with a fixed seed.
import random
random.seed(42)
colors = ["red", "green", "blue", "yellow", "purple"]
print([random.choice(colors) for _ in range(8)])
deck = list(range(1, 14))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5))
print(random.choice("abcdef"), random.choice((10, 20, 30)))
word = list("python")
random.shuffle(word)
print("".join(word))
