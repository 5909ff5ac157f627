# Spectral norm: float arithmetic through small functions and generator expressions.
N = 350

def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def times(v, n):
    return [sum(eval_a(i, j) * v[j] for j in range(n)) for i in range(n)]

def times_transposed(v, n):
    return [sum(eval_a(j, i) * v[j] for j in range(n)) for i in range(n)]

def times_ata(v, n):
    return times_transposed(times(v, n), n)

u = [1.0] * N
for _ in range(10):
    v = times_ata(u, N)
    u = times_ata(v, N)
vbv = vv = 0.0
for ue, ve in zip(u, v):
    vbv += ue * ve
    vv += ve * ve
print("%.9f" % (vbv / vv) ** 0.5)
