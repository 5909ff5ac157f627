# Passing a keyword argument the function does not accept.
def move(x, y):
    return (x, y)

print(move(1, y=2))
print(move(1, z=2))
