# A bank account class with validation and a transaction log.
class InsufficientFunds(Exception):
    pass

class Account:
    interest_rate = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"cannot withdraw {amount}, balance is {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest_rate), 2)

    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"

acct = Account("Ada", 100)
acct.deposit(50)
acct.withdraw(30)
for amount in [500, -5]:
    try:
        if amount > 0:
            acct.withdraw(amount)
        else:
            acct.deposit(amount)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__ + ":", e)
acct.add_interest()
print(acct)
print(acct.history)
class Savings(Account):
    interest_rate = 0.05
s = Savings("Bob", 1000)
s.add_interest()
print(s, Account.interest_rate)
