# vars() and dir() for introspection (dunder names filtered out).
class Pet:
    kind = "pet"

    def __init__(self, name):
        self.name = name
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)

p = Pet("Rex")
p.add_trick("sit")
print(vars(p))
print([n for n in dir(p) if not n.startswith("__")])
print([n for n in dir(Pet) if not n.startswith("__")])
print("kind" in vars(Pet), "name" in vars(Pet))
print(p.__dict__ is vars(p))
p.__dict__["age"] = 3
print(p.age)
print([n for n in dir([]) if not n.startswith("_")])
