# Generator expressions are lazy and single-use.
squares = (x * x for x in range(6))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(any(n > 5 for n in [1, 2, 9]), all(n > 0 for n in [1, -2, 3]))
print(sorted((c for c in "generator" if c not in "aeiou"), reverse=True))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
def noisy(n):
    for i in range(n):
        print("  producing", i)
        yield i
print(next(x * 10 for x in noisy(100) if x > 1))
print(dict((k, len(k)) for k in ["x", "yy"]))
