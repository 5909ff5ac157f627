# **kwargs collects extra keyword arguments into a dict.
def make_tag(name, **attrs):
    parts = [name]
    for key, value in attrs.items():
        parts.append(f'{key}="{value}"')
    return "<" + " ".join(parts) + ">"

print(make_tag("br"))
print(make_tag("a", href="/home", title="Home"))
print(make_tag("img", src="cat.png", alt="a cat", width=100))
def show(*args, **kwargs):
    print(args, kwargs)
show()
show(1, 2, x=3)
show(*[1, 2], **{"y": 4, "z": 5})
def wrapper(*args, **kwargs):
    return make_tag(*args, **kwargs)
print(wrapper("p", id="intro"))
