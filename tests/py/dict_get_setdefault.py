# get with defaults and setdefault for grouping.
colors = {"red": "#f00", "green": "#0f0"}
print(colors.get("red"), colors.get("blue"), colors.get("blue", "#00f"))
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
groups = {}
for w in words:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(groups.setdefault("a", None) is groups["a"], groups.setdefault("z"), groups["z"])
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
