# The global statement rebinds module-level names from inside functions.
counter = 0
def increment():
    global counter
    counter += 1

for _ in range(5):
    increment()
print(counter)
def read_only():
    return counter * 2
print(read_only())
def create():
    global created_later
    created_later = "made inside a function"
create()
print(created_later)
total = 100
def shadow():
    total = 1
    return total
print(shadow(), total)
