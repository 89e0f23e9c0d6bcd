"""Who runs an admitted group: the seam between the HTTP app and an engine.

`create_app` (app.py) does everything that is the same for every engine — auth, limits,
validation, budget, quotas, error codes, request ids — and hands each admitted group to a
`GroupRunner`. Two implement it:

- `LocalRunner` (here): this process's fair, bounded batcher (`batcher.py`), one worker thread;
- `ObclipReplica` (`ray_app.py`): a Ray Serve replica's `@serve.batch` method.

Both feed the same function, `admission.run_groups`, so batching and per-group isolation exist
once. `Metrics` is what the app and the runners report to; `NO_METRICS` does nothing (the
single-process server), `ray_app.RayMetrics` exports to Prometheus through Ray. No metric
carries a prompt, a key or a request id as a label: only counts, sizes, seconds and codes.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Protocol

from obclip.protocol import CloudRequest, Handoff
from obclip.server.admission import AdmissionError, BatchStopped
from obclip.server.batcher import Batcher

log = logging.getLogger("obclip.server")


class Metrics:
    """Observations the service reports; this base class ignores them (no exporter)."""

    def request(self, route: str, status: int) -> None:
        """One HTTP answer (`route` is a fixed route name, never the raw path)."""

    def error(self, code: str, status: int) -> None:
        """One error answer with our error code."""

    def group(self, candidates: int, queue_seconds: float, server_seconds: float, server_flops: int) -> None:
        """One group served: its N, its wait for a batch, its share of the engine's seconds and FLOPs."""

    def batch(self, groups: int, prompts: int) -> None:
        """One engine batch: how many groups and prompts (candidates) it held."""


NO_METRICS = Metrics()


class GroupRunner(Protocol):
    """Runs one admitted candidate group and returns its hand-off (or raises `AdmissionError`)."""

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool]) -> Handoff: ...  # fmt: skip

    def stats(self) -> dict:
        """Counters for /v1/stats."""
        ...

    def close(self) -> None:
        """Stops taking work (in-flight groups finish)."""
        ...


def group_failed(rid: str, exc: BaseException) -> AdmissionError:
    """The 500 a group gets when it failed inside the engine (alone: the others were answered)."""
    log.error("request %s: group failed in the engine (%s)", rid, type(exc).__name__)
    return AdmissionError(500, "group_failed", f"this group failed on the server ({type(exc).__name__}); "
                          "other groups were not affected")  # fmt: skip


class LocalRunner:
    """The single-process engine: `Batcher` (fair queue, one worker thread) around `run_batch`."""

    def __init__(self, batcher: Batcher, metrics: Metrics = NO_METRICS) -> None:
        self.batcher, self.metrics = batcher, metrics
        batcher.on_batch = metrics.batch

    async def run(self, request: CloudRequest, tenant: str, seconds: float, rid: str,
                  client_gone: Callable[[], bool]) -> Handoff:  # fmt: skip
        job = self.batcher.submit(request, tenant, seconds)
        waiting = asyncio.wrap_future(job.future)
        while not waiting.done():
            await asyncio.wait([waiting], timeout=0.25)
            if not waiting.done() and not job.gone.is_set() and client_gone():
                if self.batcher.cancel(job):  # the client has gone: its queued group never runs
                    log.info("request %s: client left, dropped from the queue", rid)
                    raise AdmissionError(499, "client_closed", "the client closed the connection")
                self.batcher.leave(job)  # running: its batch stops at a step boundary once all its clients left
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
