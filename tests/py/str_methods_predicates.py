# Character class predicates.
samples = ["123", "abc", "abc123", "   ", "", "ABC", "Hello World", "12.5", "\t\n", "x y"]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("\u00e9".isalpha(), "\u0663".isdigit(), "_name1".isidentifier(), "1abc".isidentifier())
print("42".isnumeric(), "42".isdecimal(), "abc".isascii(), "\u00e9".isascii())
