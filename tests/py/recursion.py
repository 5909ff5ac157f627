# Recursive fib and factorial, with an iterative fib to compare.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)

def fib_loop(n):
    a = 0
    b = 1
    for i in range(n):
        c = a + b
        a = b
        b = c
    return a

for i in range(12):
    print("fib", i, "=", fib(i))
print("fib(20) =", fib(20))
print("fib_loop(60) =", fib_loop(60))
print("10! =", factorial(10))
print("16! =", factorial(16))
print(factorial(5) / factorial(3), factorial(5) // factorial(3))
