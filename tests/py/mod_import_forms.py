# Different import forms.
import math
import math as m
from math import floor, ceil
from math import factorial as fact
import random, sys
print(m is math, floor(2.5), ceil(2.5), fact(6))
print(math.__name__, type(math).__name__)
print(hasattr(random, "seed"), hasattr(sys, "argv"))
def local_import():
    import math
    return math.sqrt(81)
print(local_import())
