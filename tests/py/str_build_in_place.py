# Strings built in place: join measures its pieces first, lower() and upper() of ASCII map byte
# by byte, and pieces of ASCII strings (split, strip, partition, removeprefix) skip counting code
# points. len() and indexing show whether the code points are right.
words = ["alpha", "BETA", "", "Gamma", "straße", "ÄÖÜ", "日本", "x"]
for sep in ("", " ", ", ", "é", "→→"):
    j = sep.join(words)
    print(repr(j), len(j), j[-1], j[len(j) // 2])
print(repr("".join([])), repr("-".join(["only"])), "-".join("abc"), "-".join(w for w in words if w))
for w in words + ["MiXeD 123 @[`{ Zz", "İı"]:
    lo, up = w.lower(), w.upper()
    print(repr(lo), repr(up), len(lo), len(up))
text = "  The quick, brown fox; jumps over the lazy dog.  "
for part in text.split() + text.split(",") + text.strip(" .").split(" ") + text.splitlines():
    print(repr(part), len(part), part[-1:] if part else "")
u = "  größe, maß; weiß  "
for part in u.split() + u.split(",") + [u.strip(), u.strip(" ;ß")]:
    print(repr(part), len(part), part[::-1])
print(text.partition(","), text.rpartition(" "), u.partition("maß"), u.rpartition("ß"))
print(text.removeprefix("  The"), len(text.removeprefix("  The")), u.removesuffix("  "), len(u.removesuffix("  ")))
try:
    "-".join(["a", 2])
except TypeError as e:
    print(e)
try:
    "-".join(["a", None])
except TypeError as e:
    print(e)
# A long join and a long case change.
big = "ab" * 50000
print(len(" ".join([big, big.upper()])), big.upper()[:6], len(big.lower()))
