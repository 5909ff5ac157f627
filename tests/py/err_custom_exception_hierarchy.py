# A custom exception subclass with a custom __str__.
class ShopError(Exception):
    pass

class OutOfStock(ShopError):
    def __init__(self, item):
        super().__init__(item)
        self.item = item

    def __str__(self):
        return f"{self.item} is out of stock"

def buy(item):
    raise OutOfStock(item)

try:
    buy("milk")
except ShopError as e:
    print("handled:", e)
buy("bread")
