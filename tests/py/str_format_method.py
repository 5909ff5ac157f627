# str.format with positional, numbered, keyword and attribute fields.
print("{} + {} = {}".format(2, 3, 5))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age} years old".format(name="Ada", age=36))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{:08.3f} {:+d} {:,} {:x} {:o} {:b}".format(3.14159, 42, 1234567, 255, 8, 5))
point = (3, 4)
print("x={0[0]} y={0[1]}".format(point))
data = {"k": "v"}
print("value: {d[k]}".format(d=data))
print("{{literal braces}} {}".format("ok"))
print("{!r} {!s}".format("text", "text"))
print("{:*^20}".format(" title "))
print("{:.2%}".format(0.4567), "{:e}".format(12345.678))
width = 10
print("{:>{w}}|".format("dyn", w=width))
