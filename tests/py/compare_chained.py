# Chained comparisons evaluate each operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 10 > x >= 5 == 5.0)
def loud(n):
    print("eval", n)
    return n
print(loud(1) < loud(2) < loud(3))
print(loud(3) < loud(2) < loud(1))
a = b = [1]
print(a is b is not None, a == b != [2])
print([1, 2] < [1, 3] < [2], "a" < "b" < "c")
grades = [45, 67, 89, 92, 73]
print([g for g in grades if 60 <= g < 90])
