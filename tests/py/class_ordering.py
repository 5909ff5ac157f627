# Rich comparisons: __lt__, __le__, __gt__, __ge__ and sorting.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __le__(self, other):
        return self.parts <= other.parts

versions = [Version(t) for t in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(versions))
print(max(versions), min(versions))
a, b = Version("2.0"), Version("2.0.1")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print(OnlyLt(1) > OnlyLt(2), OnlyLt(3) > OnlyLt(2))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
