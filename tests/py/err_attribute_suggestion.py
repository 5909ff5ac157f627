# A misspelled attribute: CPython 3.11 suggests the close match.
class Account:
    def __init__(self):
        self.balance = 10

a = Account()
print(a.balanse)
