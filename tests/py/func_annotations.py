# Type annotations are stored but not enforced.
def scale(value: float, factor: int = 2) -> float:
    return value * factor

print(scale(1.5), scale("ab", 3))
print(scale.__annotations__)
def untyped(a, b):
    return a
print(untyped.__annotations__)
count: int = 5
name: str
print(__annotations__)
class Point:
    x: int
    y: int = 0
print(Point.__annotations__, Point.y)
def items(xs: list[int]) -> dict[str, int]:
    return {str(x): x for x in xs}
print(items([1, 2]))
print(items.__annotations__["return"])
