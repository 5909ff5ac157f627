# Calling with keyword arguments in any order.
def describe(name, kind, legs=4, sound="..."):
    return f"{name} is a {kind} with {legs} legs that says {sound}"

print(describe("Rex", "dog", sound="woof"))
print(describe(kind="bird", name="Tweety", legs=2))
print(describe("Nemo", "fish", 0))
def area(width, height):
    return width * height
print(area(height=3, width=4))
options = {"kind": "cat", "sound": "meow"}
print(describe("Tom", **options))
try:
    describe("X", "y", name="Z")
except TypeError as e:
    print("TypeError:", e)
try:
    describe("X", "y", wings=2)
except TypeError as e:
    print("TypeError:", e)
