# float() accepts decimal, exponent, inf and nan spellings.
print(float("3.14"), float(" -2.5 "), float("1e3"), float("1E-4"), float(".5"), float("5."))
print(float("inf"), float("-Infinity"), float("nan"))
print(float(7), float(-0), float(True), float("1_000.5"))
x = float("nan")
print(x == x, x != x)
print(float("inf") > 10 ** 300, -float("inf") < -1e308)
for text in ["2.5", "abc", "1e", "", "1.2.3"]:
    try:
        print(repr(text), "->", float(text))
    except ValueError as e:
        print(repr(text), "->", "ValueError:", e)
