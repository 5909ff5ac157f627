# An uncaught custom exception class.
class InsufficientFundsError(Exception):
    pass

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFundsError(f"balance {balance} is less than {amount}")
    return balance - amount

print(withdraw(100, 30))
print(withdraw(100, 130))
