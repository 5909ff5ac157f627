# sys.exit with an integer sets the exit status; code after it never runs.
import sys
print("about to exit")
sys.exit(3)
print("not reached")
