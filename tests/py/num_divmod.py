# divmod returns the quotient and the remainder together.
print(divmod(17, 5))
print(divmod(-17, 5))
print(divmod(17, -5))
print(divmod(-17, -5))
print(divmod(17.5, 5))
print(divmod(-17.5, 5))
seconds = 98765
minutes, secs = divmod(seconds, 60)
hours, minutes = divmod(minutes, 60)
days, hours = divmod(hours, 24)
print(f"{days}d {hours}h {minutes}m {secs}s")
def to_base(n, base):
    digits = []
    while n:
        n, r = divmod(n, base)
        digits.append("0123456789abcdef"[r])
    return "".join(reversed(digits)) or "0"
print(to_base(255, 2), to_base(255, 16), to_base(1000, 7), to_base(0, 3))
