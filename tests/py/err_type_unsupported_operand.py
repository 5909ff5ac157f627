# Subtracting incompatible types.
a = [1, 2, 3]
b = 1
print(a * 2)
print(a - b)
