# A return in finally overrides the try's return and swallows exceptions.
def f():
    try:
        return "from try"
    finally:
        print("finally runs before the return")

def g():
    try:
        return "try"
    finally:
        return "finally wins"

def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

def counter():
    x = 1
    try:
        return x
    finally:
        x = 100
        print("x changed to", x)

print(f())
print(g())
print(h())
print(counter())
def loop():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("cleanup", i)
    return i
print(loop())
