# Names looked up in namespaces whose keys are strs made at run time (not interned): a class made
# by type() with such a dict, attributes set with computed names.
key = "".join(["z", "z"])
G = type("G", (), {key: 7, "a" + "b": 8, "m": lambda self: "method"})
print(G.zz, G.ab, G().zz, G().m())
F = type("F", (Exception,), {"y" * 1: 6})
print(F.y, F().y)
class Holder:
    pass
h = Holder()
for i in range(5):
    setattr(h, "field%d" % i, i * i)
print(h.field0, h.field3, h.field4, getattr(h, "field" + "2"))
d = {}
for word in "alpha beta gamma alpha".split():
    d[word] = d.get(word, 0) + 1
print(d["alpha"], d.get("beta"), "gamma" in d)
ns = {"".join(["x", str(i)]): i for i in range(50)}
C = type("C", (), ns)
print(sum(getattr(C, "x%d" % i) for i in range(50)), C.x49)
