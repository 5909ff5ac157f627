# keys(), values() and items() are live views.
stock = {"apples": 5, "pears": 2}
keys = stock.keys()
values = stock.values()
items = stock.items()
print(keys, values, items)
stock["plums"] = 9
print(keys, len(values), list(items))
print("pears" in keys, 9 in values, ("apples", 5) in items)
print(keys & {"apples", "kiwis"}, sorted(keys | {"kiwis"}), sorted(keys - {"apples"}))
total = 0
for name, count in stock.items():
    total += count
print(total, sum(stock.values()), max(stock, key=stock.get))
print(sorted(stock.items(), key=lambda kv: kv[1]))
