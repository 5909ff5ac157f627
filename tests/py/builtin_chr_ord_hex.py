# chr, ord, hex, bin and oct together.
for ch in "Az09 ~":
    code = ord(ch)
    print(repr(ch), code, hex(code), bin(code), oct(code), chr(code) == ch)
print(hex(-255), bin(-5), oct(-8), hex(0), bin(0))
print(chr(0x263A) == "\u263a", ord("\u00ff"))
