# Reading past the end of a list.
colors = ["red", "green", "blue"]
for i in range(4):
    print(i, colors[i])
