# Fahrenheit and Celsius: the classic example of CPython 3.11's specializing interpreter.
# Run it, then look at the colors: green where the interpreter specialized, red where it tried
# and could not.


def f2c(f):
    return (f - 32) * 5 / 9          # float - int: 3.11 cannot specialize mixed types (red)


def f2c_fast(f):
    return (f - 32.0) * (5 / 9)      # float - float, and 5 / 9 folded at compile time (green)


def c2f(c):
    return c * 9 / 5 + 32            # float * int and float + int: red again


def c2f_fast(c):
    return c * (9 / 5) + 32.0        # all float: green


def round_trip(readings):
    total = drift = 0.0
    for f in readings:
        c = f2c(f)
        total += c
        drift += c2f(c) - f
    print("sum of Celsius:", round(total, 6), "round-trip drift:", drift)


def round_trip_fast(readings):
    total = drift = 0.0
    for f in readings:
        c = f2c_fast(f)
        total += c
        drift += c2f_fast(c) - f
    print("sum of Celsius (fast):", round(total, 6), "round-trip drift:", drift)


readings = [i * 0.5 - 40.0 for i in range(400)]
print("readings:", len(readings), "from", readings[0], "to", readings[len(readings) - 1])
round_trip(readings)
round_trip_fast(readings)
