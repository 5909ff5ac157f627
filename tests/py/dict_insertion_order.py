# Dicts remember insertion order; re-assigning keeps the position.
d = {}
for key in ["zeta", "alpha", "mu", "beta"]:
    d[key] = len(key)
print(list(d))
d["alpha"] = 100
print(list(d.items()))
del d["zeta"]
d["zeta"] = 0
print(list(d.keys()))
d2 = {"b": 1, "a": 2}
print(d2 == {"a": 2, "b": 1}, list(d2) == list({"a": 2, "b": 1}))
numbers = {n * 7 % 10: n for n in range(10)}
print(numbers)
print(list(reversed(d)))
print(d.popitem(), d)
