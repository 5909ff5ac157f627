# The README's example: an int loop, a float loop through the same code, and int * float.
def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs)

def scale(xs, k):
    return [x * k for x in xs]

print(mean(range(100)), mean(scale(range(100), 0.5)))
