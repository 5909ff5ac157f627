# str.split with and without a separator, and with maxsplit.
line = "  the quick  brown   fox  "
print(line.split())
print(line.split(" "))
print("a,b,,c,".split(","))
print("a,b,c,d".split(",", 2))
print("one  two three".split(None, 1))
print("".split(), "".split(","))
print("2024-01-15".split("-"))
print("key=value=more".split("=", 1))
csv = "name,age,city\nAda,36,London\nLinus,28,Helsinki"
for row in csv.split("\n"):
    fields = row.split(",")
    print(len(fields), fields)
print("a::b::c".split("::"))
