# Strings of every length from 0 to 40 built, joined, concatenated and appended (strbuf_copy's short-copy cases).
import random
random.seed(5)
parts = []
for n in range(0, 40):
    s = "".join(chr(97 + (i * 7 + n) % 26) for i in range(n))
    parts.append(s)
    t = s + s.upper()
    parts.append(t)
    parts.append(" ".join([s] * 3))
    parts.append(s[1:-1] + "é" * (n % 4))
print(len("".join(parts)), hash("|".join(parts)) == hash("|".join(list(parts))), "|".join(parts)[:300])
acc = ""
for p in parts:
    acc += p
print(len(acc), acc[-80:])
