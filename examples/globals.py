# Globals and builtins: look at LIMIT (LOAD_GLOBAL_MODULE) and len (LOAD_GLOBAL_BUILTIN) inside
# the loop; both specialize, because neither dict changes while the loop runs.
LIMIT = 50

def count_short(words):
    count = 0
    for word in words:
        if len(word) < LIMIT:
            count += 1
    return count

words = ["x" * (i % 80) for i in range(300)]
print(count_short(words), "of", len(words), "words are shorter than", LIMIT)
