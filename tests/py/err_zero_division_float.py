# Float division by zero.
values = [2.0, 1.0, 0.0]
for v in values:
    print(10 / v)
