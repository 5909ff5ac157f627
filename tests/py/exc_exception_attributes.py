# args, str and repr of built-in exceptions.
errors = [ValueError("bad value"), KeyError("missing"), IndexError("list index out of range"),
          TypeError("a", "b"), ZeroDivisionError(), OSError(2, "No such file"), Exception(42)]
for e in errors:
    print(type(e).__name__, e.args, str(e), repr(e))
try:
    {}[("a", 1)]
except KeyError as e:
    print(repr(e), e.args[0])
try:
    raise RuntimeError("first", "second")
except RuntimeError as e:
    print(e, len(e.args))
