# __eq__ and __hash__ make objects usable as dict keys and in sets.
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __repr__(self):
        return f"Card({self.rank}, {self.suit!r})"

a = Card(10, "hearts")
b = Card(10, "hearts")
c = Card(2, "spades")
print(a == b, a is b, a != c, a == "card")
print(len({a, b, c}))
counts = {a: 1}
counts[b] = counts.get(b, 0) + 1
print(counts)
class NoHash:
    def __eq__(self, other):
        return True
print(NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), hash(p) == hash(p))
