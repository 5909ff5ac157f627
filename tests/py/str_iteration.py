# Iterating over strings: vowels, reversal, palindromes.
sentence = "A man a plan a canal Panama"
vowels = 0
for ch in sentence.lower():
    if ch in "aeiou":
        vowels += 1
print("vowels:", vowels)
cleaned = "".join(ch.lower() for ch in sentence if ch.isalpha())
print(cleaned, cleaned == cleaned[::-1])
for i, ch in enumerate("abc"):
    print(i, ch)
print(list(reversed("hello")))
print(sorted("hello"), "".join(sorted("hello")))
print(set("hello") == {"h", "e", "l", "o"}, sorted(set("mississippi")))
