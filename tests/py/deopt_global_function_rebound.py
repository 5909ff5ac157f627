# A global function rebound after it has been called many times.
def transform(x):
    return x + 1

def run(n):
    total = 0
    for i in range(n):
        total += transform(i)
    return total

print(run(150))
def transform(x):
    return x * 2
print(run(150))
transform = lambda x: -x
print(run(150))
class Transformer:
    def __call__(self, x):
        return 1
transform = Transformer()
print(run(150))
transform = abs
print(run(150))
