# Matrices as lists of lists: multiply, transpose, print.
def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]

def show(m):
    for row in m:
        print(" ".join(f"{v:4}" for v in row))

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
show(matmul(a, identity))
show([list(col) for col in zip(*a)])
print(sum(sum(row) for row in a), max(max(row) for row in b))
