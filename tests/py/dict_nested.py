# Nested dicts and lists: a small inventory.
inventory = {
    "fruit": {"apple": {"qty": 5, "price": 0.5}, "pear": {"qty": 0, "price": 0.75}},
    "veg": {"carrot": {"qty": 12, "price": 0.1}},
}
for category, items in inventory.items():
    print(category)
    for name, info in items.items():
        status = "in stock" if info["qty"] else "sold out"
        print(f"  {name}: {info['qty']} @ {info['price']:.2f} ({status})")
total = sum(i["qty"] * i["price"] for items in inventory.values() for i in items.values())
print(f"total value: {total:.2f}")
inventory["veg"]["leek"] = {"qty": 3, "price": 0.8}
print(sorted(inventory["veg"]))
print(inventory["fruit"]["apple"])
