# Lists: literals, len, for loops and list comprehensions.
numbers = [3, 1, 4, 1, 5, 9, 2, 6]
print(numbers)
print(len(numbers), len([]), [])
total = 0
for n in numbers:
    total += n
print("total", total)
print([n * n for n in numbers])
print([n for n in numbers if n % 2 == 0])
print([x / 2 for x in range(5)])
print([i > 2 for i in range(5)])
print([None, True, 1.5, -0.0, 1e16])
biggest = 0
for n in numbers:
    if n > biggest:
        biggest = n
print("biggest", biggest)
print([[1, 2], [3.5], []])
