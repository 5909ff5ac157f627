# find, rfind, index, rindex and the in operator.
s = "mississippi"
print(s.find("ss"), s.rfind("ss"), s.find("x"), s.rfind("x"))
print(s.find("s", 4), s.find("s", 4, 5), s.find("i", -3))
print(s.index("pp"), s.rindex("i"))
print("ss" in s, "sss" in s, "" in s)
positions = []
start = 0
while True:
    pos = s.find("i", start)
    if pos == -1:
        break
    positions.append(pos)
    start = pos + 1
print(positions)
try:
    s.index("z")
except ValueError as e:
    print("ValueError:", e)
