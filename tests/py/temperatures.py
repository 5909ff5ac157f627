# Convert a week of temperatures and report the average.
readings = [12.5, 14.0, 9.5, 17.25, 21.0, 18.5, 11.0]

def to_fahrenheit(c):
    return c * 9 / 5 + 32

total = 0.0
count = 0
for c in readings:
    f = to_fahrenheit(c)
    print(c, "C is", f, "F")
    total += c
    count += 1

print("days:", count, "len:", len(readings))
average = total / count
print("average:", average)
print("rounded:", round(average, 2))
print("warm days:", [c for c in readings if c > 15])
print("freezing point:", to_fahrenheit(0), "boiling:", to_fahrenheit(100))
