# Conditional expressions and short-circuit boolean operators.
for n in [-5, 0, 7]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)
print(0 or "default", "" or [] or None, 3 and 4, 0 and 1/0, None or 0)
def check(label, value):
    print("check", label)
    return value
print(check("a", False) and check("b", True))
print(check("c", True) or check("d", True))
print(not 0, not "x", not [], not not 5)
x = 15
print("fizz" * (x % 3 == 0) + "buzz" * (x % 5 == 0) or x)
print(max(3, 7) if x > 10 else min(3, 7))
