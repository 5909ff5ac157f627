# Counting words with a dict and printing the most common.
text = """It was the best of times it was the worst of times it was the age of
wisdom it was the age of foolishness it was the epoch of belief"""
counts = {}
for word in text.lower().split():
    counts[word] = counts.get(word, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:6]:
    print(f"{word:<12}{n:>3}")
print(len(counts), sum(counts.values()))
