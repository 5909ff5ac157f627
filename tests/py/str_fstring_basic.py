# f-strings with expressions, calls and nested quotes.
name = "World"
count = 3
print(f"Hello, {name}!")
print(f"{count} * 2 = {count * 2}")
print(f"{name.upper()} has {len(name)} letters")
items = ["a", "b"]
print(f"items: {items}, first: {items[0]}")
d = {"x": 1}
print(f"x is {d['x']}")
print(f"{'nested'} {3 if count > 2 else 0}")
print(f"{{braces}} {count}")
value = 12.5
print(f"{value}", f"{value:.0f}", f"{None}", f"{True}")
multi = (f"a={1}"
         f" b={2}")
print(multi)
