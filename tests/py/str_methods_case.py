# Case conversion methods.
s = "hello wORLD, it's a fine day"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ALREADY".lower().capitalize(), "mIxEd".casefold())
print("python is fun".title(), "o'neil mc-donald".title())
print("abc".upper().isupper(), "Abc".istitle(), "abc def".istitle())
