# @staticmethod and @classmethod, including alternative constructors.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day

    @classmethod
    def from_string(cls, text):
        y, m, d = (int(p) for p in text.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"))
print(MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date.is_leap(2024), Date(1, 1, 1).is_leap(2023))
class Registry:
    count = 0
    @classmethod
    def register(cls):
        cls.count += 1
        return cls.count
print(Registry.register(), Registry.register(), Registry().register(), Registry.count)
