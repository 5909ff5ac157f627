# Average of an empty list: the division fails inside the function.
def average(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)

print("average of three:", average([1, 2, 3]))
print("average of none:", average([]))
print("never printed")
