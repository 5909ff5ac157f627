# Calling a method on None, a classic mistake with list.sort().
numbers = [3, 1, 2]
result = numbers.sort()
print(result)
result.append(4)
