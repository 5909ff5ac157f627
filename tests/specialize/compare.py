# Comparisons that feed a conditional jump specialize (COMPARE_OP_INT_JUMP, _FLOAT_JUMP);
# a comparison whose result is stored stays plain COMPARE_OP. A `while` condition is repeated at
# the loop's end as a conditional backward jump, which in 3.11 does not warm the code up: halve()
# runs twice and is never quickened, while shrink() is called often enough to be.
def count_small(n):
    small = 0
    for i in range(n):
        if i < 50:
            small += 1
    return small

def halve(x):
    steps = 0
    while x > 1.0:
        x = x / 2
        steps += 1
    return steps

def shrink(x):
    steps = 0
    while x > 1.5:
        x = x * 0.5
        steps += 1
    if x < 1.25:
        steps += 100
    return steps

def flags(n):
    ups = 0
    for i in range(n):
        up = i >= 10
        if up:
            ups += 1
    return ups

def mixed_compare(n):
    hits = 0
    x = 0.5
    for i in range(n):
        if i > x:
            hits += 1
    return hits

print(count_small(200))
print(halve(1e30), halve(3.0e40))
total = 0
for i in range(40):
    total += shrink(i * 2.5)
print(total)
print(flags(150))
print(mixed_compare(150))
