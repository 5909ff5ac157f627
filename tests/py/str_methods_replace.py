# str.replace, with a count, and chained replacements.
s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"))
print(s.replace("fish", "cat", 2))
print(s.replace("z", "y"))
print("aaaa".replace("a", "b", 0), "aaaa".replace("aa", "b"))
print("abc".replace("", "-"))
print("hello".replace("l", ""))
template = "Dear NAME, your order NUM is ready."
print(template.replace("NAME", "Ada").replace("NUM", "42"))
