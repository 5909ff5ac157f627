# Modulo by zero inside a function.
def remainder(a, b):
    return a % b

print(remainder(10, 3))
print(remainder(10, 0))
