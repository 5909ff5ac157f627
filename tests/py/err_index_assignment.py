# Assigning to a list index that does not exist.
slots = [0] * 3
slots[3] = 1
