# Calling something that is not a function.
total = 10
result = total(5)
