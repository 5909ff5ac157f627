# An exception raised while handling another shows both.
data = {"a": 1}
try:
    value = data["b"]
except KeyError:
    print("key missing, computing fallback")
    value = 1 / 0
print(value)
