# Fibonacci numbers quickly outgrow 64 bits.
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

for n in [10, 50, 90, 93, 100, 150, 200]:
    print(n, fib(n))
print(fib(300) % 1000000007)
print(sum(fib(i) for i in range(100)))
print(fib(100) * fib(101) - fib(102) * fib(99))
