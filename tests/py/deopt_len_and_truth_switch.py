# A truth test that sees ints, then lists, None, strings and custom objects.
def truthy(x):
    if x:
        return 1
    return 0

count = 0
for i in range(200):
    count += truthy(i % 3)
print(count)
class Weird:
    def __bool__(self):
        return False
values = [[], [0], None, "", "a", 0.0, 2.5, {}, {1: 1}, Weird(), (), (0,), 10 ** 30]
print([truthy(v) for v in values])
