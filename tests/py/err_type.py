# Adding a number to a string is a TypeError.
count = 3
print("count is", count)
label = count + " items"
print(label)
