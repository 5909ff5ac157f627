# Class attributes are shared until an instance assigns its own.
class Counter:
    count = 0
    tags = []

    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a = Counter()
b = Counter()
c = Counter()
print(a.id, b.id, c.id, Counter.count, a.count)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
a.tags.append("shared")
print(b.tags, Counter.tags)
b.tags = ["own"]
print(a.tags, b.tags)
print(sorted(vars(a)), sorted(vars(b)))
