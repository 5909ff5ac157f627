# NameError inside a function call.
def report():
    print("reporting")
    print(undefined_report_total)

report()
