# An exception inside a generator propagates to the consumer.
def parse_numbers(items):
    for item in items:
        yield int(item)

total = 0
for n in parse_numbers(["1", "2", "three", "4"]):
    total += n
    print("total", total)
