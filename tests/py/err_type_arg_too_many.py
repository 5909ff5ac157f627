# Calling a function with too many arguments.
def greet(name):
    return "hi " + name

print(greet("ada"))
print(greet("ada", "bob"))
