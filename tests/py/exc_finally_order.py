# The order in which try, except, else and finally blocks run.
def trace(fail):
    order = []
    try:
        order.append("try")
        if fail:
            raise RuntimeError("boom")
        order.append("try-end")
    except RuntimeError:
        order.append("except")
    else:
        order.append("else")
    finally:
        order.append("finally")
    order.append("after")
    return order

print(trace(False))
print(trace(True))
def nested():
    try:
        try:
            print("inner try")
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer except", e)
    finally:
        print("outer finally")
nested()
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
