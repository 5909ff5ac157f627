# Gaussian elimination with exact integers (fraction-free) and floats.
def det_bareiss(m):
    a = [row[:] for row in m]
    n = len(a)
    sign = 1
    prev = 1
    for k in range(n - 1):
        if a[k][k] == 0:
            for r in range(k + 1, n):
                if a[r][k] != 0:
                    a[k], a[r] = a[r], a[k]
                    sign = -sign
                    break
            else:
                return 0
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
        prev = a[k][k]
    return sign * a[n - 1][n - 1]

def test_matrix(n):
    return [[(3 * i * i + 5 * j + i * j * j + 1) % 17 - 8 for j in range(n)] for i in range(n)]

for n in range(2, 9):
    print(n, det_bareiss(test_matrix(n)))
vander = [[x ** p for p in range(6)] for x in range(2, 8)]
print(det_bareiss(vander))
big = [[(i * 37 + j * 91) % 101 + 10 ** 6 for j in range(7)] for i in range(7)]
print(det_bareiss(big))
