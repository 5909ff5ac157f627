# Forgetting self: a method called with the wrong number of arguments.
class Greeter:
    def hello():
        return "hello"

g = Greeter()
print(g.hello())
