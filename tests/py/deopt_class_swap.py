# Changing an object's __class__ after its methods are hot.
class Cat:
    def speak(self):
        return "meow"

class Dog:
    def speak(self):
        return "woof"

pet = Cat()
sounds = []
for _ in range(150):
    sounds.append(pet.speak())
print(sounds[-1], len(sounds))
pet.__class__ = Dog
print(pet.speak(), type(pet).__name__)
pet.__class__ = Cat
print(pet.speak())
