# raise ... from None hides the original exception.
def get(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupError(f"no setting named {key}") from None

print(get({"x": 1}, "x"))
get({"x": 1}, "y")
