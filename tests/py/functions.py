# Nested calls, functions returning None, and globals read inside functions.
rate = 2
offset = 10

def scale(x):
    return x * rate

def shift(x):
    return x + offset

def both(x):
    return shift(scale(x))

def say(msg, n):
    print(msg, n)

print(both(5))
rate = 3
print(both(5))
offset = 0.5
print(both(5))
result = say("count is", 4)
print(result)
print(scale(shift(1)), both(both(1)))

def area(w, h):
    return w * h

def describe(w, h):
    a = area(w, h)
    if a > 100:
        return "big"
    return "small"

print(describe(5, 5), describe(20, 10), describe(0.5, 400))
