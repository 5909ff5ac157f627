# A bare raise re-raises the current exception with its traceback.
def parse(text):
    return int(text)

try:
    parse("x1")
except ValueError:
    print("logging the failure")
    raise
