# float() with an invalid string.
readings = ["1.5", "2.25", "3,5"]
print(sum(float(r) for r in readings))
