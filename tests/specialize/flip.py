# Operand types that change after specializing. add() specializes for ints, then float
# operands miss: after 53 misses it deoptimizes to BINARY_OP_ADAPTIVE, and 32 executions
# later it specializes again, for floats.
def add_a(a, b):
    return a + b

def add_b(a, b):
    return a + b

def add_c(a, b):
    return a + b

def sub_d(a, b):
    return a - b

total = 0
for i in range(200):
    total = add_a(total, i)
    total = add_b(total, 1)
    total = add_c(total, 2)
    total = sub_d(total, 3)
print(total)
x = 0.0
for i in range(50):
    x = add_a(x, 0.5)
print(x)
for i in range(60):
    x = add_b(x, 0.5)
print(x)
for i in range(200):
    x = add_c(x, 0.5)
print(x)
for i in range(200):
    x = sub_d(x, 0.5)
    x = sub_d(x, 1)
print(x)
