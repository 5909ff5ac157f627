# Concatenating a str and an int.
age = 30
message = "Age: " + age
print(message)
