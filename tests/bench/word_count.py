# Word counting: string methods, dicts and sorting.
WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
         "sigma tau upsilon phi chi psi omega").split()
LINES = 200000

def make_line(i):
    parts = []
    for k in range(8):
        w = WORDS[(i * 7 + k * 13) % len(WORDS)]
        parts.append(w.upper() if (i + k) % 5 == 0 else w)
    return " ".join(parts) + ("." if i % 3 else ",")

counts = {}
chars = 0
for i in range(LINES):
    line = make_line(i)
    chars += len(line)
    for word in line.lower().strip(".,").split():
        counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(chars, len(counts), top)
