# The time module can be called, but its values are not printed.
import time
start = time.time()
t0 = time.perf_counter()
total = 0
for i in range(10000):
    total += i
elapsed = time.perf_counter() - t0
end = time.time()
print(total)
print(end >= start, elapsed >= 0, type(start).__name__, type(elapsed).__name__)
m = time.monotonic()
print(time.monotonic() >= m)
time.sleep(0.001)
print("slept")
