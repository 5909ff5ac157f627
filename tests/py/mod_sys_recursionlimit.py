# Reading and raising the recursion limit.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
print(depth(2500))
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
