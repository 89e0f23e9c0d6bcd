"""Fair, bounded, cost-aware dynamic batching with atomic group admission.

A batch holds groups with identical settings (`batch_key`), at most `max_candidates`
candidates and at most `max_batch_seconds` of estimated compute (a single larger group runs
alone). A group's N candidates are admitted whole or not at all, each group keeps its own
noise and acceleration pivots, and a group that fails inside a batch fails alone
(`run_groups`), so batching changes no group's result beyond float rounding.

Scheduling is start-time fair queueing over tenants (API keys): each group gets a start tag
max(virtual time, its tenant's last finish tag) and the queue serves the smallest tag. Without
preemption a tenant sending large groups would still delay another tenant's small group by the
whole batch running when it arrives; so between two denoising steps of a running batch, a waiting
group whose start tag is below the virtual time the running batch has reached (the furthest of its
groups' start tags plus the part of its estimated seconds already run) runs first, as a batch of its own
nested in the paused one (`_preempting`). The paused batch's latents and sampler state stay on the
engine thread's stack and continue untouched afterwards, and the accelerations' per-batch state is
a context variable the nested batch sets and restores, so every group's result is the one it gets
alone. One level of nesting bounds the memory paused batches hold.

The queue is bounded in groups and in estimated seconds of work
(`QueueFull`, answered 503 with Retry-After) and no tenant's waiting work past its share of those bounds
(`ShareFull`, 429 with Retry-After); a queued group whose client has gone is
dropped (`cancel`) before it costs anything. One worker thread runs the engine; `LocalRunner` is the
`GroupRunner` (`runner.py`) the single-process server hands admitted groups to.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace

from obclip.cloud.engine import batch_key
from obclip.protocol import CloudRequest, Handoff
from obclip.server.admission import AdmissionError
from obclip.server.config import BatcherConfig
from obclip.server.runner import NO_METRICS, BatchStopped, Metrics, check_room, group_failed, run_groups

log = logging.getLogger("obclip.server")
PREEMPT_DEPTH = 1  # a paused batch keeps its latents in memory while the nested one runs: one level bounds that


@dataclass
class Job:
    """One admitted group waiting for (or in) a batch."""

    request: CloudRequest
    tenant: str
    seconds: float
    future: Future = field(default_factory=Future)
    start_tag: float = 0.0
    arrived: float = field(default_factory=time.monotonic)
    started: float | None = None  # when its batch began (queue time = started - arrived)
    seq: int = 0
    gone: threading.Event = field(default_factory=threading.Event)  # its client left while it ran
    rid: str = ""  # request id, for logs and the batch trace only
    ticket: str = ""  # its place in a Ray app's queue (`ray_tenants.Reservations`), given back when its batch starts


class Batcher:
    """Feeds `run_batch` (an engine's `run_batch`, or anything with its signature) from a fair queue."""

    def __init__(self, run_batch: Callable[[list[CloudRequest]], list[Handoff]], config: BatcherConfig) -> None:
        self.run_batch, self.config = run_batch, config
        self._queue: list[Job] = []
        self._cond = threading.Condition()
        self._virtual = 0.0
        self._finish: dict[str, float] = {}
        self._seq = itertools.count()
        self._closed = False
        self.stats = {"batches": 0, "groups": 0, "prompts": 0, "failed": 0, "cancelled": 0, "stopped": 0,
                      "preempted": 0, "running": 0}  # running: groups in the batches running (or paused) now  # fmt: skip
        self.on_batch: Callable[[list[Job]], None] = lambda jobs: None  # metrics and trace hook
        self.on_virtual: Callable[[float], None] = lambda tag: None  # the clock moved (Ray: to the app's ledger)
        self._thread = threading.Thread(target=self._loop, name="obclip-batcher", daemon=True)
        self._thread.start()

    def waiting(self) -> list[tuple[str, float]]:
        """(tenant, estimated seconds) of each queued group: what `check_room` weighs a new group against."""
        with self._cond:
            return [(j.tenant, j.seconds) for j in self._queue]

    def queued_seconds(self) -> float:
        with self._cond:
            return sum(j.seconds for j in self._queue)

    def submit(self, request: CloudRequest, tenant: str = "", seconds: float = 0.0, rid: str = "",
               start_tag: float | None = None, ticket: str = "") -> Job:  # fmt: skip
        """Queues one group; raises `QueueFull` when the queue is at a bound. `start_tag` comes from a clock shared
        with other queues (a Ray app's ledger), else from this queue's own; `ticket` is the group's place in such
        an app's queue (`on_batch` sees it when the group leaves this queue)."""
        with self._cond:
            check_room(self.config, [(j.tenant, j.seconds) for j in self._queue], tenant, seconds)
            job = Job(request, tenant, seconds, seq=next(self._seq), rid=rid, ticket=ticket)
            job.start_tag = max(self._virtual, self._finish.get(tenant, 0.0)) if start_tag is None else start_tag
            self._finish[tenant] = job.start_tag + seconds
            self._queue.append(job)
            self._cond.notify()
            return job

    def cancel(self, job: Job) -> bool:
        """Drops a queued job (its client has gone); False if it already runs or ran."""
        with self._cond:
            if job in self._queue and job.future.cancel():
                self._queue.remove(job)
                self.stats["cancelled"] += 1
                return True
            return False

    def leave(self, job: Job) -> None:
        """Its client has gone while `job` runs: once every job of the running batch has, the batch stops at the
        next step boundary, so the next group waits for one step of it, not for the whole batch."""
        job.gone.set()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=5)

    def _take_batch(self) -> list[Job] | None:
        """Waits for the fairest head job and its company; None once closed."""
        with self._cond:
            while not self._queue and not self._closed:
                self._cond.wait()
            if self._closed:
                return None
            head = min(self._queue, key=_fair_order)
            if self.config.enabled:
                deadline = head.arrived + self.config.max_wait
                while (left := deadline - time.monotonic()) > 0 and head in self._queue and not self._closed:
                    self._cond.wait(left)
                if head not in self._queue:  # cancelled while waiting for company
                    return []
            batch = self._with_company(head, self._queue)
            for job in batch:
                self._queue.remove(job)
            self._virtual = max(self._virtual, head.start_tag)
            self.on_virtual(head.start_tag)
            return batch

    def _with_company(self, head: Job, pool: list[Job], max_seconds: float | None = None,
                      nested: bool = False) -> list[Job]:  # fmt: skip
        """`head` and the groups of `pool` that may share its batch (same settings, within the batch's bounds and
        `max_seconds`), in fair order. Called with the lock held.

        Another tenant's group joins only if its start tag is not past the head's finish tag (start tag plus its
        estimated seconds): groups owed service while the head is served, e.g. tenants who arrived together.
        A batch's time grows with its rows (on a CPU about linearly), so a backlogged tenant's later groups riding
        along would delay the head by their own work: in the fair loadtest on Ray the good tenant's three slowest
        requests (0.65-0.75 s against 0.11-0.19 s solo) each ran in a batch with 4-6 of the flooder's groups, which
        took 0.43-0.57 s where its usual batch of 1-2 groups took 0.04-0.11 s. The head's own tenant's groups join
        past that finish tag too (one key's concurrent groups still fill a batch), but never past another tenant's
        waiting group (any settings): they would be served before a group whose turn comes first. In a `nested`
        batch they do not join past it at all: nothing else can preempt while a nested batch runs, and on Ray a
        flooder's 4-5 groups nested in the filler's batch (0.33-0.48 s where 0.014 s each was estimated) held the
        good tenant's group, arriving just after, for all of it."""
        batch, size, seconds = [head], head.request.n, head.seconds
        if not self.config.enabled:
            return batch
        key = batch_key(head.request)
        limit = self.config.max_batch_seconds if max_seconds is None else min(max_seconds, self.config.max_batch_seconds)
        finish = head.start_tag + head.seconds
        next_other = min((j.start_tag for j in pool if j.tenant != head.tenant), default=math.inf)
        for job in sorted(pool, key=_fair_order):
            if job is head or batch_key(job.request) != key:
                continue
            if job.start_tag > (max(finish, next_other) if job.tenant == head.tenant and not nested else finish):
                continue  # not owed service before the head is done: it would make the head, or another, wait
            if size + job.request.n > self.config.max_candidates or seconds + job.seconds > limit:
                continue
            batch.append(job)  # the whole group joins, or none of it
            size, seconds = size + job.request.n, seconds + job.seconds
        return batch

    def _preempting(self, running: list[Job], step: int, depth: int) -> list[Job]:
        """The groups to run now, nested between steps `step - 1` and `step` of the `running` batch, or [].

        A waiting group is owed service before the rest of the running batch when its start tag is below the
        virtual time that batch has reached: the furthest of its groups' start tags plus the part of their
        estimated seconds done so far (step / k). A newly active tenant's group (start tag = virtual time) thus
        runs at the next step boundary, while a tenant that had its share lately (a higher tag) may not push the
        running batch back further than that batch has advanced: the paused batch keeps its fair place. The
        furthest, not the head's: a batch whose head's tenant brought later groups of its own as company serves
        those ahead of their turn, so a group tagged before them is owed service too (measured on Ray: the good
        tenant's group, arriving just after a flooder's batch of 5 of its groups began, waited 0.3-0.47 s for all
        of it, its tag above the head's progress but below the company's). The nested batch takes company only
        among the owed groups, so no tenant rides along past its turn.

        A nested batch never outlasts what is left of the paused one (estimated): an owed group longer than that
        waits for the running batch to end, as it would without preemption, and a shorter owed group may go
        first (it delays the long one by its own short length at most). Nesting a long group would only delay
        the paused batch's clients and, with one level of nesting, hold every newcomer behind it for all its
        length (measured on Ray: a small group's p99 0.9-1.4 s when a filler's batch ran nested in a flooder's)."""
        if not self.config.preempt or depth >= PREEMPT_DEPTH or step == 0:
            return []
        k = max(1, running[0].request.k)
        reached = max(j.start_tag + j.seconds * step / k for j in running)
        left = sum(j.seconds for j in running) * (k - step) / k
        with self._cond:
            owed = [j for j in self._queue if j.start_tag < reached and j.seconds <= left]
            if not owed or self._closed:
                return []
            head = min(owed, key=_fair_order)
            if self.config.enabled and time.monotonic() < head.arrived + self.config.max_wait:
                return []  # it may still find company; the running batch advances meanwhile
            batch = self._with_company(head, owed, max_seconds=left, nested=True)
            for job in batch:
                self._queue.remove(job)
            self._virtual = max(self._virtual, head.start_tag)
            self.on_virtual(head.start_tag)
            return batch

    def _loop(self) -> None:
        while (batch := self._take_batch()) is not None:
            self._run(batch, depth=0)

    def _run(self, batch: list[Job], depth: int) -> None:
        """Runs one batch on this (the engine) thread and settles its jobs' futures; between steps it stops once
        every client has gone, or runs the groups `_preempting` picks as a nested batch of depth + 1."""
        live = [job for job in batch if job.future.set_running_or_notify_cancel()]
        if not live:
            return
        started = time.monotonic()
        for job in live:
            job.started = started
        self.on_batch(live)
        self.stats["running"] += len(live)
        paused = 0.0  # wall time spent in nested batches, not charged to this one

        def between_steps(step: int) -> None:
            nonlocal paused
            if all(job.gone.is_set() for job in live):
                raise BatchStopped(f"every client of this batch left; stopped after step {step}")
            nested = self._preempting(live, step, depth)
            if nested:
                self.stats["preempted"] += 1
                began = time.monotonic()
                try:
                    self._run(nested, depth + 1)  # its groups' errors go to their own futures
                except Exception as exc:  # a hook failed (metrics, trace): the nested groups fail, never the paused
                    log.error("a preempting batch failed outside the engine (%s)", type(exc).__name__)
                    for job in nested:  # batch, whose run_groups would take it for its own failure and rerun it
                        if not job.future.done():
                            job.future.set_exception(exc)
                paused += time.monotonic() - began

        results = run_groups(lambda requests: self.run_batch(requests, on_step=between_steps),
                             [job.request for job in live])  # fmt: skip
        self.stats["batches"] += 1
        self.stats["running"] -= len(live)
        self.stats["stopped"] += any(isinstance(r, BatchStopped) for r in results)
        self.stats["prompts"] += sum(job.request.n for job in live)
        for job, result in zip(live, results, strict=True):
            self.stats["groups"] += 1
            if isinstance(result, Exception):
                self.stats["failed"] += not isinstance(result, BatchStopped)  # a stopped batch did not fail
                job.future.set_exception(result)
            else:
                if paused:  # the engine's clock ran on while this batch was paused
                    result = replace(result, server_seconds=max(0.0, result.server_seconds - paused))
                job.future.set_result(result)


def _fair_order(job: Job) -> tuple[float, float, int]:
    """Start tag first; among equal tags the smaller group, then the earlier one."""
    return job.start_tag, job.seconds, job.seq


class LocalRunner:
    """The single-process engine: `Batcher` (fair queue, one worker thread) around `run_batch`."""

    def __init__(self, batcher: Batcher, metrics: Metrics = NO_METRICS) -> None:
        self.batcher, self.metrics = batcher, metrics
        batcher.on_batch = lambda jobs: metrics.batch(len(jobs), sum(job.request.n for job in jobs))

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool], start_tag: float | None = None, ticket: str = "") -> Handoff:  # fmt: skip
        job = self.batcher.submit(request, tenant, seconds, rid, start_tag, ticket)
        waiting = asyncio.wrap_future(job.future)
        try:
            while not waiting.done():
                await asyncio.wait([waiting], timeout=0.25)
                if not waiting.done() and not job.gone.is_set() and client_gone():
                    if self.batcher.cancel(job):  # the client has gone: its queued group never runs
                        log.info("request %s: client left, dropped from the queue", rid)
                        raise AdmissionError(499, "client_closed", "the client closed the connection")
                    self.batcher.leave(job)  # running: its batch stops at a step boundary once all its clients left
        except asyncio.CancelledError:  # how Ray Serve says the client left: the same two cases
            if not self.batcher.cancel(job):
                self.batcher.leave(job)
            log.info("request %s: client left", rid)
            raise
        try:
            handoff = waiting.result()
        except BatchStopped:
            log.info("request %s: client left, its batch stopped between steps", rid)
            raise AdmissionError(499, "client_closed", "the client closed the connection") from None
        except (asyncio.CancelledError, Exception) as exc:
            raise group_failed(rid, exc) from None
        queued = (job.started or time.monotonic()) - job.arrived
        self.metrics.group(request.n, queued, handoff.server_seconds, handoff.server_flops)
        return handoff

    def stats(self) -> dict:
        return {"batcher": dict(self.batcher.stats), "queued_seconds": self.batcher.queued_seconds()}

    def close(self) -> None:
        self.batcher.close()
