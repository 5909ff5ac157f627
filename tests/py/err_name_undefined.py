# Using a variable that was never defined.
width = 4
height = 5
print(width * height)
print(width * height * zdepth_value_qq)
