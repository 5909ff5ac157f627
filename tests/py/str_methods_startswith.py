# startswith and endswith, including tuples of prefixes.
files = ["report.pdf", "notes.txt", "image.PNG", "script.py", "data.csv", "README"]
for f in files:
    print(f, f.endswith(".txt"), f.lower().endswith((".png", ".jpg")), f.startswith(("re", "RE")))
print("hello".startswith("he", 0), "hello".startswith("ll", 2), "hello".endswith("ll", 0, 4))
print("".startswith(""), "abc".endswith(""))
