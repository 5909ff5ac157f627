# Python's sort is stable: equal keys keep their original order.
records = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 2)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
by_num_rev = sorted(records, key=lambda r: r[1], reverse=True)
print(by_num_rev)
students = [("Zoe", "B"), ("Adam", "A"), ("Mia", "B"), ("Liam", "A"), ("Ella", "C")]
students.sort(key=lambda s: s[0])
students.sort(key=lambda s: s[1])
for name, grade in students:
    print(grade, name)
