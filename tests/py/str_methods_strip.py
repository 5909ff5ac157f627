# strip, lstrip and rstrip, with and without a character set.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
print("www.example.com".strip("cmowz."))
print("123abc321".strip("123"))
print(repr("".strip()), repr("   ".strip()))
print("  a b  ".strip().split(" "))
print("file.txt".removesuffix(".txt"), "TestCase".removeprefix("Test"))
