# String building: look at the += on a str in the loop (BINARY_OP_INPLACE_ADD_UNICODE) and the
# join on a list of pieces; compare the colors of the two ways of building the same text.
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
