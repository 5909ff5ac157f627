# Every comparison operator on ints, floats and strs, followed by forward and backward
# conditional jumps, warmed up so that the specialized COMPARE_OP_*_JUMP forms run.
def forward(a, b):
    r = []
    if a < b: r.append("<")
    if a <= b: r.append("<=")
    if a == b: r.append("==")
    if a != b: r.append("!=")
    if a > b: r.append(">")
    if a >= b: r.append(">=")
    if not a < b: r.append("!<")
    if not a <= b: r.append("!<=")
    if not a == b: r.append("!==")
    if not a != b: r.append("!!=")
    if not a > b: r.append("!>")
    if not a >= b: r.append("!>=")
    return " ".join(r)

def strs(a, b):
    r = []
    if a == b: r.append("==")
    if a != b: r.append("!=")
    if not a == b: r.append("!==")
    if not a != b: r.append("!!=")
    return " ".join(r)

def backward(n, step):
    counts = []
    i = 0
    while i < n: i += step
    counts.append(i)
    i = 0
    while i <= n: i += step
    counts.append(i)
    i = n
    while i > 0: i -= step
    counts.append(i)
    i = n
    while i >= 0: i -= step
    counts.append(i)
    i = 0
    while i != n: i += 1
    counts.append(i)
    return counts

pairs = [(1, 2), (2, 2), (3, 2), (-5, 5), (1.5, 2.5), (2.5, 2.5), (3.5, -2.5), (-0.0, 0.0)]
for _ in range(30):
    out = [forward(a, b) for a, b in pairs]
    out += [strs(a, b) for a, b in [("a", "a"), ("a", "b"), ("", "x")]]
    out.append(backward(10, 3))
    out.append(backward(7.0, 0.5) if False else backward(12, 4))
print(out)
print(forward(float("nan"), 1.0), "|", forward(1.0, float("nan")))
print(forward(2 ** 40, 2 ** 40 + 1), "|", forward(2 ** 31, 2))
