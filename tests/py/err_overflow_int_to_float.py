# An int too large to convert to float.
n = 10 ** 300
for i in range(3):
    print(i, float(n))
    n = n * 10 ** 5
