# Strings as constants passed around and printed.
greeting = "Hello"
name = "Anole"
print(greeting, name)
print("spaces  and", 'single quotes', "it's", 'say "hi"')
print("")
print()
print("numbers:", 1, 2.5, True, None)
def label(x):
    if x > 0:
        return "positive"
    elif x < 0:
        return "negative"
    return "zero"
for v in [5, -3, 0, 0.0, -0.5]:
    print(v, label(v))
