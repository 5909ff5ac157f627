# Globals read in a hot loop change value and type between calls.
SCALE = 2
def scaled(n):
    return [i * SCALE for i in range(n)]

for _ in range(50):
    r = scaled(5)
print(r)
SCALE = 0.5
print(scaled(5))
SCALE = "x"
print(scaled(4))
del SCALE
try:
    scaled(3)
except NameError as e:
    print("NameError:", e)
SCALE = 3
print(scaled(3))
