# The in operator across containers.
print(3 in [1, 2, 3], 3 in (1, 2), 3 in {3: "x"}, 3 in {3}, 3 in range(5), 3 in range(0, 10, 2))
print("ell" in "hello", "x" in "", "" in "")
print("key" in {"key": 1}.keys(), 1 in {"key": 1}.values())
matrix = [[1, 2], [3, 4]]
print([3, 4] in matrix, 3 in matrix, any(3 in row for row in matrix))
print(None in [None], 1.0 in [1], [1] in [[1]], (1, 2) in [(1, 2)])
vowels = "aeiou"
print([c for c in "programming" if c not in vowels])
