# KeyError raised several calls deep.
def lookup(table, key):
    return table[key]

def price_of(item):
    prices = {"tea": 2.5, "coffee": 3.0}
    return lookup(prices, item)

print(price_of("tea"))
print(price_of("juice"))
