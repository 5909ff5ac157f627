# A class-heavy simulation: grass, rabbits and foxes on a ring of fields.
# Look at World.tick: three classes take turns at creature.alive and creature.step(self),
# so both keep missing and re-specializing (hover them for the counts); the run ends with
# one red, the other green. self.energy in the methods is green (instance attributes);
# self.SPEED in Animal.move is yellow: 3.11 does not specialize a class attribute read
# through an instance.


class Creature:
    SPEED = 0

    def __init__(self, position, energy):
        self.position = position
        self.energy = energy
        self.alive = True

    def step(self, world):
        raise NotImplementedError


class Grass(Creature):
    def step(self, world):
        if self.energy < 5:
            self.energy += 1


class Animal(Creature):
    def move(self, world):
        self.position = (self.position + self.SPEED) % world.size
        self.energy -= 1
        if self.energy <= 0:
            self.alive = False

    def breed(self, world, threshold):
        if self.energy >= threshold:
            self.energy //= 2
            world.born.append(type(self)(self.position, self.energy))


class Rabbit(Animal):
    SPEED = 1

    def step(self, world):
        self.move(world)
        grass = world.grass[self.position]
        if grass.energy >= 2:
            grass.energy -= 2
            self.energy += 2
        self.breed(world, 8)


class Fox(Animal):
    SPEED = 3

    def step(self, world):
        self.move(world)
        for other in world.creatures:
            if type(other) is Rabbit and other.alive and other.position == self.position:
                other.alive = False
                self.energy += 6
                break
        self.breed(world, 20)


class World:
    def __init__(self, size):
        self.size = size
        self.grass = [Grass(i, 3) for i in range(size)]
        self.creatures = list(self.grass)
        self.born = []

    def add(self, creature):
        self.creatures.append(creature)

    def tick(self):
        for creature in self.creatures:
            if creature.alive:
                creature.step(self)
        self.creatures = [c for c in self.creatures if c.alive] + self.born
        self.born = []

    def census(self):
        counts = {"Rabbit": 0, "Fox": 0}
        for creature in self.creatures:
            name = type(creature).__name__
            if name in counts:
                counts[name] += 1
        return counts


world = World(40)
for i in range(0, 40, 4):
    world.add(Rabbit(i, 5))
world.add(Fox(1, 12))
world.add(Fox(21, 12))
for day in range(1, 61):
    world.tick()
    if day % 10 == 0:
        counts = world.census()
        print(f"day {day}: {counts['Rabbit']} rabbits, {counts['Fox']} foxes")
