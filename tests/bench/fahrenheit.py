# The Fahrenheit round trip of examples/fahrenheit.py, at benchmark size.
def f2c(f):
    return (f - 32) * 5 / 9

def c2f(c):
    return c * 9 / 5 + 32

def f2c_fast(f):
    return (f - 32.0) * (5 / 9)

def c2f_fast(c):
    return c * (9 / 5) + 32.0

readings = [i * 0.5 - 40.0 for i in range(4000)]
total = drift = 0.0
for rep in range(240):
    for f in readings:
        c = f2c(f)
        total += c
        drift += c2f(c) - f
        c = f2c_fast(f)
        total += c
        drift += c2f_fast(c) - f
print(round(total, 3), round(drift, 9))
