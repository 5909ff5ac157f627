# with statements run __exit__ even when the body raises or returns.
class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")

log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append("using " + a.name + b.name)
print(log)
log = []
try:
    with Resource("outer", log):
        with Resource("inner", log):
            raise KeyError("x")
except KeyError:
    log.append("handled")
print(log)
def early(log):
    for i in range(3):
        with Resource(str(i), log):
            if i == 1:
                return "returned at 1"
log = []
print(early(log), log)
