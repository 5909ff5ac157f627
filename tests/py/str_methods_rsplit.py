# str.rsplit splits from the right, which only matters with maxsplit.
path = "home/user/docs/report.final.txt"
print(path.rsplit("/", 1))
print(path.rsplit(".", 1))
print(path.rsplit("/"))
print("a b c d".rsplit(None, 2))
print("  x  y  ".rsplit())
print("a,b,c".rsplit(",", 0))
name, ext = "archive.tar.gz".rsplit(".", 1)
print(name, ext)
