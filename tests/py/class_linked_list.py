# A singly linked list with iteration and reversal.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in reversed(list(values)):
            self.push(v)

    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __len__(self):
        return self.size

    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev

    def __repr__(self):
        return " -> ".join(str(v) for v in self) or "(empty)"

ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll))
ll.push(0)
print(ll)
ll.reverse()
print(ll, list(ll), sum(ll))
print(LinkedList())
