# BINARY_SUBSCR_DICT must still raise KeyError for a missing key once specialized.
def lookup(d, k):
    return d[k]

table = {"a": 1, "b": 2}
found = missing = 0
for i in range(200):
    key = "a" if i % 3 else "zz"
    try:
        found += lookup(table, key)
    except KeyError as e:
        missing += 1
        last = e
print(found, missing, repr(last), last.args)
