# Big integers: factorials and powers grow without overflow.
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

print(factorial(20))
print(factorial(50))
print(2 ** 64)
print(2 ** 200)
print(-(2 ** 100))
print(len(str(factorial(100))))
print(factorial(30) // factorial(28))
print(10 ** 30 + 1)
print((10 ** 20) * (10 ** 20))
