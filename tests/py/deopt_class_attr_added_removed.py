# Class attributes added and removed after hot attribute access.
class Root:
    pass

class Config(Root):
    level = 1

def read(obj):
    return obj.level

c = Config()
total = 0
for _ in range(200):
    total += read(c)
print(total)
Config.level = 5
print(read(c))
c.level = 10
print(read(c))
del c.level
print(read(c))
del Config.level
try:
    read(c)
except AttributeError as e:
    print("AttributeError:", e)
Config.level = "back"
print(read(c))
Root.level = "from root"
del Config.level
print(read(c))
Root.level = "root changed"
print(read(c))
