# assert raises AssertionError with an optional message.
def average(values):
    assert len(values) > 0, "values must not be empty"
    return sum(values) / len(values)

print(average([1, 2, 3]))
try:
    average([])
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(e), e.args)
x = 5
assert x > 0
assert isinstance(x, int), f"expected int, got {type(x)}"
print("all assertions passed")
