# A typo in a variable name: CPython 3.11 suggests the close match.
counter = 10
print(conuter)
