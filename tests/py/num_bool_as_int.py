# bool is a subclass of int: True is 1 and False is 0.
print(True + True, True * 10, False - 1, True / 2)
print(isinstance(True, int), issubclass(bool, int), type(True))
print(sum([True, False, True, True]))
scores = [55, 72, 91, 40, 66]
print(sum(s >= 60 for s in scores))
print(True == 1, False == 0, True == 1 == 1.0)
print(["no", "yes"][True], ["no", "yes"][False])
print(hash(True), hash(False), int(True))
print(str(True), repr(False), bool(0), bool(-1), bool(0.0), bool(""), bool("0"), bool([]), bool([0]))
d = {1: "one", True: "true?"}
print(d)
print(True & False, True | False, True ^ True, ~True)
