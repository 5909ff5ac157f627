# int() parses strings in any base and truncates floats toward zero.
print(int("42"), int("  -17  "), int("+8"), int("1_000_000"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1011", 2), int("z", 36))
print(int("0x1f", 0), int("0o17", 0), int("0b101", 0), int("123", 0))
print(int("0x1f", 16), int("0b11", 2))
print(int(3.9), int(-3.9), int(True), int(False), int(1e20))
print(int("123456789012345678901234567890"))
for text in ["12", "abc", "1.5", "", " 7 ", "0x10", "--3"]:
    try:
        print(repr(text), "->", int(text))
    except ValueError as e:
        print(repr(text), "->", "ValueError:", e)
