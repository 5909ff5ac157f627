# partition and rpartition split around the first or last separator.
print("key=value".partition("="))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
url = "https://example.com/path/page.html"
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
print(scheme, host, path)
print(path.rpartition("/")[2])
