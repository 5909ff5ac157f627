# A call whose parenthesis is never closed, at the end of the file.
total = 1 + 2
print(total
