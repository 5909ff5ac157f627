# Stand-in of the shape of examples/fahrenheit.py: `f - 32` mixes float and int and stays
# adaptive (SUBTRACT_DIFFERENT_TYPES), `f - 32.0` specializes, `5 / 9` is folded to a constant.
def f2c(f):
    return (f - 32) * 5 / 9

def f2c_fast(f):
    return (f - 32.0) * (5 / 9)

def c2f(c):
    return c * 9 / 5 + 32

def c2f_fast(c):
    return c * (9 / 5) + 32.0

def convert_all(readings):
    total = 0.0
    for r in readings:
        total += f2c(r)
    return total

def convert_all_fast(readings):
    total = 0.0
    for r in readings:
        total += f2c_fast(r)
    return total

readings = [50.0 + i * 0.25 for i in range(300)]
print(round(convert_all(readings), 6))
print(round(convert_all_fast(readings), 6))
back = 0.0
for c in range(300):
    back += c2f(c * 0.5) - c2f_fast(c * 0.5)
print(round(back, 6))
