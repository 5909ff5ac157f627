# Assigning to a global name inside a function without declaring it global.
total = 0

def add(n):
    total = total + n
    return total

print(add(5))
