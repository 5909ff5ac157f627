# Decorators wrap functions; stacking applies bottom-up.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper

def exclaim_twice(func):
    def wrapper(*args):
        return func(*args) + "!!"
    return wrapper

@shout
def greet(name):
    return "hello " + name

@exclaim_twice
@shout
def farewell(name):
    return "bye " + name

print(greet("ada"))
print(farewell("bob"))
print(greet.__name__)
call_log = []
def logged(func):
    def wrapper(*args):
        call_log.append((func.__name__, args))
        return func(*args)
    wrapper.__name__ = func.__name__
    return wrapper
@logged
def add(a, b):
    return a + b
print(add(1, 2), add(3, 4), add.__name__)
print(call_log)
