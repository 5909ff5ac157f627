# f-string format specs: width, fill, alignment and precision.
pi = 3.14159265
print(f"[{pi:10.3f}]")
print(f"[{pi:<10.2f}]")
print(f"[{pi:^10.1f}]")
print(f"[{pi:*>12.4f}]")
print(f"[{'text':>8}] [{'text':<8}] [{'text':^8}] [{'text':_^9}]")
print(f"[{42:5}] [{42:<5}] [{42:05}] [{-42:05}] [{42:+}] [{42: }]")
print(f"[{'abcdef':.3}] [{'abcdef':8.2}]")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}]")
print(f"[{pi:=+10.2f}]")
for n in [1, 22, 333]:
    print(f"{n:>4}|{n * n:>7}|")
