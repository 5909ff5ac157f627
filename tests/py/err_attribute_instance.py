# Reading an attribute that was never set.
class Robot:
    def __init__(self, model):
        self.model = model

r = Robot("R2")
print(r.model)
print(r.weapons)
