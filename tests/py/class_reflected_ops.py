# Reflected operators and NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print("  __radd__ with", repr(other))
        return self.__add__(other)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __lt__(self, other):
        return self.cents < other.cents

print(Money(150) + Money(275))
print(Money(100) + 5)
print(5 + Money(100))
print(sum([Money(10), Money(20), Money(30)]))
print(1000 - Money(1))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - Money(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted([Money(300), Money(5), Money(120)]))
