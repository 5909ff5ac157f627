# divmod and pow as builtins.
print(divmod(20, 6), divmod(-20, 6), divmod(20, -6), divmod(7.5, 2))
print(pow(2, 16), pow(2, 0.5), pow(-3, 3), pow(4, -1), pow(2, 100, 17), pow(0, 0))
print([divmod(n, 4) for n in range(-4, 5)])
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
