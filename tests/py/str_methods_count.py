# Counting substrings and characters.
text = "the cat sat on the mat with the hat"
print(text.count("the"), text.count("at"), text.count("t"), text.count("dog"))
print("aaaa".count("aa"), "abc".count(""), text.count("the", 10))
letters = {}
for ch in text:
    if ch != " ":
        letters[ch] = letters.get(ch, 0) + 1
for ch in sorted(letters):
    print(ch, letters[ch])
