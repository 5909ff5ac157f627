# int() cannot parse a word.
answers = ["42", "17", "forty"]
total = 0
for a in answers:
    total += int(a)
    print("running total", total)
