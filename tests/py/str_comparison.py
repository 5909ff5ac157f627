# Strings compare lexicographically by code point.
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "" < "a")
print("Zebra" < "apple", "abc" == "abc", "abc" != "abd")
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(max(words), min(words))
print("10" < "9", 10 < 9)
print("abc" * 2 == "abcabc", "a" in "cat", "at" not in "cat")
