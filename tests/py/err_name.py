# A variable that was never assigned: the loop runs, then the lookup fails.
distance = 0
for step in range(3):
    distance += step
    print("step", step)
print("speed", speed)
