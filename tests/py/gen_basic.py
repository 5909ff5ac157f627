# Generator functions produce values lazily with yield.
def count_up(limit):
    print("starting")
    n = 1
    while n <= limit:
        yield n
        n += 1
    print("finished")

gen = count_up(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
print(list(gen))
print(list(gen))
def evens():
    n = 0
    while True:
        yield n
        n += 2
e = evens()
print([next(e) for _ in range(5)])
def read_lines(text):
    for line in text.split("\n"):
        if line.strip():
            yield line.strip()
print(list(read_lines("a\n\n  b \nc")))
print(sum(x * x for x in count_up(4)))
