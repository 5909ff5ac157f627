# try / except / else / finally in every combination.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("  cannot divide by zero")
        return None
    except TypeError as e:
        print("  bad types:", e)
        return None
    else:
        print("  division ok")
        return result
    finally:
        print("  finally for", a, b)

print(divide(10, 4))
print(divide(1, 0))
print(divide("x", 2))
try:
    int("nope")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    pass
except Exception:
    print("not printed")
else:
    print("else without exception")
try:
    {}["k"]
except Exception as e:
    print("caught broadly:", type(e).__name__, repr(e))
try:
    raise ValueError
except ValueError as e:
    print("bare class raise:", repr(e), str(e) == "")
