# A small Richards-like task scheduler with packets, priorities and queues.
IDLE, WORKER, HANDLER_A, HANDLER_B = range(4)

class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

def append_packet(pkt, queue):
    pkt.link = None
    if queue is None:
        return pkt
    node = queue
    while node.link is not None:
        node = node.link
    node.link = pkt
    return queue

class Task:
    def __init__(self, ident, priority, queue, scheduler):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.scheduler = scheduler
        self.held = False
        self.count = 0

    def runnable(self):
        return not self.held and self.queue is not None or isinstance(self, IdleTask)

    def take_packet(self):
        pkt = self.queue
        if pkt is not None:
            self.queue = pkt.link
        return pkt

class IdleTask(Task):
    def __init__(self, scheduler, count):
        super().__init__(IDLE, 0, None, scheduler)
        self.remaining = count
        self.seed = 1

    def run(self):
        self.remaining -= 1
        if self.remaining == 0:
            return "stop"
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(HANDLER_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(HANDLER_B)

class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        super().__init__(WORKER, 1000, queue, scheduler)
        self.dest = HANDLER_A
        self.letter = 0

    def run(self):
        pkt = self.take_packet()
        if pkt is None:
            return None
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(4):
            self.letter = self.letter % 26 + 1
            pkt.data[i] = self.letter
        self.count += 1
        return self.scheduler.queue_packet(pkt)

class HandlerTask(Task):
    def __init__(self, ident, scheduler):
        super().__init__(ident, 2000 + ident, None, scheduler)
        self.processed = 0

    def run(self):
        pkt = self.take_packet()
        if pkt is None:
            return None
        self.processed += sum(pkt.data)
        self.count += 1
        self.held = True
        self.scheduler.hold_count += 1
        pkt.ident = WORKER
        return self.scheduler.queue_packet(pkt)

class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def release(self, ident):
        self.tasks[ident].held = False
        return None

    def queue_packet(self, pkt):
        target = self.tasks[pkt.ident]
        self.queue_count += 1
        target.queue = append_packet(pkt, target.queue)
        return None

    def schedule(self):
        order = sorted(self.tasks.values(), key=lambda t: -t.priority)
        steps = 0
        while True:
            for task in order:
                if task.runnable():
                    steps += 1
                    if task.run() == "stop":
                        return steps
                    break

s = Scheduler()
packets = None
for i in range(4):
    packets = append_packet(Packet(None, WORKER, 0), packets)
s.add(IdleTask(s, 3000))
s.add(WorkerTask(s, packets))
s.add(HandlerTask(HANDLER_A, s))
s.add(HandlerTask(HANDLER_B, s))
steps = s.schedule()
print("steps", steps)
print("queued", s.queue_count, "held", s.hold_count)
for ident in sorted(s.tasks):
    t = s.tasks[ident]
    print(ident, type(t).__name__, t.count, getattr(t, "processed", "-"))
