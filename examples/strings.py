# String building: look at text += ... (green: BINARY_OP_INPLACE_ADD_UNICODE), pieces.append and
# "".join, and at i % 10 (red: 3.11 has no specialized form of %).
def build_plus(n):
    text = ""
    for i in range(n):
        text += str(i % 10)
    return text

def build_join(n):
    pieces = []
    for i in range(n):
        pieces.append(str(i % 10))
    return "".join(pieces)

a = build_plus(500)
b = build_join(500)
print(len(a), a == b, a[:20])
