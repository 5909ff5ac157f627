# Two equals signs in an assignment.
print("this line never runs")
x = = 1
print(x)
