# raise ... from shows both tracebacks joined by the direct-cause message.
class ConfigError(Exception):
    pass

def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("invalid port setting") from e

print(parse_port("8080"))
print(parse_port("eighty"))
