# An exception in finally replaces the one from the try block.
def work():
    try:
        raise ValueError("original")
    finally:
        raise RuntimeError("from finally")

work()
