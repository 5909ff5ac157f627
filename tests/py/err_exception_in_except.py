# A NameError inside an except block chains with the original.
try:
    int("abc")
except ValueError as e:
    print("caught", e)
    print(undefined_handler_name_qq)
