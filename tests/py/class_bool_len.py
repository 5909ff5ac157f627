# Truthiness: __bool__ first, then __len__, otherwise always true.
class Empty:
    pass

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("  __bool__ called")
        return self.on
    def __len__(self):
        return 99

print(bool(Empty()), bool(Sized(0)), bool(Sized(3)))
print(bool(Flag(False)))
if Flag(True):
    print("flag on")
print(not Sized(0), Sized(2) and "yes", Sized(0) or "fallback")
for obj in [0, 1, "", "a", [], [0], {}, None, 0.0, Sized(0)]:
    print(type(obj).__name__, "truthy" if obj else "falsy")
