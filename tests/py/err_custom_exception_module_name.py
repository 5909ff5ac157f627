# A custom exception with no message.
class Empty(Exception):
    pass

raise Empty
