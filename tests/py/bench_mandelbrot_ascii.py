# An ASCII Mandelbrot set with an iteration checksum.
def mandel(cx, cy, limit):
    x = y = 0.0
    for n in range(limit):
        x, y = x * x - y * y + cx, 2 * x * y + cy
        if x * x + y * y > 4.0:
            return n
    return limit

total = 0
for row in range(21):
    line = ""
    for col in range(60):
        cx = -2.2 + col * 0.05
        cy = -1.0 + row * 0.1
        n = mandel(cx, cy, 50)
        total += n
        line += "#" if n == 50 else "+" if n > 10 else "." if n > 4 else " "
    print(line.rstrip())
print("checksum", total)
