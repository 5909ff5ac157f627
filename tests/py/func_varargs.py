# *args collects extra positional arguments into a tuple.
def total(*numbers):
    print(type(numbers).__name__, numbers)
    result = 0
    for n in numbers:
        result += n
    return result

print(total())
print(total(1, 2, 3))
print(total(*range(5)))
def log(prefix, *messages, sep=" "):
    print(prefix + ":", sep.join(messages))
log("INFO", "all", "good")
log("WARN", "a", "b", "c", sep="|")
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(1), first_and_rest(1, 2, 3))
