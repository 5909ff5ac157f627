class Stack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def empty(self):
        return not self.items

def balanced(text):
    s = Stack()
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if s.empty() or s.pop() != pairs[ch]:
                return False
    return s.empty()

tests = ["(a[b]{c})", "((]", "{[()()]}" * 5, "(" * 10 + ")" * 10, "x"]
print([balanced(t) for t in tests * 4])
words = " ".join(t.strip().lower().replace("(", "") for t in tests)
print(words.upper().count("A"), words.split()[:2], "-".join(words.split("[")))
