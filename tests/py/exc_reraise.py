# Re-raising with a bare raise and catching again higher up.
def risky(n):
    if n % 2:
        raise ValueError(f"odd: {n}")
    return n

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("logging and re-raising", n)
        raise

for n in range(4):
    try:
        print("result", wrapper(n))
    except ValueError as e:
        print("top level caught:", e)
def convert(values):
    errors = []
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError as e:
            errors.append(str(e))
    return out, errors
print(convert(["1", "x", "3", "4.5"]))
