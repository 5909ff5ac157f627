# Sorting a list with mixed types.
items = [3, "two", 1]
items.sort()
