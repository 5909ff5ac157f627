# Chaining generators into a data pipeline.
log = """INFO start
WARN disk 91%
INFO step 1
ERROR failed to open file
INFO step 2
ERROR timeout
WARN disk 95%"""

def lines(text):
    for line in text.splitlines():
        yield line

def parse(lines):
    for line in lines:
        level, _, message = line.partition(" ")
        yield level, message

def only(records, wanted):
    for level, message in records:
        if level in wanted:
            yield f"[{level}] {message}"

for entry in only(parse(lines(log)), {"ERROR", "WARN"}):
    print(entry)
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(list(take(5, (n * n for n in naturals() if n % 3 == 0))))
