# f-string conversions !r !s and the self-documenting = specifier.
s = "quote's"
print(f"{s!r} {s!s} {s}")
x = 10
y = 2.5
print(f"{x=}")
print(f"{x = }")
print(f"{x + y=}")
print(f"{s=}")
print(f"{y=:.3f}")
items = ["a", 'b']
print(f"{items!r} {items!s}")
print(f"{len(items)=}")
