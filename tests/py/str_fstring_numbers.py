# Number format specs: thousands separators, bases, exponent and percent.
n = 1234567890
print(f"{n:,}", f"{n:_}", f"{-n:,}")
print(f"{1234567.891:,.2f}")
print(f"{255:x} {255:X} {255:#x} {255:b} {255:#b} {255:o} {255:#o}")
print(f"{5:08b} {255:04x}")
print(f"{12345.6789:e} {12345.6789:.2e} {0.000123:E}")
print(f"{0.25:%} {0.25:.1%} {1.5:.0%}")
print(f"{1e-7:g} {123456789.0:g} {0.5:g} {100:g}")
print(f"{3:.2f} {7:e}")
print(f"{65:c}")
