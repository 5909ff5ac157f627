# Comparing ints, floats, bools and big ints against each other.
print(1 == 1.0, 1 < 1.5, 2 > 1.999999, -1 <= -1.0)
print(10 ** 20 == 1e20, 10 ** 20 + 1 == 1e20, 10 ** 20 + 1 > 1e20)
print(2 ** 53 + 1 == float(2 ** 53 + 1))
print(True == 1.0, False < 0.5)
print(max(3, 3.0), min(3.0, 3), max(True, 1), max(1, True))
print(sorted([3, 1.5, True, 2, 0.5, False]))
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1.0 == True)
print(float("inf") > 10 ** 400, float("-inf") < -(10 ** 400))
