# A method that calls itself forever.
class Node:
    def __init__(self):
        self.parent = self

    def depth(self):
        return 1 + self.parent.depth()

print(Node().depth())
