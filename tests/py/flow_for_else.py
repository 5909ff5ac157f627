# for ... else runs the else block only when the loop did not break.
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")

for n in [7, 12, 29, 49]:
    find_prime_factor(n)
for x in []:
    print("never")
else:
    print("empty loop still runs else")
for i in range(3):
    if i == 10:
        break
    continue
else:
    print("continue does not skip else")
