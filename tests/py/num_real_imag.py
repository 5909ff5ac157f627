# The numbers' data attributes and conjugate(), on ints, bools, big ints and floats.
for x in (5, -3, True, False, 10 ** 30, 2.5, -0.0):
    print(repr(x), repr(x.real), repr(x.imag), repr(x.conjugate()))
for n in (7, True, -(10 ** 25)):
    print(n.numerator, n.denominator, type(n.numerator).__name__)
try:
    (2.5).numerator
except AttributeError as e:
    print("AttributeError:", e)
print(sum(v.real for v in [1, 2.5, True]))
