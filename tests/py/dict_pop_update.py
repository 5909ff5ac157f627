# pop, popitem, update, the | operator and clear.
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("zz", "missing"))
d.update({"d": 4, "a": 10})
print(d)
d.update(e=5, f=6)
d.update([("g", 7)])
print(d)
print(d.popitem(), d.popitem(), d)
merged = d | {"x": 0}
d |= {"y": 1}
print(merged, d)
d.clear()
print(d)
try:
    d.pop("a")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
