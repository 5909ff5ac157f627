# Concatenation, repetition and building strings in loops.
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "y" * -2 == "")
line = ""
for i in range(5):
    line += str(i)
print(line)
print("=" * 20)
parts = []
for word in ["alpha", "beta", "gamma"]:
    parts.append(word[0].upper() + word[1:])
print(" ".join(parts))
print(str(12) + str(3.5) + str(None) + str(True))
