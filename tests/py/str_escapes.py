# Escape sequences in string literals.
print("tab:\tend")
print("line1\nline2")
print("quote: \" and \'")
print('single \'quoted\'')
print("backslash: \\")
print("hex: \x41\x42\x43, octal: \101\102, unicode: \u0041\u00e9")
print(r"raw \n stays \t literal")
print(len("\n"), len(r"\n"), len("\x00"), len("\\"))
print("""triple
quoted "string" here""")
print('''another
one''')
print("con" "cat" "enated")
print(repr("a\tb\nc\\d\x00\x7f"))
print("\N{LATIN SMALL LETTER E WITH ACUTE}" == "\u00e9")
