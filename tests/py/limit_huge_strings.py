# Strings too big for memory raise MemoryError at once (Anole's text buffers stop at 1 GiB;
# "0".zfill(10**12) once took all of the machine's memory before failing).
for make in (lambda: "ab".zfill(10 ** 12), lambda: "x" * (10 ** 13), lambda: "-" + "y".rjust(10 ** 12)):
    try:
        make()
        print("made it")
    except MemoryError:
        print("MemoryError")
print("-5".zfill(8), "ab".center(7, "*"), "z".ljust(3) + "|")
