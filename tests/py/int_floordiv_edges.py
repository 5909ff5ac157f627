# Floor division and remainder around the 32-bit fast path of num_floor_divmod (INT32_MIN // -1 included).
vals = [0, 1, -1, 2, -2, 7, -7, 2**31 - 1, -2**31, -2**31 + 1, 2**31, -2**31 - 1, 2**40 + 3, -(2**40) - 3, 2**47 - 1, -2**47]
out = []
for x in vals:
    for y in vals:
        if y:
            out.append((x // y, x % y, divmod(x, y)))
print(len(out), hash(tuple(out)))
print(out[:40])
