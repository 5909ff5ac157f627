# abs and round on ints and floats.
print(abs(-7), abs(7), abs(-2.5), abs(0), abs(-0.0), abs(-(10 ** 30)), abs(True))
print(round(3.7), round(-3.7), round(3.14159, 3), round(10.0 / 3, 4))
prices = [19.999, 5.005, 0.125, 2.675]
print([round(p, 2) for p in prices])
distance = -12.34567
print(f"{abs(distance):.1f}", round(abs(distance)))
