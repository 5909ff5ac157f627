# splitlines handles several newline conventions.
text = "first line\nsecond line\r\nthird\rfourth\n\nsixth"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "one".splitlines(), "trailing\n".splitlines())
poem = """Roses are red,
Violets are blue,
Sugar is sweet."""
for n, line in enumerate(poem.splitlines(), 1):
    print(n, line)
