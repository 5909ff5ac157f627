# Multiple inheritance and the method resolution order.
class Base:
    def hello(self):
        return ["Base"]

class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()

class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()

class Child(Left, Right):
    def hello(self):
        return ["Child"] + super().hello()

print(Child().hello())
print([k.__name__ for k in Child.mro()])
class Walker:
    def move(self):
        return "walk"
class Swimmer:
    def move(self):
        return "swim"
    def dive(self):
        return "dive"
class Duck(Walker, Swimmer):
    pass
d = Duck()
print(d.move(), d.dive(), isinstance(d, Swimmer))
