# Keyword-only parameters after * and positional-only before /.
def connect(host, port=80, *, timeout=10, secure=False):
    return f"{host}:{port} timeout={timeout} secure={secure}"

print(connect("example.com"))
print(connect("example.com", 443, secure=True))
print(connect("example.com", timeout=3))
try:
    connect("example.com", 443, 5)
except TypeError as e:
    print("TypeError:", e)
def power(base, exp, /):
    return base ** exp
print(power(2, 8))
try:
    power(base=2, exp=8)
except TypeError as e:
    print("TypeError:", e)
def combo(a, /, b, *, c):
    return (a, b, c)
print(combo(1, 2, c=3), combo(1, b=2, c=3))
def required_kw(*, name):
    return name
try:
    required_kw()
except TypeError as e:
    print("TypeError:", e)
