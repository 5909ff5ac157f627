# Raising a built-in exception with a message.
def set_age(age):
    if age < 0:
        raise ValueError(f"age must be >= 0, got {age}")
    return age

print(set_age(10))
set_age(-3)
