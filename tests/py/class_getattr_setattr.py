# getattr, setattr, hasattr and delattr with attribute names as strings.
class Config:
    debug = False

    def __init__(self):
        self.level = 1

c = Config()
for name in ["debug", "level", "missing"]:
    print(name, hasattr(c, name), getattr(c, name, "<none>"))
setattr(c, "level", 5)
setattr(c, "color", "blue")
print(c.level, c.color)
delattr(c, "color")
print(hasattr(c, "color"))
try:
    getattr(c, "nothing_here_at_all")
except AttributeError as e:
    print("AttributeError:", e)
settings = {"debug": True, "level": 3, "name": "prod"}
for k, v in settings.items():
    setattr(c, k, v)
print(c.debug, c.level, c.name, Config.debug)
method = getattr("hello", "upper")
print(method())
