# A name that any function declares global is reached by module-level code as a global too
# (CPython's symtable records the declaration in the module's own symbols): the values are the
# same either way, and deleting and rebinding it at module level works as before.
x = 1


def f():
    global x
    x += 1


class K:
    global y
    y = "from class body"


f()
print(x, y)
for i in range(20):
    x = x + i
print(x)
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
x = "again"
f = lambda: x
print(f())
