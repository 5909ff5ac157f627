# String operations: `a + b` on two strs is BINARY_OP_ADD_UNICODE; `s += t` where s is a local
# stored right back is BINARY_OP_INPLACE_ADD_UNICODE; == on strs before a jump is COMPARE_OP_STR_JUMP.
def greet(first, last):
    return first + " " + last

def build(parts):
    s = ""
    for p in parts:
        s += p
    return s

def count_eq(words, target):
    n = 0
    for w in words:
        if w == target:
            n += 1
    return n

names = []
for i in range(30):
    names.append(greet("Ada", "L" + str(i)))
print(names[-1], len(build(names)), count_eq(names * 2, "Ada L7"))
