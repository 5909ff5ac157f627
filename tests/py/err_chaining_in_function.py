# Implicit chaining through function calls.
def read_config(d):
    return d["path"]

def load(d):
    try:
        return read_config(d)
    except KeyError:
        return fallback()

def fallback():
    return [][0]

load({})
