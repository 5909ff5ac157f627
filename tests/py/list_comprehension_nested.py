# List comprehensions with conditions and nested loops.
squares = [x * x for x in range(10)]
evens = [x for x in range(20) if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
print(squares)
print(evens)
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [v for row in matrix for v in row]
print(flat)
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
words = ["hello", "world", "python"]
print([w[0].upper() + w[1:] for w in words if len(w) > 5])
x = "outer"
print([x for x in range(3)], x)
