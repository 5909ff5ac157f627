# break and continue affect only the innermost loop.
for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > 2:
            break
        print(i, j, end="; ")
    print()
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
count = 0
i = 0
while i < 20:
    i += 1
    if i % 3:
        continue
    count += i
print(count)
