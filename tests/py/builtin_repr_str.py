# repr versus str for builtin types.
values = [42, -3.5, 1e-10, "text", "it's", None, True, [1, "a"], (1,), {"k": [None]}, set(), {3}, range(2, 5)]
for v in values:
    print(str(v), "|", repr(v))
print(str(b"bytes"), repr(b"\x00ab"))
print(repr(repr("nested")))
print(eval(repr([1, "two", 3.0])) == [1, "two", 3.0])
