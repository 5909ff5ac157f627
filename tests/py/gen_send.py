# send() passes values into a running generator.
def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = running_average()
print(next(avg))
for v in [10, 20, 30, 5]:
    print(avg.send(v))
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(e.send(None))
print(e.send("a"))
print(e.send(42))
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
g = accumulate()
next(g)
g.send(1)
g.send(2)
try:
    g.send(None)
except StopIteration as stop:
    print("returned", stop.value)
try:
    accumulate().send(5)
except TypeError as e:
    print("TypeError:", e)
