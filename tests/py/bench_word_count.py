# Word frequency over an inline text, with punctuation stripped.
TEXT = """
It is a truth universally acknowledged, that a single man in possession of a good
fortune, must be in want of a wife. However little known the feelings or views of
such a man may be on his first entering a neighbourhood, this truth is so well
fixed in the minds of the surrounding families, that he is considered the rightful
property of some one or other of their daughters. "My dear Mr. Bennet," said his
lady to him one day, "have you heard that Netherfield Park is let at last?"
Mr. Bennet replied that he had not. "But it is," returned she; "for Mrs. Long has
just been here, and she told me all about it." Mr. Bennet made no answer.
"""

def words(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch == "'" else " ")
    return "".join(cleaned).split()

all_words = words(TEXT)
freq = {}
for w in all_words:
    freq[w] = freq.get(w, 0) + 1
print("total words:", len(all_words))
print("distinct words:", len(freq))
for word, count in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
    print(f"{word:>10} {count:3} {'#' * count}")
lengths = {}
for w in freq:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, len(lengths[n]), sorted(lengths[n])[:3])
print("longest:", max(freq, key=lambda w: (len(w), w)))
