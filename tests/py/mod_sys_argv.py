# sys.argv holds the script name; sys.stdout and sys.stderr are file objects.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith(".py"))
print(sys.version_info[:2] == (3, 11), sys.version_info.major)
print(type(sys.maxsize).__name__, sys.maxsize > 2 ** 31)
sys.stdout.write("written with sys.stdout.write\n")
print("printed with file=sys.stdout", file=sys.stdout)
sys.stderr.write("a line on stderr\n")
print("a print to stderr", file=sys.stderr)
print("done")
