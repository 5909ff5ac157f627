# A __hash__ that returns what hash() gave for a str makes the object a key equal to that str (the
# dict compares them with __eq__); ints that fit 64 bits are the hash itself, bigger ones are hashed.
class K:
    def __hash__(self):
        return hash("a")

    def __eq__(self, other):
        print("eq called with", other)
        return other == "a"


d = {K(): 1}
print(d["a"])
d["a"] = 5
print(len(d), list(d.values()))
print(d.get("a"), "a" in d)


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for h in (2**62, -2**63, 2**63 - 1, 2**64, -2**64 - 5, -1, 12345678901234567890):
    print(h, hash(H(h)))

e = {"x": 1, "y": 2}
e["x"] += 10
e["z" * 20] = 3
print(e, e.get("w"), e["y"], e["zzzzzzzzzzzzzzzzzzzz"])
