# An instance attribute later shadows the class attribute that was being read.
class Greeter:
    greeting = "hello"

    def greet(self):
        return self.greeting

g = Greeter()
others = [Greeter() for _ in range(3)]
out = []
for i in range(150):
    out.append(g.greet())
print(out[-1], len(out))
g.greeting = "howdy"
print(g.greet(), others[0].greet())
g.greet = lambda: "instance function"
print(g.greet(), others[1].greet())
del g.greet
del g.greeting
print(g.greet())
Greeter.greeting = "hi"
print([o.greet() for o in others], g.greet())
