# An error inside a lambda passed to sorted.
records = [{"name": "a", "age": 3}, {"name": "b"}]
print(sorted(records, key=lambda r: r["age"]))
