# Indexing an int.
def first_digit(n):
    return n[0]

print(first_digit(1234))
