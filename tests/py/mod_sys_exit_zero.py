# SystemExit can be caught; sys.exit(0) ends the program successfully.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no argument gives", e.code)
for i in range(10):
    if i == 3:
        print("exiting at", i)
        sys.exit(0)
