# Names refer to objects: aliasing, shallow copies and nested lists.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c, a is c, a == c[:4])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
outer = [[1, 2], [3, 4]]
shallow = list(outer)
shallow[0].append(99)
shallow.append([5])
print(outer, shallow)
def add_item(lst, item):
    lst.append(item)
add_item(a, "x")
print(a)
