# A richards-style scheduler: objects, attributes, method calls and a little polymorphism.
ROUNDS = 100000

class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0

class Task:
    def __init__(self, ident, priority, queue):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.count = 0

    def take(self):
        p = self.queue
        if p is not None:
            self.queue = p.link
            p.link = None
        return p

    def give(self, packet):
        packet.link = None
        if self.queue is None:
            self.queue = packet
            return
        q = self.queue
        while q.link is not None:
            q = q.link
        q.link = packet

class Worker(Task):
    def run(self, sched):
        p = self.take()
        if p is None:
            return 0
        p.datum = (p.datum + self.priority) % 251
        self.count += 1
        sched.route(p, (self.ident + 1) % len(sched.tasks))
        return 1

class Handler(Task):
    def run(self, sched):
        p = self.take()
        if p is None:
            return 0
        p.datum ^= self.ident * 7
        self.count += 2
        sched.route(p, (self.ident + 3) % len(sched.tasks))
        return 1

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.routed = 0

    def add(self, task):
        self.tasks.append(task)

    def route(self, packet, target):
        self.routed += 1
        self.tasks[target].give(packet)

    def run(self, rounds):
        done = 0
        for _ in range(rounds):
            for t in self.tasks:
                done += t.run(self)
        return done

s = Scheduler()
for i in range(8):
    cls = Worker if i % 2 == 0 else Handler
    queue = None
    for k in range(3):
        queue = Packet(queue, k, i % 3)
    s.add(cls(i, i + 1, queue))
done = s.run(ROUNDS)
print(done, s.routed, sum(t.count for t in s.tasks))
