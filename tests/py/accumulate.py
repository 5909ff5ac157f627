# A running balance with interest, rounded for printing.
balance = 1000.0
rate = 0.05
year = 0
while balance < 2000:
    balance = balance * (1 + rate)
    year += 1
    if year % 5 == 0:
        print("year", year, "balance", round(balance, 2))
print("doubled after", year, "years:", round(balance, 2))

def compound(p, r, years):
    for i in range(years):
        p = p + p * r
    return p

print(compound(100, 0.1, 3))
print(round(compound(100, 0.1, 3), 2))
print(compound(100, 1, 10))
