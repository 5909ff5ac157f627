# A return inside a with runs __exit__ on the way out; the call of __exit__ belongs to the with
# statement's line, so a traceback from it points there, as in CPython 3.11.
class Boom:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name, exc[0])
        if self.name == "bad":
            raise RuntimeError("exit failed")
        return False


def ok():
    with Boom("good") as b:
        return b.name


def suppressed():
    with Boom("good"):
        pass
    return "after"


def bad():
    with Boom("outer"):
        with Boom("bad"):
            return "never"


print(ok(), suppressed())
bad()
