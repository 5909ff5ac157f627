# while ... else and loops with sentinel conditions.
n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("loop ended normally")
target = 17
guess_low, guess_high = 0, 100
steps = 0
while guess_low <= guess_high:
    mid = (guess_low + guess_high) // 2
    steps += 1
    if mid == target:
        print("found", mid, "in", steps, "steps")
        break
    elif mid < target:
        guess_low = mid + 1
    else:
        guess_high = mid - 1
else:
    print("not found")
i = 10
while True:
    i -= 3
    if i < 0:
        break
print(i)
