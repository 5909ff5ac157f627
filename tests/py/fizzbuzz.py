# FizzBuzz with elif, and the same rule counted with continue and break.
for i in range(1, 21):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)

fizz = 0
n = 0
while True:
    n += 1
    if n > 100:
        break
    if n % 3 != 0:
        continue
    fizz += 1
print("multiples of 3 up to 100:", fizz)
