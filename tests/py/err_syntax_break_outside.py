# break outside of a loop.
x = 1
if x:
    break
