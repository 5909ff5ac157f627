# f-strings in a warm loop: a constant format spec is a plain LOAD_CONST (no BUILD_STRING) and
# nested specs are joined; the colors of the span depend on getting those instruction counts right.
rows = [(i, i * 1.5, "item%d" % i) for i in range(20)]
total = 0.0
lines = []
for n, value, name in rows:
    total = total + value
    width = n % 5 + 3
    lines.append(f"{n:2}|{value:8.2f}|{name:>{width}}|{total}")
print(len(lines), lines[0], lines[-1])
