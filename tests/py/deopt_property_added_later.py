# A plain attribute access that becomes a property access.
class Item:
    def __init__(self, price):
        self.price = price

def get_price(item):
    return item.price

items = [Item(i) for i in range(10)]
total = 0
for _ in range(20):
    for it in items:
        total += get_price(it)
print(total)
class Discounted(Item):
    @property
    def price(self):
        return self._price * 0.5
    @price.setter
    def price(self, value):
        self._price = value
d = Discounted(30)
print(get_price(d), get_price(items[3]))
Item.price = property(lambda self: "shadowed by data descriptor")
print(get_price(items[3]), get_price(items[0]))
