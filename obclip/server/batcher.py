"""Dynamic batching with atomic group admission.

Requests wait at most `max_wait` seconds for company; a batch holds requests with identical
settings (`batch_key`) and at most `max_candidates` candidates in all. A request's N
candidates are admitted whole or not at all: a group is never split across batches, and each
group keeps its own noise and acceleration pivots inside the batch, so batching changes no
group's numerics beyond float rounding. One worker thread runs the engine; every batch gets
fresh scheduler and cache state.
"""

from __future__ import annotations

import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass

from obclip.cloud.engine import CloudEngine, batch_key
from obclip.protocol import CloudRequest, Handoff


@dataclass
class _Job:
    request: CloudRequest
    future: Future


class Batcher:
    """Feeds an engine from a queue.

    Args:
        engine (`CloudEngine`): the engine to run.
        max_candidates (`int`, defaults to 32): bound on candidates per batch (a larger single
            group still runs, alone).
        max_wait (`float`, defaults to 0.02): seconds the first request waits for others.
        enabled (`bool`, defaults to True): False runs every request alone.
    """

    def __init__(
        self, engine: CloudEngine, max_candidates: int = 32, max_wait: float = 0.02, enabled: bool = True
    ) -> None:
        self.engine, self.max_candidates, self.max_wait, self.enabled = engine, max_candidates, max_wait, enabled
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._held: list[_Job] = []
        self.batches_run = 0
        self._thread = threading.Thread(target=self._loop, name="obclip-batcher", daemon=True)
        self._thread.start()

    def submit(self, request: CloudRequest) -> Future:
        future: Future = Future()
        self._queue.put(_Job(request, future))
        return future

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=5)

    def _next(self, timeout: float | None) -> _Job | None:
        if self._held:
            return self._held.pop(0)
        try:
            return self._queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def _loop(self) -> None:
        while True:
            first = self._next(None)
            if first is None:
                return  # close() was called
            batch, size = [first], first.request.n
            deadline = time.monotonic() + self.max_wait
            skipped: list[_Job] = []
            while self.enabled and (left := deadline - time.monotonic()) > 0:
                job = self._next(left)
                if job is None:
                    break
                fits = (
                    batch_key(job.request) == batch_key(first.request) and size + job.request.n <= self.max_candidates
                )
                if fits:  # the whole group joins, or none of it
                    batch.append(job)
                    size += job.request.n
                else:
                    skipped.append(job)
            self._held = skipped + self._held
            self._run(batch)

    def _run(self, batch: list[_Job]) -> None:
        live = [job for job in batch if job.future.set_running_or_notify_cancel()]
        if not live:
            return
        try:
            results: list[Handoff] = self.engine.run_batch([job.request for job in live])
        except Exception as exc:  # reported to each waiting request, never kills the worker
            for job in live:
                job.future.set_exception(exc)
            return
        self.batches_run += 1
        for job, result in zip(live, results, strict=True):
            job.future.set_result(result)
