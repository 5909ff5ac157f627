# Slicing lists with start, stop and step.
nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[:-7])
print(nums[::2], nums[1::2], nums[::-1], nums[::-3])
print(nums[8:2:-2], nums[-1:-4:-1], nums[5:100], nums[100:])
print(nums[slice(1, 8, 3)], nums[slice(None, None, -4)])
s = slice(2, 9, 2)
print(s.start, s.stop, s.step, nums[s])
matrix_row = nums[:]
print(matrix_row == nums, matrix_row is nums)
print((0, 1, 2, 3, 4)[1:4], (0, 1, 2, 3)[::-1])
