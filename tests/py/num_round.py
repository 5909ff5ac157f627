# round() uses banker's rounding; with ndigits it rounds the binary value.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(3.14159, 2), round(3.14159, 0), round(2.675, 2), round(1234.5678, -2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(type(round(2.5)), type(round(2.5, 1)), type(round(7, 1)))
print(round(7), round(7.0), round(-7.6), round(1e20))
for x in [0.125, 0.375, 2.5, 3.5, 4.45]:
    print(x, round(x, 2), round(x, 1), round(x))
