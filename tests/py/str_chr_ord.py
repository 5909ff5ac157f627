# chr and ord map between characters and code points.
print(ord("A"), ord("a"), ord("0"), ord(" "), ord("\n"), ord("\u00e9"))
print(chr(65), chr(97), chr(48), repr(chr(10)), chr(233))
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1)))
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha() and ch.islower():
            out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
        elif ch.isalpha() and ch.isupper():
            out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
