# Stack and queue classes; a bracket matcher built on the stack.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        return self._items.pop()
    def peek(self):
        return self._items[-1]
    def is_empty(self):
        return not self._items
    def __len__(self):
        return len(self._items)

class Queue:
    def __init__(self):
        self._in, self._out = [], []
    def enqueue(self, item):
        self._in.append(item)
    def dequeue(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        return self._out.pop()

def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if s.is_empty() or s.pop() != pairs[ch]:
                return False
    return s.is_empty()

for t in ["(a[b]{c})", "([)]", "((", "", "{[()()]}"]:
    print(repr(t), balanced(t))
q = Queue()
for i in range(3):
    q.enqueue(i)
print(q.dequeue(), q.dequeue())
q.enqueue(3)
print(q.dequeue(), q.dequeue())
