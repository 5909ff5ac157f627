# Defining exception hierarchies with extra attributes.
class AppError(Exception):
    """Base class for this application's errors."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field

class NotFound(AppError):
    pass

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "is required")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "must be non-negative")
    if user["name"] == "ghost":
        raise NotFound("no such user")
    return "ok"

for user in [{"name": "ada", "age": 3}, {}, {"name": "x", "age": -1}, {"name": "ghost"}]:
    try:
        print(validate(user))
    except ValidationError as e:
        print("invalid", e.field, "-", e)
    except AppError as e:
        print("app error:", type(e).__name__, e, e.args)
e = ValidationError("f", "m")
print(repr(e), e.args, isinstance(e, Exception))
class WithStr(Exception):
    def __str__(self):
        return "custom text"
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args)
