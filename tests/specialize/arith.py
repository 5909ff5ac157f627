# Same-type arithmetic inside functions specializes: int and float add, subtract, multiply.
def int_ops(n):
    total = 0
    for i in range(n):
        total = total + i
        total = total - 1
        total = total * 1
    return total

def float_ops(n):
    x = 0.0
    step = 0.5
    for i in range(n):
        x = x + step
        x = x - 0.25
        x = x * 1.0
    return x

def aug_ops(n):
    a = 1
    b = 1.5
    for i in range(n):
        a += 2
        a -= 1
        b *= 1.0
        b += 0.5
    return a + b

print(int_ops(150))
print(float_ops(150))
print(aug_ops(120))
