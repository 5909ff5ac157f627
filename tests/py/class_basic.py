# A first class: constructor, attributes and methods.
class Dog:
    species = "Canis familiaris"

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def description(self):
        return f"{self.name} is {self.age} years old"

    def speak(self, sound):
        return f"{self.name} says {sound}"

    def birthday(self):
        self.age += 1

miles = Dog("Miles", 4)
buddy = Dog("Buddy", 9)
print(miles.description())
print(buddy.speak("Woof"))
miles.birthday()
print(miles.age, buddy.age, miles.species, Dog.species)
print(type(miles).__name__, isinstance(miles, Dog))
print(Dog.description(buddy))
method = miles.speak
print(method("Yip"))
