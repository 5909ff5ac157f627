# A module attribute read in a hot loop is monkeypatched.
import math
def circle(r):
    return round(math.pi * r * r, 3)

for r in range(150):
    circle(r)
print(circle(2))
saved = math.pi
math.pi = 3
print(circle(2))
math.pi = saved
print(circle(2))
def root(x):
    return math.sqrt(x)
for i in range(150):
    root(i)
math.sqrt = lambda x: "fake sqrt"
print(root(16))
del math.sqrt
try:
    root(16)
except AttributeError as e:
    print("AttributeError:", e)
