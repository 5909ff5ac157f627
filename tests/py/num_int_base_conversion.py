# Converting ints to and from binary, octal and hexadecimal text.
for n in [0, 1, 7, 8, 255, 256, -42, 65535, 2 ** 40]:
    print(n, bin(n), oct(n), hex(n))
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"), format(255, "#x"))
print(format(5, "08b"), format(-5, "08b"))
print(int(bin(12345), 2), int(hex(12345), 16), int(oct(12345), 8))
print(0xFF, 0o777, 0b1111, 1_000_000, 0x_dead_beef)
