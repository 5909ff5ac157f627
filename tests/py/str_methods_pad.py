# center, ljust, rjust and zfill for aligning text.
for word in ["a", "abc", "abcdef"]:
    print("[" + word.center(9) + "]", "[" + word.ljust(8, ".") + "]", "[" + word.rjust(8, "*") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "12345".zfill(3), "3.14".zfill(7))
print("x".center(4, "-"), "ab".center(5, "="))
items = [("apple", 1.5), ("banana", 0.25), ("cherry", 12.0)]
for name, price in items:
    print(name.ljust(10) + str(price).rjust(8))
