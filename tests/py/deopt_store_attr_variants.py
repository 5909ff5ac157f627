# Storing attributes on plain instances, slotted instances and classes at one site.
class Plain:
    pass

class Slotted:
    __slots__ = ("value",)

class WithSetattr:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

def set_value(obj, v):
    obj.value = v
    return obj.value

p = Plain()
for i in range(150):
    set_value(p, i)
print(p.value)
print(set_value(Slotted(), 5), set_value(WithSetattr(), 5), set_value(Plain, 9), Plain.value)
objs = [Plain() for _ in range(5)]
for i, o in enumerate(objs):
    set_value(o, i)
print([o.value for o in objs], p.value)
