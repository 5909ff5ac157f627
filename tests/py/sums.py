# Sums of numbers, squares and odd numbers with for and while loops.
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total)

squares = 0
for i in range(10):
    squares = squares + i * i
print("sum of squares below 10 =", squares)

odd = 0
n = 1
while n < 50:
    odd += n
    n += 2
print("sum of odd numbers below 50 =", odd)

evens = 0
for i in range(100, 0, -2):
    evens += i
print("even numbers counted down:", evens)

count = 0
for i in range(5, 1):
    count += 1
print("empty range ran", count, "times")
