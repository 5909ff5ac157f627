# Indexing and slicing strings, with negative indices and steps.
s = "Hello, World"
print(len(s), s[0], s[-1], s[7], s[-5])
print(s[0:5], s[7:], s[:5], s[-5:], s[:-7])
print(s[::2], s[1::2], s[::-1], s[-1:-6:-1])
print(s[3:3] == "", s[100:], s[-100:3], s[5:2])
print(s[2:10:3], s[::3])
word = "racecar"
print(word == word[::-1])
text = "caf\u00e9 na\u00efve \u65e5\u672c"
print(len(text), text[3], text[-1], text[5:10], text[::-1])
print([c for c in "abc"])
