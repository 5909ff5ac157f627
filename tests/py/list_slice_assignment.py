# Assigning to and deleting slices changes list length.
a = list(range(10))
a[2:5] = ["x", "y"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[::2] = ["E"] * len(a[::2])
print(a)
del a[1::2]
print(a)
b = [1, 2, 3, 4, 5]
b[1:4] = []
print(b)
b[:] = "abc"
print(b)
del b[0]
print(b)
c = [0] * 6
c[1:5:2] = [7, 8]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
