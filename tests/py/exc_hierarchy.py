# The built-in exception hierarchy: catching by base class.
def attempt(action):
    try:
        action()
    except LookupError as e:
        print("LookupError caught:", type(e).__name__, e)
    except ArithmeticError as e:
        print("ArithmeticError caught:", type(e).__name__, e)
    except Exception as e:
        print("Exception caught:", type(e).__name__, e)

attempt(lambda: [1, 2][5])
attempt(lambda: {"a": 1}["b"])
attempt(lambda: 1 // 0)
attempt(lambda: float(10 ** 400))
attempt(lambda: int("x"))
attempt(lambda: None.foo)
for cls in [KeyError, IndexError, ZeroDivisionError, OverflowError, ValueError, TypeError,
            StopIteration, RecursionError, NotImplementedError, UnboundLocalError, AssertionError]:
    print(cls.__name__, "->", [b.__name__ for b in cls.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(SystemExit, Exception), issubclass(Exception, BaseException))
