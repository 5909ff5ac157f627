# Inheritance, overriding and super().
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def intro(self):
        return f"I am {self.name} and I say {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "Woof"

class Puppy(Dog):
    def __init__(self, name, toy):
        super().__init__(name)
        self.toy = toy

    def speak(self):
        return super().speak() + " (squeaky)"

    def intro(self):
        return super().intro() + f", I love my {self.toy}"

for a in [Animal("generic"), Dog("Rex"), Puppy("Bit", "ball")]:
    print(a.intro())
print(Puppy.__mro__ == (Puppy, Dog, Animal, object))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)
