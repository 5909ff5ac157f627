# Docstrings are stored in __doc__.
def area(r):
    """Return the area of a circle of radius r."""
    return 3.14159 * r * r

def no_doc():
    pass

class Shape:
    """A geometric shape."""
    def name(self):
        """The shape's name."""
        return "shape"

print(area.__doc__)
print(no_doc.__doc__)
print(Shape.__doc__, Shape.name.__doc__)
def multi():
    """First line.

    More detail here.
    """
print(multi.__doc__.splitlines()[0])
print(len(multi.__doc__.splitlines()))
