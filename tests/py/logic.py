# Comparisons print True or False; and/or return one of their operands.
print(1 < 2, 2 < 1, 3 == 3.0, 4 != 4, 5 >= 5, 6 <= 5.5)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 == True, 0 < 0.5 <= 1)
print(not True, not 0, not 0.0, not None, not "")
print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print(None or "fallback", "" or 0, 2 > 1 and "yes")
print(True == 1, False == 0, None == 0, None == None)
age = 17
if age >= 18 and age < 65:
    print("adult")
elif age < 18 or age > 100:
    print("minor")
else:
    print("other")
x = 5
if not x < 3:
    print("x is at least 3")
print(x > 3 and x < 10, x < 3 or x > 10)
