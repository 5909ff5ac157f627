# A hot loop whose int values cross the machine-word boundary.
def mul_chain(n):
    x = 1
    for i in range(n):
        x = x * 3
    return x

for n in [10, 30, 39, 40, 41, 60, 100]:
    print(n, mul_chain(n))
acc = 0
step = 2 ** 40
for i in range(300):
    acc += step
print(acc, acc > 2 ** 47, acc > 2 ** 48)
neg = 0
for i in range(300):
    neg -= 2 ** 55
print(neg, neg // 7, neg % 7)
v = 2 ** 62
for i in range(5):
    v += v
    print(v, -v)
shift = 1
for i in range(100):
    shift <<= 1
print(shift, shift >> 90)
