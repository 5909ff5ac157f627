# The list methods a beginner meets first.
nums = [3, 1, 4]
nums.append(1)
nums.extend([5, 9])
nums.insert(0, 2)
print(nums)
nums.remove(1)
print(nums)
print(nums.pop(), nums.pop(0), nums)
print(nums.index(4), nums.count(1), nums.count(7))
nums.reverse()
print(nums)
copy = nums.copy()
copy.append(100)
print(nums, copy)
nums.clear()
print(nums, len(nums))
stack = []
for i in range(4):
    stack.append(i * i)
while stack:
    print("pop", stack.pop())
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
