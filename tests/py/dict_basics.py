# Creating, reading, updating and deleting dict entries.
ages = {"Ada": 36, "Linus": 28}
ages["Grace"] = 85
ages["Ada"] = 37
print(ages, len(ages))
print(ages["Linus"], "Ada" in ages, "Bob" in ages, "Bob" not in ages)
del ages["Linus"]
print(ages)
empty = {}
empty[1] = "one"
empty[(2, 3)] = "tuple key"
empty[4.5] = "float key"
print(empty)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))))
print(dict.fromkeys(["p", "q"], 0))
print({1: "a", 1.0: "b", True: "c"})
d = {"k": [1]}
d["k"].append(2)
print(d, d == {"k": [1, 2]})
