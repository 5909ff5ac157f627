# Context managers: __enter__, __exit__ and suppressing exceptions.
class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"<{self.name}>")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"</{self.name}>")
        return False

with Tag("html"):
    with Tag("body") as body:
        print("content in", body.name)

class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("caught", exc_type.__name__, exc)
        return exc_type is not None and issubclass(exc_type, self.types)

with Suppress(ZeroDivisionError):
    print(1 / 0)
print("after suppress")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("escaped:", e)
with Tag("a"), Tag("b"):
    print("two managers")
def use():
    with Tag("f"):
        return "returned"
print(use())
