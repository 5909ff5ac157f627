# str.join builds a string from an iterable of strings.
words = ["spam", "eggs", "ham"]
print(", ".join(words))
print("".join(words))
print("-".join("abc"))
print(" ".join(str(n) for n in range(5)))
print("\n".join(["first", "second"]))
print("+".join([]) == "")
print(", ".join(sorted(words, key=len)))
try:
    print(",".join([1, 2, 3]))
except TypeError as e:
    print("TypeError:", e)
