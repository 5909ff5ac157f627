# list.index for a missing value.
names = ["ann", "bob"]
print(names.index("bob"))
print(names.index("cat"))
